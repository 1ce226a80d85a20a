import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrameFragment, encodeFrameFragment, isHttpOrigin } from '../src/index.ts';

describe('frame fragment', () => {
  it('round-trips', () => {
    const fragment = { frameId: 'Ab3_-xyz9876', parentOrigin: 'https://shop.example:8443' };
    expect(decodeFrameFragment(`#${encodeFrameFragment(fragment)}`)).toEqual(fragment);
  });

  it('refuses origins that are not exactly an http(s) origin', () => {
    for (const origin of ['null', 'https://shop.example/', 'javascript:alert(1)', 'file://x', 'https://shop.example/path', '', 'https://a@b.example']) {
      expect(isHttpOrigin(origin), origin).toBe(false);
      expect(decodeFrameFragment(`#${new URLSearchParams({ id: 'abcdefgh', origin })}`)).toBeNull();
    }
  });

  it('never throws on arbitrary fragments', () => {
    fc.assert(fc.property(fc.string(), (hash) => {
      const result = decodeFrameFragment(hash);
      expect(result === null || typeof result.frameId === 'string').toBe(true);
    }));
  });
});

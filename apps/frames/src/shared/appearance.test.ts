import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { Appearance } from '@soxara/protocol';
import { appearanceToCss } from './appearance.ts';

describe('appearanceToCss', () => {
  it('maps variables to custom properties, theme first', () => {
    expect(appearanceToCss({ theme: 'night', variables: { colorPrimary: '#ff0000', borderRadius: '4px' } })).toEqual({
      '--sx-color-primary': '#ff0000',
      '--sx-color-background': '#1f2433',
      '--sx-color-text': '#e6e8ef',
      '--sx-color-danger': '#ff7a7a',
      '--sx-radius': '4px',
    });
    expect(appearanceToCss(undefined)).toEqual({});
  });

  it('never writes anything but --sx-* properties, and only values the schema accepted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (variables) => {
        const parsed = v.safeParse(Appearance, { variables });
        if (!parsed.success) return;
        for (const [property, value] of Object.entries(appearanceToCss(parsed.output))) {
          expect(property).toMatch(/^--sx-[a-z-]+$/);
          expect(value).not.toMatch(/[;{}<>\\]|url\(/i);
        }
      }),
    );
  });

  it('the schema refuses values that could escape a declaration', () => {
    for (const bad of ['red; background: url(x)', 'url(https://x)', 'red}body{', 'expression(alert(1))', '\\75rl(x)']) {
      expect(v.safeParse(Appearance, { variables: { colorPrimary: bad } }).success).toBe(false);
    }
  });
});

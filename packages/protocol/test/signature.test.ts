import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSignature, SIGNATURE_ERROR_CODES, signatureHeader } from '../src/signature.ts';

const secret = 'whsec_test_0123456789abcdef';
const now = 1_780_000_000;

describe('checkSignature', () => {
  it('answers ok with the signed timestamp for a fresh signature', () => {
    const header = signatureHeader({ payload: '{"id":"evt_1"}', secret, timestamp: now - 10 });
    expect(checkSignature('{"id":"evt_1"}', header, secret, { now })).toEqual({ ok: true, timestamp: now - 10 });
  });

  it('answers a refusal with one of its codes, never throws, whatever the header and body', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.constant(undefined)), (payload, header) => {
        const check = checkSignature(payload, header, secret, { now });
        expect(check.ok).toBe(false);
        if (!check.ok) expect(SIGNATURE_ERROR_CODES).toContain(check.code);
      }),
    );
  });

  it('throws only when it is misused: no secret, or a tolerance that disables the replay check', () => {
    expect(() => checkSignature('{}', 't=1,v1=00', '')).toThrow(TypeError);
    expect(() => checkSignature('{}', 't=1,v1=00', secret, { tolerance: 0 })).toThrow(RangeError);
  });
});

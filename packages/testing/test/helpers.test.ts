import { describe, expect, it } from 'vitest';
import { configureSoxaraTesting, paymentIdOf } from '../src/index.ts';
import { resolveOptions } from '../src/config.ts';

describe('paymentIdOf', () => {
  it('takes a payment id or a client secret', () => {
    expect(paymentIdOf('pi_3TZabc')).toBe('pi_3TZabc');
    expect(paymentIdOf('pi_3TZabc_secret_xyz123')).toBe('pi_3TZabc');
    expect(() => paymentIdOf('re_123')).toThrow(/Not a payment id/);
  });
});

describe('configuration', () => {
  it('prefers call options, then configureSoxaraTesting, and refuses live keys', () => {
    configureSoxaraTesting({ apiUrl: 'http://127.0.0.1:4110', secretKey: 'sxs_test_configured1' });
    expect(resolveOptions()).toEqual({ apiUrl: 'http://127.0.0.1:4110', secretKey: 'sxs_test_configured1', timeoutMs: 15_000 });
    expect(resolveOptions({ secretKey: 'sxs_test_percall12', timeoutMs: 1000 })).toMatchObject({ secretKey: 'sxs_test_percall12', timeoutMs: 1000 });
    expect(() => resolveOptions({ secretKey: 'sxs_live_abcdefgh' })).toThrow(/test secret keys/);
  });
});

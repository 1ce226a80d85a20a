import { describe, expect, it } from 'vitest';
import { checkMomoNumber, phoneErrorMessage } from './phone.ts';

describe('checkMomoNumber', () => {
  it('passes a number of the chosen provider, normalised', () => {
    expect(checkMomoNumber('088 115 8457', 'mtn')).toEqual({ ok: true, e164: '+231881158457', nationalNumber: '881158457', operator: 'mtn' });
  });

  it('refuses a number of the other operator, and names it', () => {
    expect(checkMomoNumber('0770123456', 'mtn')).toEqual({ ok: false, code: 'phone_number_provider_mismatch', operator: 'orange' });
    expect(checkMomoNumber('0881158457', 'orange')).toEqual({ ok: false, code: 'phone_number_provider_mismatch', operator: 'mtn' });
  });

  it('tells a foreign number from one that is not a Liberian MoMo number', () => {
    expect(checkMomoNumber('+14155550123', 'mtn')).toEqual({ ok: false, code: 'phone_number_not_liberian' });
    for (const raw of ['hello', '+231212345678', '+231220123456', '4612345']) {
      expect(checkMomoNumber(raw, 'mtn'), raw).toEqual({ ok: false, code: 'phone_number_invalid' });
    }
  });

  it('says which prefixes the chosen provider uses', () => {
    expect(phoneErrorMessage('phone_number_provider_mismatch', 'orange', 'en')).toContain('077');
    expect(phoneErrorMessage('phone_number_provider_mismatch', 'mtn', 'fr')).toContain('0555');
  });
});

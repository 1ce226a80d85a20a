import fc from 'fast-check';
import mobileMetadata from 'libphonenumber-js/metadata.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { checkMomoNumber, LR_MOBILE_METADATA, maskPhoneNumber, normaliseLiberianMobile, operatorOf, phoneErrorMessage } from './phone.ts';

describe('embedded metadata', () => {
  it("is the installed libphonenumber-js's LR entry (on failure, paste the new entry into phone.ts)", () => {
    const metadata = LR_MOBILE_METADATA as unknown as { version: number; countries: Record<string, unknown> };
    expect(metadata.version).toBe(mobileMetadata.version);
    expect(metadata.countries.LR).toEqual((mobileMetadata.countries as Record<string, unknown>).LR);
  });
});

describe('normaliseLiberianMobile', () => {
  it.each([
    ['+231881158457', '+231881158457', 'mtn'],
    ['0881158457', '+231881158457', 'mtn'],
    ['088 115 8457', '+231881158457', 'mtn'],
    ['088-115-8457', '+231881158457', 'mtn'],
    ['+231 (88) 115-8457', '+231881158457', 'mtn'],
    ['00231881158457', '+231881158457', 'mtn'],
    ['+231555123456', '+231555123456', 'mtn'],
    ['0770123456', '+231770123456', 'orange'],
    ['+231 77 012 3456', '+231770123456', 'orange'],
  ])('%s → %s (%s)', (raw, e164, operator) => {
    expect(normaliseLiberianMobile(raw)).toMatchObject({ ok: true, e164, operator });
  });

  it.each([
    ['', 'phone_number_invalid'],
    ['hello', 'phone_number_invalid'],
    ['+23188115845', 'phone_number_invalid'], // 8 digits
    ['+2318811584571', 'phone_number_invalid'], // 10 digits
    ['+231212345678', 'phone_number_invalid'], // fixed line range
    ['+231220123456', 'phone_number_invalid'], // mobile, but no MoMo operator
    ['4612345', 'phone_number_invalid'], // legacy 7-digit mobile
    ['+14155550123', 'phone_number_not_liberian'],
    ['0033612345678', 'phone_number_not_liberian'],
    ['+231881158457<script>', 'phone_number_invalid'],
    ['+231 88abc1158457', 'phone_number_invalid'],
  ])('%s is refused (%s)', (raw, code) => {
    expect(normaliseLiberianMobile(raw)).toMatchObject({ ok: false, code });
  });

  it('accepts every MTN and Orange number however it is spaced, and always yields +231 and 9 digits', () => {
    const national = fc.oneof(
      fc.stringMatching(/^88\d{7}$/),
      fc.stringMatching(/^555\d{6}$/),
      fc.stringMatching(/^77\d{7}$/),
    );
    const separator = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(national, fc.constantFrom('+231', '0', '00231', '+231 '), separator, (digits, prefix, sep) => {
        const typed = prefix + [digits.slice(0, 2), digits.slice(2, 5), digits.slice(5)].join(sep);
        const check = normaliseLiberianMobile(typed);
        expect(check).toMatchObject({ ok: true, e164: `+231${digits}`, operator: operatorOf(digits) });
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (raw) => void normaliseLiberianMobile(raw)));
  });
});

describe('checkMomoNumber', () => {
  it('refuses a number of the other operator', () => {
    expect(checkMomoNumber('0770123456', 'mtn')).toEqual({ ok: false, code: 'phone_number_provider_mismatch', operator: 'orange' });
    expect(checkMomoNumber('0881158457', 'orange')).toMatchObject({ ok: false, code: 'phone_number_provider_mismatch' });
    expect(checkMomoNumber('0881158457', 'mtn')).toMatchObject({ ok: true });
  });

  it('says which prefixes the chosen provider uses', () => {
    expect(phoneErrorMessage('phone_number_provider_mismatch', 'orange', 'en')).toContain('077');
  });
});

describe('maskPhoneNumber', () => {
  it('keeps the operator prefix and the last two digits only', () => {
    expect(maskPhoneNumber('+231881158457')).toBe('+231 88*** **57');
    fc.assert(
      fc.property(fc.stringMatching(/^(88|77)\d{7}$/), (digits) => {
        const masked = maskPhoneNumber(`+231${digits}`);
        expect(masked.replace(/\D/g, '')).toBe(`231${digits.slice(0, 2)}${digits.slice(-2)}`);
      }),
    );
  });
});

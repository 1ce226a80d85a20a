import fc from 'fast-check';
import mobileMetadata from 'libphonenumber-js/metadata.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { maskPhoneNumber, momoOperatorOf, parseLiberianMobile } from '../src/liberian-mobile.ts';
import { LR_MOBILE_METADATA } from '../src/lr-mobile-metadata.ts';

describe('embedded metadata', () => {
  it("is the installed libphonenumber-js's LR entry (on failure, paste the new entry into lr-mobile-metadata.ts)", () => {
    const metadata = LR_MOBILE_METADATA as unknown as { version: number; countries: Record<string, unknown> };
    expect(metadata.version).toBe(mobileMetadata.version);
    expect(metadata.countries.LR).toEqual((mobileMetadata.countries as Record<string, unknown>).LR);
  });
});

describe('parseLiberianMobile', () => {
  it.each([
    ['+231881158457', '+231881158457', 'mtn'],
    ['0881158457', '+231881158457', 'mtn'],
    ['088 115 8457', '+231881158457', 'mtn'],
    ['088-115-8457', '+231881158457', 'mtn'],
    ['+231 (88) 115-8457', '+231881158457', 'mtn'],
    ['00231881158457', '+231881158457', 'mtn'],
    ['+231 555 123 456', '+231555123456', 'mtn'],
    ['0770123456', '+231770123456', 'orange'],
    ['+231 77 012 3456', '+231770123456', 'orange'],
  ])('%s → %s (%s)', (raw, e164, operator) => {
    expect(parseLiberianMobile(raw)).toEqual({ ok: true, e164, nationalNumber: e164.slice(4), operator });
  });

  it.each([
    ['', 'not_a_phone_number'],
    ['hello', 'not_a_phone_number'],
    ['+231881158457<script>', 'not_a_phone_number'],
    ['+231 88abc1158457', 'not_a_phone_number'],
    ['Call 0881158457', 'not_a_phone_number'],
    ['tel:+231881158457', 'not_a_phone_number'],
    ['+14155550123', 'not_liberian'],
    ['0033612345678', 'not_liberian'],
    ['+23188115845', 'not_a_mobile_number'], // 8 digits
    ['+2318811584571', 'not_a_mobile_number'], // 10 digits
    ['+231212345678', 'not_a_mobile_number'], // a fixed line
    ['4612345', 'not_a_mobile_number'], // a legacy 7-digit mobile
    ['+231220123456', 'no_momo_operator'], // mobile, on a network without mobile money
  ])('%s is refused (%s)', (raw, reason) => {
    expect(parseLiberianMobile(raw)).toEqual({ ok: false, reason });
  });

  it('accepts every MTN and Orange number however it is written, and always yields +231 and 9 digits', () => {
    const national = fc.oneof(fc.stringMatching(/^88\d{7}$/), fc.stringMatching(/^555\d{6}$/), fc.stringMatching(/^77\d{7}$/));
    const separator = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(national, fc.constantFrom('+231', '0', '00231', '+231 '), separator, (digits, prefix, sep) => {
        const typed = prefix + [digits.slice(0, 2), digits.slice(2, 5), digits.slice(5)].join(sep);
        expect(parseLiberianMobile(typed)).toEqual({ ok: true, e164: `+231${digits}`, nationalNumber: digits, operator: momoOperatorOf(digits) });
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (raw) => void parseLiberianMobile(raw)));
  });
});

describe('momoOperatorOf', () => {
  it('names MTN for 88… and 555…, Orange for 77…, and nobody for other prefixes or lengths', () => {
    expect(['881158457', '555123456', '770123456', '220123456', '88115845', '8811584571'].map(momoOperatorOf)).toEqual([
      'mtn',
      'mtn',
      'orange',
      null,
      null,
      null,
    ]);
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

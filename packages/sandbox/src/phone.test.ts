import { describe, expect, it } from 'vitest';
import { checkLiberianMobile, maskPhoneNumber } from './phone.ts';

describe('checkLiberianMobile', () => {
  it.each([
    ['+231881158457', '+231881158457', 'mtn'],
    ['0881158457', '+231881158457', 'mtn'],
    ['088 115 8457', '+231881158457', 'mtn'],
    ['088-115-8457', '+231881158457', 'mtn'],
    ['+231 555 123 456', '+231555123456', 'mtn'],
    ['0775123456', '+231775123456', 'orange'],
    ['00231775123456', '+231775123456', 'orange'],
  ])('%s → %s (%s)', (raw, e164, operator) => {
    expect(checkLiberianMobile(raw)).toEqual({ ok: true, e164, nationalNumber: e164.slice(4), operator });
  });

  it.each([
    ['', 'phone_number_invalid'],
    ['hello', 'phone_number_invalid'],
    ['+23188115845', 'phone_number_invalid'],
    ['+2318811584571', 'phone_number_invalid'],
    ['+14155552671', 'phone_number_not_liberian'],
    ['+231220123456', 'phone_number_unsupported_operator'],
    ['+23122012345', 'phone_number_invalid'],
  ])('refuses %s (%s)', (raw, code) => {
    const result = checkLiberianMobile(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('masks all but the operator prefix and the last two digits', () => {
    expect(maskPhoneNumber('+231881158457')).toBe('+231 88*** **57');
  });
});

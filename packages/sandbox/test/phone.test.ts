import { describe, expect, it } from 'vitest';
import { checkLiberianMobile } from '../src/phone.ts';

describe('checkLiberianMobile (the API side of the Liberian mobile rule)', () => {
  it('answers the normalised number and its operator', () => {
    expect(checkLiberianMobile('0775 123 456')).toEqual({ ok: true, e164: '+231775123456', nationalNumber: '775123456', operator: 'orange' });
  });

  it.each([
    ['Call 0881158457', 'phone_number_invalid', 'This is not a phone number.'],
    ['+14155552671', 'phone_number_not_liberian', 'Only Liberian (+231) mobile numbers can pay with MoMo.'],
    ['+23122012345', 'phone_number_invalid', 'This is not a valid Liberian mobile number.'],
    ['+231220123456', 'phone_number_unsupported_operator', 'This number is neither an MTN MoMo (088, 0555) nor an Orange Money (077) number.'],
  ])('refuses %s with %s and a message that says why', (raw, code, message) => {
    expect(checkLiberianMobile(raw)).toEqual({ ok: false, code, message });
  });
});

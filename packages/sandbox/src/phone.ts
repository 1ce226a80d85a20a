/**
 * The `phone_number` of a MoMo confirm, as the API answers it: `@soxara/protocol/liberian-mobile`'s rule
 * (the frames check the same one before any request), with the API's error codes and messages, and
 * what the sandbox's PIN prompt shows (operator names, USSD fallback codes).
 */
import type { MomoProvider } from '@soxara/protocol';
import { parseLiberianMobile, type LiberianMobileRefusal } from '@soxara/protocol/liberian-mobile';

export type PhoneErrorCode = 'phone_number_invalid' | 'phone_number_not_liberian' | 'phone_number_unsupported_operator';

export type PhoneCheck =
  | { ok: true; e164: string; nationalNumber: string; operator: MomoProvider }
  | { ok: false; code: PhoneErrorCode; message: string };

export const OPERATOR_NAMES: Record<MomoProvider, string> = { mtn: 'MTN MoMo', orange: 'Orange Money' };

export const USSD_CODES: Record<MomoProvider, string> = { mtn: '*156#', orange: '*144#' };

const REFUSALS: Record<LiberianMobileRefusal, { code: PhoneErrorCode; message: string }> = {
  not_a_phone_number: { code: 'phone_number_invalid', message: 'This is not a phone number.' },
  not_liberian: { code: 'phone_number_not_liberian', message: 'Only Liberian (+231) mobile numbers can pay with MoMo.' },
  not_a_mobile_number: { code: 'phone_number_invalid', message: 'This is not a valid Liberian mobile number.' },
  no_momo_operator: {
    code: 'phone_number_unsupported_operator',
    message: 'This number is neither an MTN MoMo (088, 0555) nor an Orange Money (077) number.',
  },
};

export function checkLiberianMobile(raw: string): PhoneCheck {
  const check = parseLiberianMobile(raw);
  return check.ok ? check : { ok: false, ...REFUSALS[check.reason] };
}

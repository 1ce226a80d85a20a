/**
 * Liberian mobile-money numbers: parse (E.164, local `088…`, spaces, dashes), check that libphonenumber's
 * LR data calls it a mobile number, and tell the operator from the national prefix (MTN `88…`/`555…`,
 * Orange `77…`, per DESIGN.md).
 */
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { MomoProvider } from '@soxara/protocol';

export type PhoneCheck =
  | { ok: true; e164: string; nationalNumber: string; operator: MomoProvider }
  | { ok: false; code: 'phone_number_invalid' | 'phone_number_not_liberian' | 'phone_number_unsupported_operator'; message: string };

export const OPERATOR_NAMES: Record<MomoProvider, string> = { mtn: 'MTN MoMo', orange: 'Orange Money' };

export function operatorOf(nationalNumber: string): MomoProvider | null {
  if (/^(88|555)/.test(nationalNumber)) return 'mtn';
  if (/^77/.test(nationalNumber)) return 'orange';
  return null;
}

export function checkLiberianMobile(raw: string): PhoneCheck {
  let parsed;
  try {
    parsed = parsePhoneNumberWithError(raw, 'LR');
  } catch {
    return { ok: false, code: 'phone_number_invalid', message: 'This is not a phone number.' };
  }
  if (parsed.countryCallingCode !== '231') {
    return { ok: false, code: 'phone_number_not_liberian', message: 'Only Liberian (+231) mobile numbers can pay with MoMo.' };
  }
  if (!parsed.isValid() || parsed.getType() !== 'MOBILE' || parsed.nationalNumber.length !== 9) {
    return { ok: false, code: 'phone_number_invalid', message: 'This is not a valid Liberian mobile number.' };
  }
  const operator = operatorOf(parsed.nationalNumber);
  if (!operator) {
    return {
      ok: false,
      code: 'phone_number_unsupported_operator',
      message: 'This number is neither an MTN MoMo (088, 0555) nor an Orange Money (077) number.',
    };
  }
  return { ok: true, e164: parsed.number, nationalNumber: parsed.nationalNumber, operator };
}

/** `+231881158457` → `+231 88*** **57`: enough for the customer to recognise their number. */
export function maskPhoneNumber(e164: string): string {
  const national = e164.replace(/^\+231/, '');
  return `+231 ${national.slice(0, 2)}*** **${national.slice(-2)}`;
}

export const USSD_CODES: Record<MomoProvider, string> = { mtn: '*156#', orange: '*144#' };

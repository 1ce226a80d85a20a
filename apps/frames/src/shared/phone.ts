/**
 * Liberian mobile-money numbers in the browser: normalise what the customer typed (`+231 88 115 8457`,
 * `0881158457`, `088-115-8457`) to E.164, check it is a current LR mobile number, tell its operator
 * from the prefix, and mask it for display. Runs before any request, so a typo never reaches the API
 * and never touches the payment.
 *
 * Operators by national prefix (libphonenumber's carrier data, shared/research/momo-wallet.md §4):
 * Lonestar Cell MTN `88…` and `555…`, Orange `77…`.
 *
 * Size: the package's `/mobile` build carries every country (~40 KB gzip), eight times the whole
 * merchant script. Only Liberia matters here, so its entry of that build is embedded below and fed to
 * `libphonenumber-js/core`; phone.test.ts fails when an upgraded package has different LR data, and
 * says to paste the new entry.
 */
import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import type { Locale, MomoProvider } from '@soxara/protocol';

/** `libphonenumber-js/metadata.mobile.json`, reduced to LR (same version, same entry). */
export const LR_MOBILE_METADATA = {"version": 4, "country_calling_codes": {"231": ["LR"]}, "countries": {"LR": ["231", "00", "(?:[2457]\\d|33|88)\\d{7}|(?:2\\d|[4-6])\\d{6}", [7, 8, 9], [["(\\d)(\\d{3})(\\d{3})", "$1 $2 $3", ["4[67]|[56]"], "0$1"], ["(\\d{2})(\\d{3})(\\d{3})", "$1 $2 $3", ["2"], "0$1"], ["(\\d{2})(\\d{3})(\\d{4})", "$1 $2 $3", ["[2-578]"], "0$1"]], "0", 0, 0, 0, 0, 0, [0, ["(?:(?:(?:22|33)0|555|7(?:6[01]|7\\d)|88\\d)\\d|4(?:240|[67]))\\d{5}|[56]\\d{6}", [7, 9]]]]}, "nonGeographic": {}} as unknown as MetadataJson;

export type PhoneErrorCode = 'phone_number_invalid' | 'phone_number_not_liberian' | 'phone_number_provider_mismatch';

export type PhoneCheck =
  | { ok: true; e164: string; nationalNumber: string; operator: MomoProvider }
  | { ok: false; code: PhoneErrorCode; operator?: MomoProvider };

/** Digits, one leading `+`, and the separators people type; anything else is not a phone number. */
const TYPED = /^\s*\+?[\d\s().-]{6,24}$/;

export function operatorOf(nationalNumber: string): MomoProvider | null {
  if (/^(?:88\d|555)\d{6}$/.test(nationalNumber)) return 'mtn';
  if (/^77\d{7}$/.test(nationalNumber)) return 'orange';
  return null;
}

export function normaliseLiberianMobile(raw: string): PhoneCheck {
  if (!TYPED.test(raw)) return { ok: false, code: 'phone_number_invalid' };
  // Only LR metadata is embedded: an international number of another country is caught here.
  const compact = raw.replace(/[\s().-]/g, '');
  if (/^(\+|00)/.test(compact) && !/^(\+|00)231/.test(compact)) return { ok: false, code: 'phone_number_not_liberian' };
  const parsed = parsePhoneNumberFromString(raw, 'LR', LR_MOBILE_METADATA);
  if (!parsed || parsed.countryCallingCode !== '231') return { ok: false, code: 'phone_number_invalid' };
  const nationalNumber = String(parsed.nationalNumber);
  const operator = parsed.isValid() ? operatorOf(nationalNumber) : null;
  if (!operator) return { ok: false, code: 'phone_number_invalid' };
  return { ok: true, e164: `+231${nationalNumber}`, nationalNumber, operator };
}

/** Valid, and on the network of the provider the customer chose. */
export function checkMomoNumber(raw: string, provider: MomoProvider): PhoneCheck {
  const check = normaliseLiberianMobile(raw);
  if (check.ok && check.operator !== provider) return { ok: false, code: 'phone_number_provider_mismatch', operator: check.operator };
  return check;
}

/** `+231881158457` → `+231 88*** **57`: enough for the customer to recognise their number (as the API masks it). */
export function maskPhoneNumber(e164: string): string {
  const national = e164.replace(/^\+231/, '');
  return `+231 ${national.slice(0, 2)}*** **${national.slice(-2)}`;
}

const MESSAGES: Record<Locale, Record<PhoneErrorCode, (provider: MomoProvider) => string>> = {
  en: {
    phone_number_invalid: () => 'Enter a valid Liberian mobile number, e.g. 088 115 8457.',
    phone_number_not_liberian: () => 'Only Liberian (+231) mobile numbers can pay with mobile money.',
    phone_number_provider_mismatch: (provider) =>
      provider === 'mtn'
        ? 'This is not an MTN number. MTN MoMo numbers start with 088 or 0555.'
        : 'This is not an Orange number. Orange Money numbers start with 077.',
  },
  fr: {
    phone_number_invalid: () => 'Saisissez un numéro mobile libérien valide, p. ex. 088 115 8457.',
    phone_number_not_liberian: () => 'Seuls les numéros mobiles libériens (+231) peuvent payer par mobile money.',
    phone_number_provider_mismatch: (provider) =>
      provider === 'mtn'
        ? "Ce n'est pas un numéro MTN. Les numéros MTN MoMo commencent par 088 ou 0555."
        : "Ce n'est pas un numéro Orange. Les numéros Orange Money commencent par 077.",
  },
};

export function phoneErrorMessage(code: PhoneErrorCode, provider: MomoProvider, locale: Locale): string {
  return MESSAGES[locale][code](provider);
}

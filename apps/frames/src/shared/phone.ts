/**
 * The customer's mobile number, checked in the browser before any request, so a typo never reaches the
 * API and never touches the payment: the rule is `@soxara/protocol/liberian-mobile`'s (the sandbox's
 * too), and this file adds what only the frames need: the check against the provider the customer chose
 * and the messages that say what to fix, in the customer's language.
 */
import type { Locale, MomoProvider } from '@soxara/protocol';
import { parseLiberianMobile } from '@soxara/protocol/liberian-mobile';

export type PhoneErrorCode = 'phone_number_invalid' | 'phone_number_not_liberian' | 'phone_number_provider_mismatch';

export type PhoneCheck =
  | { ok: true; e164: string; nationalNumber: string; operator: MomoProvider }
  | { ok: false; code: PhoneErrorCode; operator?: MomoProvider };

/** Valid, and on the network of the provider the customer chose. */
export function checkMomoNumber(raw: string, provider: MomoProvider): PhoneCheck {
  const check = parseLiberianMobile(raw);
  if (!check.ok) return { ok: false, code: check.reason === 'not_liberian' ? 'phone_number_not_liberian' : 'phone_number_invalid' };
  if (check.operator !== provider) return { ok: false, code: 'phone_number_provider_mismatch', operator: check.operator };
  return check;
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

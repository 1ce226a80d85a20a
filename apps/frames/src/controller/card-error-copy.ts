/**
 * Card errors in the customer's language. The API speaks English; as Stripe.js does, the frames put
 * the message in the locale the merchant chose, keyed by `decline_code` or `code` (which stay as they
 * are, for the merchant's code). Unknown codes keep the API's message.
 *
 * A rate limit (the sandbox's card-testing defence, research/security.md D15) gets customer words in
 * every locale: the API's message speaks to the developer ("retry after 598 s").
 */
import type { ErrorInfo, Locale } from '@soxara/protocol';

const FR: Record<string, string> = {
  generic_decline: 'Votre carte a été refusée.',
  card_declined: 'Votre carte a été refusée.',
  insufficient_funds: 'Le solde de votre carte est insuffisant.',
  expired_card: 'Votre carte a expiré.',
  incorrect_cvc: 'Le code de sécurité de votre carte est incorrect.',
  authentication_failed: "L'authentification 3-D Secure a échoué.",
  processing_error: "Une erreur s'est produite lors du traitement de votre carte. Réessayez.",
};

const BY_LOCALE: Record<Locale, Record<string, string> | null> = { en: null, fr: FR };

const RATE_LIMITED: Record<Locale, string> = {
  en: 'Too many attempts in a short time. Wait a few minutes, then try again.',
  fr: 'Trop de tentatives en peu de temps. Patientez quelques minutes, puis réessayez.',
};

export function localiseCardError(error: ErrorInfo, locale: Locale): ErrorInfo {
  if (error.type === 'rate_limit_error') return { ...error, message: RATE_LIMITED[locale] };
  const table = BY_LOCALE[locale];
  if (!table || error.type !== 'card_error') return error;
  const message = (error.decline_code && table[error.decline_code]) || table[error.code];
  return message ? { ...error, message } : error;
}

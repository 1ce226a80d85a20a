/**
 * The controller's errors in the customer's language. The API and the error registry speak English;
 * as Stripe.js does, the frames put the message in the locale the merchant chose, keyed by
 * `decline_code` or `code` (which stay as they are, for the merchant's code). A code without words
 * here keeps its message.
 *
 * A rate limit (the sandbox's card-testing defence) gets customer words in every locale: the API's
 * message speaks to the developer ("retry after 598 s").
 */
import { RATE_LIMITED, type ErrorInfo, type Locale } from '@soxara/protocol';
import { inCustomerWords, type Copy, type ErrorCopy } from '../shared/copy.ts';

const ERROR_COPY: Copy<ErrorCopy> = {
  en: {
    rate_limited: 'Too many attempts in a short time. Wait a few minutes, then try again.',
  },
  fr: {
    rate_limited: 'Trop de tentatives en peu de temps. Patientez quelques minutes, puis réessayez.',
    // Card declines (the API's codes and decline codes).
    generic_decline: 'Votre carte a été refusée.',
    card_declined: 'Votre carte a été refusée.',
    insufficient_funds: 'Le solde de votre carte est insuffisant.',
    expired_card: 'Votre carte a expiré.',
    incorrect_cvc: 'Le code de sécurité de votre carte est incorrect.',
    authentication_failed: "L'authentification 3-D Secure a échoué.",
    processing_error: "Une erreur s'est produite lors du traitement de votre carte. Réessayez.",
    // The registry's outcomes of a wait.
    payment_outcome_unknown:
      "Nous n'avons pas encore pu confirmer ce paiement. Ne payez pas une seconde fois : si vous l'avez approuvé, il aboutira et le marchand sera prévenu.",
    customer_canceled: 'Vous avez annulé le paiement.',
    payment_canceled: 'Ce paiement a été annulé.',
    payment_unexpected_state: "Ce paiement n'attend pas d'action du client.",
    payment_intent_authentication_failure: "Nous n'avons pas pu vérifier votre carte. Réessayez ou utilisez un autre moyen de paiement.",
  },
};

export function inLocale(error: ErrorInfo, locale: Locale): ErrorInfo {
  const copy = ERROR_COPY[locale];
  // Whatever its code, a rate limit reads as one.
  if (error.type === 'rate_limit_error') return { ...error, message: copy[RATE_LIMITED.code] ?? error.message };
  return inCustomerWords(error, copy);
}

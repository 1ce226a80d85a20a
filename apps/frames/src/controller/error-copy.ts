/**
 * What a customer reads when a payment does not go through, in the form's locale. The API and the
 * error registry (@soxara/protocol) write their messages for developers ("The customer declined the
 * MoMo PIN prompt."); as Stripe.js does, the frames replace `message` with the customer's words and
 * keep the developer's detail in `code`, `decline_code` and `doc_url` (docs/errors.md).
 *
 * Keys are a `decline_code`, a `code`, or `type:code` where one code means different things per method
 * (`insufficient_funds` on a card, on a MoMo account, on a wallet). Lookup: the decline code, then the
 * code, each as `type:code` first; then the type's fallback. Every locale has every key (typed, and tested).
 *
 * Validation errors are left as they are: they were written in the customer's language where they
 * were raised (the fields, the phone check), with details (the operator's name) this table lacks.
 */
import { RATE_LIMITED, type ErrorInfo, type ErrorType, type Locale } from '@soxara/protocol';
import type { Copy } from '../shared/copy.ts';

/** Where each code is explained for the developer: `doc_url` is this plus `#<code>`. */
export const ERROR_DOCS_URL = 'https://github.com/soxara/soxara-js/blob/main/docs/errors.md';

const en = {
  // Card declines (the API's codes and decline codes).
  card_declined: 'Your card was declined. Try another card or payment method.',
  generic_decline: 'Your card was declined. Try another card or payment method.',
  'card_error:insufficient_funds': 'Your card has insufficient funds. Try another card or payment method.',
  expired_card: 'Your card has expired. Try another card.',
  incorrect_cvc: "Your card's security code is incorrect. Check it and try again.",
  processing_error: 'Something went wrong while processing your card. Please try again in a moment.',
  // 3-D Secure.
  authentication_failed: 'Your bank could not verify this payment. Try again or use another payment method.',
  payment_intent_authentication_failure: 'We could not verify your card. Please try again or use a different payment method.',
  // MoMo.
  'momo_error:approval_rejected': 'The payment request was declined on your phone. No money was taken. You can try again.',
  'momo_error:insufficient_funds': 'Your mobile money balance is too low for this payment. Top up, then try again.',
  'momo_error:prompt_expired': 'The request on your phone expired before it was approved. No money was taken. Please try again.',
  'momo_error:customer_canceled': 'You cancelled the payment. No money was taken.',
  // The Soxara wallet.
  'wallet_error:approval_rejected': 'The payment was declined in the Soxara app. No money was taken. You can try again.',
  'wallet_error:insufficient_funds': 'Your Soxara wallet balance is too low for this payment. Top up, then try again.',
  'wallet_error:prompt_expired': 'The approval request expired before it was approved in the Soxara app. Please try again.',
  'wallet_error:customer_canceled': 'You cancelled the payment. No money was taken.',
  // Network, limits and the outcomes of a wait.
  rate_limited: 'Too many attempts in a short time. Wait a few minutes, then try again.',
  network_error: 'We could not reach the payment service. Check your connection and try again.',
  connection_failed: 'We could not check the payment status. Check your connection and try again.',
  request_aborted: 'The payment was interrupted. Please try again.',
  unexpected_response: 'The payment service is not answering as expected. Please try again in a moment.',
  unexpected_error: 'Something went wrong. Please try again.',
  element_unavailable: 'The payment form is not available any more. Reload the page and try again.',
  modal_unavailable: 'The payment window could not be opened. Reload the page and try again.',
  invalid_redirect: 'This payment cannot be completed here. Please contact the shop.',
  next_action_unsupported: 'This payment cannot be completed here. Please contact the shop.',
  not_initialized: 'The payment form is still loading. Please try again.',
  invalid_client_secret: 'This payment cannot be completed here. Please contact the shop.',
  payment_outcome_unknown: "We could not confirm this payment yet. Don't pay again: if you approved it, it will complete and the shop will be told.",
  payment_canceled: 'This payment was cancelled.',
  payment_unexpected_state: 'This payment cannot be completed now. Reload the page to see its status.',
  // A deferred form whose payment is not what the customer was shown: nothing was charged.
  amount_mismatch: 'The amount to pay has changed. Nothing was charged. Check your order, then try again.',
  currency_mismatch: 'The currency of this payment has changed. Nothing was charged. Check your order, then try again.',
  // Fallbacks by type, for codes this table does not name.
  'type:api_error': 'Something went wrong on our side. Please try again in a moment.',
  'type:api_connection_error': 'We could not reach the payment service. Check your connection and try again.',
  'type:card_error': 'Your card was declined. Try another card or payment method.',
  'type:momo_error': 'The mobile money payment did not go through. No money was taken. Please try again.',
  'type:wallet_error': 'The Soxara wallet payment did not go through. No money was taken. Please try again.',
};

export type CustomerCopyKey = keyof typeof en;

export const customerCopy: Copy<Record<CustomerCopyKey, string>> = {
  en,
  fr: {
    card_declined: 'Votre carte a été refusée. Essayez une autre carte ou un autre moyen de paiement.',
    generic_decline: 'Votre carte a été refusée. Essayez une autre carte ou un autre moyen de paiement.',
    'card_error:insufficient_funds': 'Le solde de votre carte est insuffisant. Essayez une autre carte ou un autre moyen de paiement.',
    expired_card: 'Votre carte a expiré. Essayez une autre carte.',
    incorrect_cvc: 'Le code de sécurité de votre carte est incorrect. Vérifiez-le et réessayez.',
    processing_error: "Une erreur s'est produite lors du traitement de votre carte. Réessayez dans un instant.",
    authentication_failed: "Votre banque n'a pas pu vérifier ce paiement. Réessayez ou utilisez un autre moyen de paiement.",
    payment_intent_authentication_failure: "Nous n'avons pas pu vérifier votre carte. Réessayez ou utilisez un autre moyen de paiement.",
    'momo_error:approval_rejected': "La demande de paiement a été refusée sur votre téléphone. Aucun montant n'a été prélevé. Vous pouvez réessayer.",
    'momo_error:insufficient_funds': 'Le solde de votre compte mobile money est insuffisant pour ce paiement. Rechargez-le, puis réessayez.',
    'momo_error:prompt_expired': "La demande sur votre téléphone a expiré avant d'être approuvée. Aucun montant n'a été prélevé. Réessayez.",
    'momo_error:customer_canceled': "Vous avez annulé le paiement. Aucun montant n'a été prélevé.",
    'wallet_error:approval_rejected': "Le paiement a été refusé dans l'application Soxara. Aucun montant n'a été prélevé. Vous pouvez réessayer.",
    'wallet_error:insufficient_funds': 'Le solde de votre portefeuille Soxara est insuffisant pour ce paiement. Rechargez-le, puis réessayez.',
    'wallet_error:prompt_expired': "La demande d'approbation a expiré avant d'être approuvée dans l'application Soxara. Réessayez.",
    'wallet_error:customer_canceled': "Vous avez annulé le paiement. Aucun montant n'a été prélevé.",
    rate_limited: 'Trop de tentatives en peu de temps. Patientez quelques minutes, puis réessayez.',
    network_error: "Impossible de joindre le service de paiement. Vérifiez votre connexion et réessayez.",
    connection_failed: "Impossible de vérifier l'état du paiement. Vérifiez votre connexion et réessayez.",
    request_aborted: 'Le paiement a été interrompu. Réessayez.',
    unexpected_response: 'Le service de paiement ne répond pas comme prévu. Réessayez dans un instant.',
    unexpected_error: "Une erreur s'est produite. Réessayez.",
    element_unavailable: "Le formulaire de paiement n'est plus disponible. Rechargez la page et réessayez.",
    modal_unavailable: "La fenêtre de paiement n'a pas pu s'ouvrir. Rechargez la page et réessayez.",
    invalid_redirect: 'Ce paiement ne peut pas être finalisé ici. Contactez la boutique.',
    next_action_unsupported: 'Ce paiement ne peut pas être finalisé ici. Contactez la boutique.',
    not_initialized: 'Le formulaire de paiement est encore en cours de chargement. Réessayez.',
    invalid_client_secret: 'Ce paiement ne peut pas être finalisé ici. Contactez la boutique.',
    payment_outcome_unknown:
      "Nous n'avons pas encore pu confirmer ce paiement. Ne payez pas une seconde fois : si vous l'avez approuvé, il aboutira et la boutique sera prévenue.",
    payment_canceled: 'Ce paiement a été annulé.',
    payment_unexpected_state: "Ce paiement ne peut pas être finalisé maintenant. Rechargez la page pour voir son état.",
    amount_mismatch: "Le montant à payer a changé. Rien n'a été prélevé. Vérifiez votre commande, puis réessayez.",
    currency_mismatch: "La devise de ce paiement a changé. Rien n'a été prélevé. Vérifiez votre commande, puis réessayez.",
    'type:api_error': "Une erreur s'est produite de notre côté. Réessayez dans un instant.",
    'type:api_connection_error': 'Impossible de joindre le service de paiement. Vérifiez votre connexion et réessayez.',
    'type:card_error': 'Votre carte a été refusée. Essayez une autre carte ou un autre moyen de paiement.',
    'type:momo_error': "Le paiement mobile money n'a pas abouti. Aucun montant n'a été prélevé. Réessayez.",
    'type:wallet_error': "Le paiement par portefeuille Soxara n'a pas abouti. Aucun montant n'a été prélevé. Réessayez.",
  },
};

/** Types whose codes are the merchant's integration at fault: their message stays the developer's. */
const DEVELOPER_TYPES: readonly ErrorType[] = ['authentication_error', 'invalid_request_error', 'idempotency_error'];

function customerWords(error: ErrorInfo, copy: Record<string, string | undefined>): string | undefined {
  // Whatever its code, a rate limit reads as one (the API's message says "retry after 598 s").
  if (error.type === 'rate_limit_error') return copy[RATE_LIMITED.code];
  const byCode = [error.decline_code, error.code].reduce<string | undefined>(
    (found, code) => found ?? (code === undefined ? undefined : (copy[`${error.type}:${code}`] ?? copy[code])),
    undefined,
  );
  if (byCode) return byCode;
  return DEVELOPER_TYPES.includes(error.type) ? undefined : copy[`type:${error.type}`];
}

/** `error` with the customer's message and its `doc_url`; its codes untouched. */
export function inLocale(error: ErrorInfo, locale: Locale): ErrorInfo {
  const doc_url = `${ERROR_DOCS_URL}#${error.decline_code ?? error.code}`;
  if (error.type === 'validation_error') return { ...error, doc_url };
  const message = customerWords(error, customerCopy[locale]);
  return message ? { ...error, message, doc_url } : { ...error, doc_url };
}

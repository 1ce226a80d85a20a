/** What the customer and the merchant read about a wait: modal status lines and result messages, per locale. */
import type { Locale } from '@soxara/protocol';

const EN = {
  reconnecting: 'Connection lost. Still checking for your approval…',
  sendingNewPrompt: 'Sending a new request…',
  newPromptSent: 'A new request was sent. Check your phone.',
  newPromptFailed: 'Could not send a new request. The previous one may still be on your phone.',
  refreshed: 'The code expired, here is a new one.',
  outcomeUnknown:
    "We could not confirm this payment yet. Don't pay again: if you approved it, it will complete and the merchant will be told.",
  canceled: 'You cancelled the payment.',
  canceledPromptActive:
    'You cancelled, but the request could not be withdrawn: if it is still on your phone, decline it or let it expire.',
  paymentCanceled: 'This payment was cancelled.',
  unexpectedState: 'This payment is not waiting for the customer.',
  noPendingAction: 'This payment has no approval in progress.',
};

const FR: typeof EN = {
  reconnecting: 'Connexion perdue. Nous vérifions toujours votre approbation…',
  sendingNewPrompt: "Envoi d'une nouvelle demande…",
  newPromptSent: 'Une nouvelle demande a été envoyée. Regardez votre téléphone.',
  newPromptFailed: "Impossible d'envoyer une nouvelle demande. La précédente est peut-être encore sur votre téléphone.",
  refreshed: 'Le code a expiré, en voici un nouveau.',
  outcomeUnknown:
    "Nous n'avons pas encore pu confirmer ce paiement. Ne payez pas une seconde fois : si vous l'avez approuvé, il aboutira et le marchand sera prévenu.",
  canceled: 'Vous avez annulé le paiement.',
  canceledPromptActive:
    "Vous avez annulé, mais la demande n'a pas pu être retirée : si elle est encore sur votre téléphone, refusez-la ou laissez-la expirer.",
  paymentCanceled: 'Ce paiement a été annulé.',
  unexpectedState: "Ce paiement n'attend pas d'action du client.",
  noPendingAction: "Ce paiement n'a pas d'approbation en cours.",
};

export type WaitCopy = typeof EN;

export function waitCopy(locale: Locale): WaitCopy {
  return locale === 'fr' ? FR : EN;
}

/**
 * The status lines a wait shows in its modal, per locale. What a wait resolves to is an error of the
 * registry, in the customer's words through error-copy.ts.
 */
import type { Copy } from '../../shared/copy.ts';

const en = {
  reconnecting: 'Connection lost. Still checking for your approval…',
  /** While the browser is offline, for any flow: nothing has failed, nothing is sent twice. */
  offline: "You're offline — we'll continue when you're back",
  sendingNewPrompt: 'Sending a new request…',
  newPromptSent: 'A new request was sent. Check your phone.',
  newPromptFailed: 'Could not send a new request. The previous one may still be on your phone.',
  refreshed: 'The code expired, here is a new one.',
  /** `customer_canceled` when the prompt could not be withdrawn. */
  canceledPromptActive:
    'You cancelled, but the request could not be withdrawn: if it is still on your phone, decline it or let it expire.',
};

export const waitCopy: Copy<typeof en> = {
  en,
  fr: {
    reconnecting: 'Connexion perdue. Nous vérifions toujours votre approbation…',
    offline: 'Vous êtes hors ligne — nous reprendrons dès votre retour',
    sendingNewPrompt: "Envoi d'une nouvelle demande…",
    newPromptSent: 'Une nouvelle demande a été envoyée. Regardez votre téléphone.',
    newPromptFailed: "Impossible d'envoyer une nouvelle demande. La précédente est peut-être encore sur votre téléphone.",
    refreshed: 'Le code a expiré, en voici un nouveau.',
    canceledPromptActive:
      "Vous avez annulé, mais la demande n'a pas pu être retirée : si elle est encore sur votre téléphone, refusez-la ou laissez-la expirer.",
  },
};

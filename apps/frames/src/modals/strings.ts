/**
 * The modal shell's and the 3-D Secure view's strings. Kept apart from shared/i18n (the card frame's
 * dictionary) so that neither frame ships the other's text: the card frame has a 20 KB budget.
 */
import type { Locale } from '@soxara/protocol';

const en = {
  cancel: 'Cancel',
  loading: 'Loading…',
  threeDsTitle: 'Verify your card',
  threeDsHint: 'Your bank needs to confirm this payment.',
  threeDsFrameTitle: 'Card verification by your bank',
};

const fr: typeof en = {
  cancel: 'Annuler',
  loading: 'Chargement…',
  threeDsTitle: 'Vérifiez votre carte',
  threeDsHint: 'Votre banque doit confirmer ce paiement.',
  threeDsFrameTitle: 'Vérification de la carte par votre banque',
};

const dictionaries: Record<Locale, typeof en> = { en, fr };

export function modalText(locale: Locale, key: keyof typeof en): string {
  return dictionaries[locale][key];
}

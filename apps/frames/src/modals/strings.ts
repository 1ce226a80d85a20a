/** The modal shell's and the 3-D Secure view's strings (the MoMo and wallet views keep their own). */
import type { Copy } from '../shared/copy.ts';

const en = {
  cancel: 'Cancel',
  loading: 'Loading…',
  threeDsTitle: 'Verify your card',
  threeDsHint: 'Your bank needs to confirm this payment.',
  threeDsFrameTitle: 'Card verification by your bank',
};

export const modalCopy: Copy<typeof en> = {
  en,
  fr: {
    cancel: 'Annuler',
    loading: 'Chargement…',
    threeDsTitle: 'Vérifiez votre carte',
    threeDsHint: 'Votre banque doit confirmer ce paiement.',
    threeDsFrameTitle: 'Vérification de la carte par votre banque',
  },
};

/** The MoMo prompt view's strings (`{holes}` filled by shared/copy.ts `fill`), and the operators' names. */
import type { MomoProvider } from '@soxara/protocol';
import type { Copy } from '../../shared/copy.ts';

/** Brand names, not translated. */
export const PROVIDER_NAMES: Record<MomoProvider, string> = { mtn: 'MTN MoMo', orange: 'Orange Money' };

/** English's article goes by sound: "an MTN" ("em-tee-en"), "an Orange". */
export const PROVIDER_ARTICLE_EN: Record<MomoProvider, 'a' | 'an'> = { mtn: 'an', orange: 'an' };

const en = {
  title: 'Approve on your phone',
  sent: 'We sent {article} {provider} payment request of {amount} to {phone}.',
  instruction: 'Unlock your phone and approve the request with your MoMo PIN. Keep this page open.',
  expiresIn: 'The request expires in {time}',
  expired: 'The request has expired.',
  notReceived: "Didn't get the request?",
  resend: 'Send a new request',
  ussd: 'Or dial {code} on {provider} and approve the payment from your pending approvals.',
  cancel: 'Cancel payment',
};

export const momoCopy: Copy<typeof en> = {
  en,
  fr: {
    title: 'Approuvez sur votre téléphone',
    sent: 'Nous avons envoyé une demande de paiement {provider} de {amount} au {phone}.',
    instruction: 'Déverrouillez votre téléphone et approuvez la demande avec votre code PIN MoMo. Gardez cette page ouverte.',
    expiresIn: 'La demande expire dans {time}',
    expired: 'La demande a expiré.',
    notReceived: "Vous n'avez pas reçu la demande ?",
    resend: 'Envoyer une nouvelle demande',
    ussd: 'Ou composez le {code} sur {provider} et approuvez le paiement dans vos approbations en attente.',
    cancel: 'Annuler le paiement',
  },
};

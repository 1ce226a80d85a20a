/** The wallet view's strings. */
import type { Copy } from '../../shared/copy.ts';

const en = {
  title: 'Pay with Soxara',
  amount: 'Approve {amount} in the Soxara app.',
  openApp: 'Open Soxara',
  openHint: 'Approve the payment in the app, then come back here.',
  scan: "Scan this code with your phone's camera or the Soxara app, then approve the payment.",
  qrLabel: 'QR code to open the Soxara payment approval',
  showQr: 'Pay with another phone (show a QR code)',
  openHere: 'Open Soxara on this device',
  expiresIn: 'This code expires in {time}',
  expired: 'This code has expired. Getting a new one…',
  cancel: 'Cancel payment',
};

export const walletCopy: Copy<typeof en> = {
  en,
  fr: {
    title: 'Payer avec Soxara',
    amount: "Approuvez {amount} dans l'application Soxara.",
    openApp: 'Ouvrir Soxara',
    openHint: "Approuvez le paiement dans l'application, puis revenez ici.",
    scan: "Scannez ce code avec l'appareil photo de votre téléphone ou l'application Soxara, puis approuvez le paiement.",
    qrLabel: "Code QR pour ouvrir l'approbation du paiement Soxara",
    showQr: 'Payer avec un autre téléphone (afficher un code QR)',
    openHere: 'Ouvrir Soxara sur cet appareil',
    expiresIn: 'Ce code expire dans {time}',
    expired: 'Ce code a expiré. Nouveau code en cours…',
    cancel: 'Annuler le paiement',
  },
};

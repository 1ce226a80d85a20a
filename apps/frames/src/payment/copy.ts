/** The tabbed form's own strings (the card tab and the pay button use shared/form-copy.ts). */
import type { Copy } from '../shared/copy.ts';

const en = {
  methods: 'Payment method',
  card: 'Card',
  momo: 'Mobile money',
  soxara_wallet: 'Soxara wallet',
  provider: 'Network',
  phone: 'Mobile number',
  phonePlaceholder: '088 115 8457',
  momoHint: 'You will approve the payment on your phone with your PIN.',
  walletHint: 'You will approve the payment in the Soxara app: on this phone, or by scanning a QR code.',
};

export const paymentCopy: Copy<typeof en> = {
  en,
  fr: {
    methods: 'Moyen de paiement',
    card: 'Carte',
    momo: 'Mobile money',
    soxara_wallet: 'Portefeuille Soxara',
    provider: 'Réseau',
    phone: 'Numéro mobile',
    phonePlaceholder: '088 115 8457',
    momoHint: 'Vous approuverez le paiement sur votre téléphone avec votre code PIN.',
    walletHint: "Vous approuverez le paiement dans l'application Soxara : sur ce téléphone, ou en scannant un code QR.",
  },
};

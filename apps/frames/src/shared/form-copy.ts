/**
 * The element frames' strings: the card fields and the pay button (the tabbed form adds its own in
 * payment/copy.ts), and the errors they raise in the customer's words. English errors are the
 * registry's (@soxara/protocol), and every other locale names each of them (form-copy.test.ts).
 */
import type { Copy, ErrorCopy } from './copy.ts';

const en = {
  cardNumber: 'Card number',
  expiry: 'Expiry date',
  expiryPlaceholder: 'MM / YY',
  cvc: 'Security code',
  cvcPlaceholder: 'CVC',
  pay: 'Pay {amount}',
  payNoAmount: 'Pay',
  processing: 'Processing…',
  brandUnknown: 'Card',
};

export const formCopy: Copy<typeof en> = {
  en,
  fr: {
    cardNumber: 'Numéro de carte',
    expiry: "Date d'expiration",
    expiryPlaceholder: 'MM / AA',
    cvc: 'Code de sécurité',
    cvcPlaceholder: 'CVC',
    pay: 'Payer {amount}',
    payNoAmount: 'Payer',
    processing: 'Traitement…',
    brandUnknown: 'Carte',
  },
};

export const formErrorCopy: Copy<ErrorCopy> = {
  en: {},
  fr: {
    incomplete_number: 'Le numéro de carte est incomplet.',
    invalid_number: 'Le numéro de carte est invalide.',
    incomplete_expiry: "La date d'expiration est incomplète.",
    invalid_expiry_year_past: "La date d'expiration est passée.",
    invalid_expiry_month: "Le mois d'expiration est invalide.",
    invalid_expiry_year: "L'année d'expiration est invalide.",
    incomplete_cvc: 'Le code de sécurité est incomplet.',
    pay_click_ignored:
      "Le bouton de paiement était masqué ou venait de bouger : ce clic n'a pas été pris en compte. Vérifiez le montant et cliquez à nouveau sur Payer.",
  },
};

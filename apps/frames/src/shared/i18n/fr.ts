/** Chaînes françaises des frames. */
import type { Messages } from '../i18n.ts';

export const fr: Messages = {
  cardNumber: 'Numéro de carte',
  expiry: "Date d'expiration",
  expiryPlaceholder: 'MM / AA',
  cvc: 'Code de sécurité',
  cvcPlaceholder: 'CVC',
  pay: 'Payer {amount}',
  payNoAmount: 'Payer',
  processing: 'Traitement…',
  numberIncomplete: 'Le numéro de carte est incomplet.',
  numberInvalid: 'Le numéro de carte est invalide.',
  expiryIncomplete: "La date d'expiration est incomplète.",
  expiryPast: "La date d'expiration est passée.",
  expiryMonthInvalid: "Le mois d'expiration est invalide.",
  expiryInvalid: "L'année d'expiration est invalide.",
  cvcIncomplete: 'Le code de sécurité est incomplet.',
  brandUnknown: 'Carte',
  payClickIgnored: "Le bouton de paiement était masqué ou venait de bouger : ce clic n'a pas été pris en compte. Vérifiez le montant et cliquez à nouveau sur Payer.",
};

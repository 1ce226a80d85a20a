/** English strings of the card frame. `fr.ts` must have the same keys (the Messages type checks it). */
export const en = {
  cardNumber: 'Card number',
  expiry: 'Expiry date',
  expiryPlaceholder: 'MM / YY',
  cvc: 'Security code',
  cvcPlaceholder: 'CVC',
  pay: 'Pay {amount}',
  payNoAmount: 'Pay',
  processing: 'Processing…',
  numberIncomplete: 'Your card number is incomplete.',
  numberInvalid: 'Your card number is invalid.',
  expiryIncomplete: "Your card's expiry date is incomplete.",
  expiryPast: "Your card's expiry date is in the past.",
  expiryMonthInvalid: "Your card's expiry month is invalid.",
  expiryInvalid: "Your card's expiry year is invalid.",
  cvcIncomplete: "Your card's security code is incomplete.",
  brandUnknown: 'Card',
} as const;

/**
 * Card-number checks of the sandbox: normalisation, brand and validity from card-validator, the library
 * the card frame uses (apps/frames/src/card/card-model.ts), so the API never refuses what the frame calls
 * complete nor takes what it refuses; UnionPay without Luhn, as the library (research/security.md A7).
 * Only the expiry is the sandbox's own rule. Values never leave this process.
 */
import { cardNumber } from 'card-validator/dist/card-number.js';
import { CARD_VALIDATOR_BRANDS, type CardBrand } from '@soxara/protocol';

export type { CardBrand };

export function normaliseCardNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function cardBrand(digits: string): CardBrand {
  const type = cardNumber(digits).card?.type;
  return (type && CARD_VALIDATOR_BRANDS[type]) || 'unknown';
}

export function isValidCardNumber(digits: string): boolean {
  return /^\d+$/.test(digits) && cardNumber(digits).isValid;
}

/** A card is valid through the last day of its expiry month. */
export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return expYear < year || (expYear === year && expMonth < month);
}

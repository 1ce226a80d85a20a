/**
 * The `payment_method` of a confirm, from untrusted JSON to a checked ConfirmMethod: card number (Luhn),
 * expiry (not past, at most 19 years ahead), CVC; a Liberian mobile number of the chosen operator.
 * Errors name the field in `param`: `card[number]`, `card[exp_month]`, `card[exp_year]`, `card[cvc]`,
 * `phone_number`, `provider`.
 */
import * as v from 'valibot';
import { invalidRequest } from '../http/errors.ts';
import { cardBrand, isExpired, isValidCardNumber, normaliseCardNumber } from '../cards.ts';
import { checkLiberianMobile, OPERATOR_NAMES } from '../phone.ts';
import type { ConfirmMethod } from './confirm.ts';

const digitsOrNumber = v.union(
  [v.pipe(v.number(), v.integer()), v.pipe(v.string(), v.regex(/^\d{1,4}$/))],
  'must be a number',
);

export const paymentMethodSchema = v.variant(
  'type',
  [
    v.strictObject({
      type: v.literal('card'),
      card: v.strictObject({
        number: v.string('must be a string'),
        exp_month: digitsOrNumber,
        exp_year: digitsOrNumber,
        cvc: v.string('must be a string'),
      }, 'must be an object'),
    }),
    v.strictObject({
      type: v.literal('momo'),
      momo: v.strictObject({
        provider: v.picklist(['mtn', 'orange'], 'must be "mtn" or "orange"'),
        phone_number: v.string('must be a string'),
      }, 'must be an object'),
    }),
    v.strictObject({
      type: v.literal('soxara_wallet'),
      soxara_wallet: v.optional(v.strictObject({})),
    }),
  ],
  'must be an object whose type is "card", "momo" or "soxara_wallet"',
);

export type PaymentMethodInput = v.InferOutput<typeof paymentMethodSchema>;

/**
 * The card frame's rule (card-validator's expirationYear, apps/frames/src/card/card-model.ts): a year up
 * to 19 ahead of this one is valid, any month of it. The API refuses what the frame would refuse.
 */
export const MAX_EXPIRY_YEARS_AHEAD = 19;

/** Maps a valibot path inside a confirm body to the API's param name. */
export function confirmParam(path: (string | number)[]): string {
  const [head, kind, field] = path;
  if (head !== 'payment_method') return String(head ?? '');
  if (kind === 'momo' && (field === 'phone_number' || field === 'provider')) return field;
  if (kind === undefined) return 'payment_method';
  if (field === undefined) return kind === 'type' ? 'payment_method[type]' : String(kind);
  return `${String(kind)}[${String(field)}]`;
}

export function toConfirmMethod(input: PaymentMethodInput, now: Date): ConfirmMethod {
  switch (input.type) {
    case 'card': {
      const number = normaliseCardNumber(input.card.number);
      if (!isValidCardNumber(number)) {
        throw invalidRequest('invalid_number', 'The card number is not a valid card number.', 'card[number]');
      }
      const expMonth = Number(input.card.exp_month);
      if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) {
        throw invalidRequest('invalid_expiry_month', "The card's expiration month must be 1 to 12.", 'card[exp_month]');
      }
      let expYear = Number(input.card.exp_year);
      if (expYear < 100) expYear += 2000;
      if (!Number.isInteger(expYear) || expYear < 2000) {
        throw invalidRequest('invalid_expiry_year', "The card's expiration year is invalid.", 'card[exp_year]');
      }
      if (expYear > now.getUTCFullYear() + MAX_EXPIRY_YEARS_AHEAD) {
        throw invalidRequest(
          'invalid_expiry_year',
          `The card's expiration year is more than ${MAX_EXPIRY_YEARS_AHEAD} years ahead.`,
          'card[exp_year]',
        );
      }
      if (isExpired(expMonth, expYear, now)) {
        const param = expYear < now.getUTCFullYear() ? 'card[exp_year]' : 'card[exp_month]';
        throw invalidRequest(
          param === 'card[exp_year]' ? 'invalid_expiry_year' : 'invalid_expiry_month',
          "The card's expiration date is in the past.",
          param,
        );
      }
      if (!/^\d{3,4}$/.test(input.card.cvc)) {
        throw invalidRequest('invalid_cvc', "The card's security code must be 3 or 4 digits.", 'card[cvc]');
      }
      return { type: 'card', card: { number, brand: cardBrand(number), expMonth, expYear } };
    }
    case 'momo': {
      const phone = checkLiberianMobile(input.momo.phone_number);
      if (!phone.ok) throw invalidRequest(phone.code, phone.message, 'phone_number');
      if (phone.operator !== input.momo.provider) {
        throw invalidRequest(
          'phone_number_wrong_operator',
          `This is an ${OPERATOR_NAMES[phone.operator]} number, not ${OPERATOR_NAMES[input.momo.provider]}: choose ${phone.operator} as the provider.`,
          'phone_number',
        );
      }
      return { type: 'momo', provider: input.momo.provider, e164: phone.e164 };
    }
    case 'soxara_wallet':
      return { type: 'soxara_wallet' };
  }
}

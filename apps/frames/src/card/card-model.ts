/**
 * The card fields' rules, as pure functions: brand, formatting (card-validator's gaps: Amex 4-6-5,
 * others 4-4-4-4), caret placement across re-formatting, and validation (Luhn, lengths, expiry not
 * in the past, CVC length by brand). card-validator does the checking; nothing here re-implements it.
 */
import { cardNumber } from 'card-validator/dist/card-number';
import { cvv } from 'card-validator/dist/cvv';
// Month and year checks directly: expiration-date would add a free-text date parser we never need.
import { expirationMonth } from 'card-validator/dist/expiration-month';
import { expirationYear } from 'card-validator/dist/expiration-year';
import { CARD_VALIDATOR_BRANDS, type CardBrand } from '@soxara/protocol';

/** Longest PAN of any scheme (ISO/IEC 7812). */
export const MAX_NUMBER_DIGITS = 19;

export interface NumberInfo {
  brand: CardBrand;
  /** Positions (in digits) after which a space is shown. */
  gaps: readonly number[];
  /** The lengths a number of this brand can have. */
  lengths: readonly number[];
  maxLength: number;
  cvcLength: number;
}

const UNKNOWN: NumberInfo = { brand: 'unknown', gaps: [4, 8, 12], lengths: [16], maxLength: MAX_NUMBER_DIGITS, cvcLength: 3 };

/**
 * The digits of what the customer typed, pasted or autofilled, as ASCII: any Unicode decimal digit
 * counts as the digit it is (full-width `４`, Arabic-Indic `٤`, Devanagari `४`: a phone keyboard set to
 * another numeral system still pays); everything else (letters, `+`, emoji, zero-width and bidi
 * controls) is dropped. Nothing but `0`–`9` ever reaches the card state, hence the controller.
 */
export function digitsOf(value: string, max = Number.POSITIVE_INFINITY): string {
  return withAsciiDigits(value).replace(/\D/g, '').slice(0, max);
}

/** Unicode decimal digits as ASCII ones, invisible format characters (zero-width, bidi) removed, the rest kept. */
function withAsciiDigits(value: string): string {
  return value.replace(/\p{Cf}/gu, '').replace(/(?![0-9])\p{Nd}/gu, (digit) => String(decimalValue(digit)));
}

// JS has no API for a character's numeric value, and a table of every numeral system would strain
// the card frame's budget. Unicode's stability policy keeps decimal digits (General_Category Nd) in
// runs of ten, 0 to 9 in order, and some runs sit back to back (the mathematical digits), so a
// digit's value is its distance from the start of its block, modulo 10 (checked once against every
// Nd character in Python's unicodedata).
function decimalValue(digit: string): number {
  const code = digit.codePointAt(0) ?? 0;
  let start = code;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

export function numberInfo(digits: string): NumberInfo {
  const card = cardNumber(digits).card;
  if (!card) return UNKNOWN;
  return {
    brand: CARD_VALIDATOR_BRANDS[card.type] ?? 'unknown',
    gaps: card.gaps,
    lengths: card.lengths,
    maxLength: Math.max(...card.lengths),
    cvcLength: card.code.size,
  };
}

/** Digits with a space at each of the brand's gaps: `4242 4242 4242 4242`, `3782 822463 10005`. */
export function formatNumber(digits: string): string {
  const { gaps, maxLength } = numberInfo(digits);
  const kept = digits.slice(0, maxLength);
  let out = '';
  for (let i = 0; i < kept.length; i++) {
    if (i > 0 && gaps.includes(i)) out += ' ';
    out += kept[i];
  }
  return out;
}

/**
 * `MM / YY`. A first digit above 1 can only be a month on its own, so it becomes `0x`. The ` / ` is
 * added as soon as the month is whole, except while deleting (else Backspace could never remove it).
 */
export function formatExpiry(input: string, deleting = false): string {
  // Autofill and pastes bring whole dates: `1/34`, `12/2034`, `12-34`, `１２／２０３４` (a full-width
  // keyboard), `12 2034`. Any non-digits part month from year.
  const whole = /^\D*(\d{1,2})\D+(\d{4}|\d{2})\D*$/.exec(withAsciiDigits(input));
  if (whole && !(whole[1] === '0' || whole[1] === '00')) {
    const [, month = '', year = ''] = whole;
    return `${month.padStart(2, '0')} / ${year.slice(-2)}`;
  }
  let digits = digitsOf(input, 4);
  if (/^[2-9]$/.test(digits.slice(0, 1))) digits = `0${digits}`.slice(0, 4);
  const month = digits.slice(0, 2);
  const year = digits.slice(2);
  if (year) return `${month} / ${year}`;
  if (month.length === 2 && !deleting) return `${month} / `;
  return month;
}

/** Where the caret goes in `formatted` so that it stays after the same number of digits as before. */
export function caretAfterDigits(formatted: string, digitCount: number): number {
  if (digitCount <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted[i] ?? '')) seen++;
    if (seen === digitCount) return i + 1;
  }
  return formatted.length;
}

export type FieldStatus = 'empty' | 'incomplete' | 'invalid' | 'complete';

export function numberStatus(digits: string): FieldStatus {
  if (!digits) return 'empty';
  const result = cardNumber(digits);
  if (result.isValid) return 'complete';
  if (!result.isPotentiallyValid) return 'invalid';
  // At a length the brand uses (16 for most) a Luhn failure is a typo, shown at once, even though a
  // rare longer number of the brand could still be on its way.
  const { lengths, maxLength } = numberInfo(digits);
  return lengths.includes(digits.length) || digits.length >= maxLength ? 'invalid' : 'incomplete';
}

export interface Expiry {
  month: number;
  /** Four digits. */
  year: number;
}

/** Against today's date (card-validator reads the clock): a card expiring this month is still good. */
export function expiryStatus(input: string): FieldStatus {
  const digits = digitsOf(input, 4);
  if (!digits) return 'empty';
  if (digits.length < 4) {
    const month = Number(digits.slice(0, 2));
    return digits.length >= 2 && (month < 1 || month > 12) ? 'invalid' : 'incomplete';
  }
  const month = expirationMonth(digits.slice(0, 2));
  const year = expirationYear(digits.slice(2));
  // card-validator's own expirationDate rule: this year only from the current month on.
  const valid = month.isValid && year.isValid && (!year.isCurrentYear || month.isValidForThisYear);
  return valid ? 'complete' : 'invalid';
}

export function parseExpiry(input: string): Expiry | null {
  const digits = digitsOf(input, 4);
  if (digits.length !== 4 || expiryStatus(input) !== 'complete') return null;
  return { month: Number(digits.slice(0, 2)), year: 2000 + Number(digits.slice(2)) };
}

/** Which way an expiry is wrong, for the message: a bad month, a date in the past, a year too far ahead. */
export function expiryProblem(input: string, now = new Date()): 'incomplete' | 'month' | 'past' | 'year' | null {
  const status = expiryStatus(input);
  if (status === 'complete' || status === 'empty') return null;
  if (status === 'incomplete') return 'incomplete';
  const digits = digitsOf(input, 4);
  const month = Number(digits.slice(0, 2));
  if (month < 1 || month > 12) return 'month';
  const year = 2000 + Number(digits.slice(2));
  const past = year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1);
  return past ? 'past' : 'year';
}

export function cvcStatus(digits: string, cvcLength: number): FieldStatus {
  if (!digits) return 'empty';
  return cvv(digits, cvcLength).isValid ? 'complete' : digits.length > cvcLength ? 'invalid' : 'incomplete';
}

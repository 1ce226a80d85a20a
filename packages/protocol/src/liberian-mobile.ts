/**
 * Which numbers can pay with mobile money, and on which network: the one rule of the frames (checked
 * before any request, so a typo never reaches the API) and of the sandbox (the API's last word), so the
 * API never refuses what the frame accepted, nor takes what it refused.
 *
 * A number pays when libphonenumber's LR data calls it a current mobile number of `+231` and 9 digits,
 * and its national prefix names an operator (libphonenumber's carrier data): Lonestar Cell MTN `88…` and
 * `555…`, Orange `77…`. What the customer types may carry spaces, dashes, dots and brackets, and may be
 * in the local form `0881158457` or start `00231`; anything else (letters, words around the number, an
 * extension) is not a phone number, though libphonenumber alone would dig one out of it.
 *
 * Runs in the controller frame: only Liberia's metadata is embedded (lr-mobile-metadata.ts).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { MomoProvider } from './api.ts';
import { LR_MOBILE_METADATA } from './lr-mobile-metadata.ts';

/** The mobile-money networks by national prefix (libphonenumber's carrier data), 9 digits in all. */
const OPERATORS: ReadonlyArray<readonly [MomoProvider, RegExp]> = [
  ['mtn', /^(?:88\d|555)\d{6}$/],
  ['orange', /^77\d{7}$/],
];
/** Digits, one leading `+`, and the separators people type. */
const TYPED = /^\s*\+?[\d\s().-]{6,24}$/;
const INTERNATIONAL = /^(\+|00)/;
const LIBERIAN = /^(\+|00)231/;

export type LiberianMobileRefusal =
  /** Letters, words or symbols, too short or too long to be a number at all. */
  | 'not_a_phone_number'
  /** An international number of another country. */
  | 'not_liberian'
  /** Liberian, but not a current mobile number of 9 digits (a fixed line, a legacy 7-digit number). */
  | 'not_a_mobile_number'
  /** A Liberian mobile number on a network without mobile money. */
  | 'no_momo_operator';

export type LiberianMobile =
  | { ok: true; e164: string; nationalNumber: string; operator: MomoProvider }
  | { ok: false; reason: LiberianMobileRefusal };

/** The operator of a 9-digit national number, by its prefix; null for any other number. */
export function momoOperatorOf(nationalNumber: string): MomoProvider | null {
  return OPERATORS.find(([, prefix]) => prefix.test(nationalNumber))?.[0] ?? null;
}

/** Normalises what was typed to E.164 and names its operator, or says why it cannot pay. Never throws. */
export function parseLiberianMobile(raw: string): LiberianMobile {
  if (!TYPED.test(raw)) return { ok: false, reason: 'not_a_phone_number' };
  const compact = raw.replace(/[\s().-]/g, '');
  // Only LR metadata is embedded, so another country's number must be told apart before parsing.
  if (INTERNATIONAL.test(compact) && !LIBERIAN.test(compact)) return { ok: false, reason: 'not_liberian' };
  const parsed = parsePhoneNumberFromString(raw, 'LR', LR_MOBILE_METADATA);
  if (!parsed || parsed.countryCallingCode !== '231') return { ok: false, reason: 'not_a_phone_number' };
  const nationalNumber = String(parsed.nationalNumber);
  if (!parsed.isValid() || nationalNumber.length !== 9) return { ok: false, reason: 'not_a_mobile_number' };
  const operator = momoOperatorOf(nationalNumber);
  if (!operator) return { ok: false, reason: 'no_momo_operator' };
  return { ok: true, e164: `+231${nationalNumber}`, nationalNumber, operator };
}

/** `+231881158457` → `+231 88*** **57`: enough for the customer to recognise their number. */
export function maskPhoneNumber(e164: string): string {
  const national = e164.replace(/^\+231/, '');
  return `+231 ${national.slice(0, 2)}*** **${national.slice(-2)}`;
}

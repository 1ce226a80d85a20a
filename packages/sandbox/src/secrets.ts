/**
 * Comparing a secret the client sent with the stored one in constant time: `!==` stops at the first
 * differing character, and its timing tells an attacker how much of a guess was right. Strings of
 * different lengths are unequal at once (a client secret's length is no secret: its format is public).
 */
import { timingSafeEqual } from 'node:crypto';

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one money formatter of the frames. Amounts travel in minor units (DESIGN.md); both currencies
 * have two decimals (ISO 4217). Plain `en`/`fr` locales on purpose: in Liberia both dollars print as
 * `$`, and the region-free locales write `$12.50` for USD but `LRD 12.50` for LRD, never ambiguous.
 */
import type { Currency, Locale } from '@soxara/protocol';

const MINOR_DIGITS: Record<Currency, number> = { USD: 2, LRD: 2 };

export function formatMoney(amount: number, currency: Currency, locale: Locale): string {
  const digits = MINOR_DIGITS[currency];
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

/**
 * The one money formatter of the frames. Amounts travel in minor units (DESIGN.md); both currencies
 * have two decimals (ISO 4217). In Liberia both dollars are written `$`, so neither is ever printed
 * bare: English writes `US$12.50` and `L$1,250.00` as Liberians do, French `12,50 $US` and
 * `1 250,00 $LR`. Intl has no such symbols (region-free `en` prints USD as `$`), so Intl formats the
 * number and the symbol is ours.
 */
import type { Currency, Locale } from '@soxara/protocol';

const MINOR_DIGITS: Record<Currency, number> = { USD: 2, LRD: 2 };

const SYMBOLS: Record<Locale, Record<Currency, string>> = {
  en: { USD: 'US$', LRD: 'L$' },
  fr: { USD: '$US', LRD: '$LR' },
};

export function formatMoney(amount: number, currency: Currency, locale: Locale): string {
  const digits = MINOR_DIGITS[currency];
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount / 10 ** digits);
  const symbol = SYMBOLS[locale][currency];
  // A no-break space, so the symbol never wraps away from its number.
  return locale === 'fr' ? `${number}\u00a0${symbol}` : `${symbol}${number}`;
}

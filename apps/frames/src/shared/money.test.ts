import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.ts';

describe('formatMoney', () => {
  it.each([
    [1250, 'USD', 'en', 'US$12.50'],
    [125000, 'LRD', 'en', 'L$1,250.00'],
    [100000, 'USD', 'en', 'US$1,000.00'],
    [5, 'USD', 'en', 'US$0.05'],
  ] as const)('%d %s in %s → %s', (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('writes French with a decimal comma', () => {
    expect(formatMoney(1250, 'USD', 'fr')).toMatch(/^12,50\s\$US$/);
    expect(formatMoney(125000, 'LRD', 'fr')).toMatch(/^1\s250,00\s\$LR$/);
  });

  it('never prints a bare $: each dollar says which it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom('USD' as const, 'LRD' as const), fc.constantFrom('en' as const, 'fr' as const), (amount, currency, locale) => {
        expect(formatMoney(amount, currency, locale)).toMatch(/US\$|L\$|\$US|\$LR/);
        expect(formatMoney(amount, currency, locale)).not.toMatch(/(^|[^SL])\$(?!US|LR)/);
      }),
    );
  });

  it('always shows exactly two decimals of the minor-unit amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom('USD' as const, 'LRD' as const), (amount, currency) => {
        const text = formatMoney(amount, currency, 'en');
        const number = Number(text.replace(/[^\d.]/g, ''));
        expect(Math.round(number * 100)).toBe(amount);
        expect(text).toMatch(/\.\d{2}$/);
      }),
    );
  });
});

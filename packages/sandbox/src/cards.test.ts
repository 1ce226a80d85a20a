import { describe, expect, it } from 'vitest';
import { cardBrand, isExpired, normaliseCardNumber, passesLuhn } from './cards.ts';
import { TEST_CARDS } from './test-values.ts';

describe('cards', () => {
  it('every test card passes Luhn', () => {
    for (const number of Object.keys(TEST_CARDS)) expect(passesLuhn(number), number).toBe(true);
  });

  it('Luhn refuses a changed digit', () => {
    expect(passesLuhn('4242424242424241')).toBe(false);
  });

  it('normalises spaces and dashes', () => {
    expect(normaliseCardNumber('4242 4242-4242 4242')).toBe('4242424242424242');
  });

  it.each([
    ['4242424242424242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['3566002020360505', 'unknown'],
  ])('%s is %s', (number, brand) => {
    expect(cardBrand(number)).toBe(brand);
  });

  it('a card is valid through its expiry month', () => {
    const now = new Date(Date.UTC(2026, 4, 31));
    expect(isExpired(5, 2026, now)).toBe(false);
    expect(isExpired(4, 2026, now)).toBe(true);
    expect(isExpired(1, 2027, now)).toBe(false);
    expect(isExpired(12, 2025, now)).toBe(true);
  });
});

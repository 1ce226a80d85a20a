import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@soxara/protocol/test-values';
import { numberStatus, numberInfo } from '../../../apps/frames/src/card/card-model.ts';
import { cardBrand, isExpired, isValidCardNumber, normaliseCardNumber } from '../src/cards.ts';

describe('cards', () => {
  it('every test card is valid', () => {
    for (const { number } of Object.values(TEST_CARDS)) expect(isValidCardNumber(number), number).toBe(true);
  });

  it('Luhn refuses a changed digit', () => {
    expect(isValidCardNumber('4242424242424241')).toBe(false);
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
    ['3566002020360505', 'jcb'],
    ['36227206271667', 'diners'],
    ['6200000000000005', 'unionpay'],
    ['9999999999999995', 'unknown'],
  ])('%s is %s', (number, brand) => {
    expect(cardBrand(number)).toBe(brand);
  });

  // One rule on both sides: the API takes exactly the numbers the card frame calls complete, same brand.
  it.each([
    '4242424242424242',
    '4000056655665556',
    '4242424242424',
    '4242424242424242424',
    '378282246310005',
    '3782822463100050',
    '36227206271667',
    '3566002020360505',
    '6200000000000005',
    '6200000000000006',
    '620000000000000',
    '5555555555554444',
    '2720999999999996',
    '9999999999999995',
    '424242424242',
    '1234567812345670',
  ])('%s: the API and the frame agree', (number) => {
    expect(isValidCardNumber(number)).toBe(numberStatus(number) === 'complete');
    expect(cardBrand(number)).toBe(numberInfo(number).brand);
  });

  it('a card is valid through its expiry month', () => {
    const now = new Date(Date.UTC(2026, 4, 31));
    expect(isExpired(5, 2026, now)).toBe(false);
    expect(isExpired(4, 2026, now)).toBe(true);
    expect(isExpired(1, 2027, now)).toBe(false);
    expect(isExpired(12, 2025, now)).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caretAfterDigits, cvcStatus, digitsOf, expiryProblem, expiryStatus, formatExpiry, formatNumber, numberInfo, numberStatus, parseExpiry } from './card-model.ts';

const digitString = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('brand and formatting', () => {
  it.each([
    ['4242424242424242', 'visa', '4242 4242 4242 4242'],
    ['5555555555554444', 'mastercard', '5555 5555 5555 4444'],
    ['378282246310005', 'amex', '3782 822463 10005'],
    ['6011111111111117', 'discover', '6011 1111 1111 1117'],
    ['3566002020360505', 'jcb', '3566 0020 2036 0505'],
  ])('%s is %s, shown as %s', (digits, brand, formatted) => {
    expect(numberInfo(digits).brand).toBe(brand);
    expect(formatNumber(digits)).toBe(formatted);
  });

  it('formats Amex 4-6-5 and others 4-4-4-4 while typing', () => {
    expect(formatNumber('37828')).toBe('3782 8');
    expect(formatNumber('3782822463')).toBe('3782 822463');
    expect(formatNumber('42424')).toBe('4242 4');
  });

  it('formatting then stripping returns the digits (up to the brand maximum)', () => {
    fc.assert(
      fc.property(digitString(0, 19), (digits) => {
        const kept = digits.slice(0, numberInfo(digits).maxLength);
        expect(digitsOf(formatNumber(digits))).toBe(kept);
      }),
    );
  });

  it('never puts two spaces together or a space at either end', () => {
    fc.assert(
      fc.property(digitString(0, 19), (digits) => {
        const formatted = formatNumber(digits);
        expect(formatted).not.toMatch(/\s\s|^\s|\s$/);
      }),
    );
  });

  it('accepts pasted numbers with spaces and dashes', () => {
    expect(formatNumber(digitsOf('4242-4242 4242-4242'))).toBe('4242 4242 4242 4242');
  });

  it('CVC length follows the brand', () => {
    expect(numberInfo('3782').cvcLength).toBe(4);
    expect(numberInfo('4242').cvcLength).toBe(3);
    expect(cvcStatus('123', 4)).toBe('incomplete');
    expect(cvcStatus('1234', 4)).toBe('complete');
    expect(cvcStatus('123', 3)).toBe('complete');
    expect(cvcStatus('', 3)).toBe('empty');
  });
});

describe('number validation (Luhn and length)', () => {
  it.each([
    ['', 'empty'],
    ['4242', 'incomplete'],
    ['4242424242424242', 'complete'],
    ['4242424242424241', 'invalid'],
    ['4000002760003184', 'complete'],
  ])('%s → %s', (digits, status) => {
    expect(numberStatus(digits)).toBe(status);
  });

  it('a single changed digit of a valid number is never complete (Luhn)', () => {
    fc.assert(
      // From index 1: the first digit picks the brand, and UnionPay numbers skip Luhn.
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 9 }), (index, delta) => {
        const digits = '4242424242424242'.split('');
        digits[index] = String((Number(digits[index]) + delta) % 10);
        expect(numberStatus(digits.join(''))).not.toBe('complete');
      }),
    );
  });
});

describe('expiry', () => {
  const now = new Date();
  const yy = (offset: number) => String((now.getFullYear() + offset) % 100).padStart(2, '0');

  it('formats MM / YY and pads a lone month digit above 1', () => {
    expect(formatExpiry('1')).toBe('1');
    expect(formatExpiry('12')).toBe('12 / ');
    expect(formatExpiry('12', true)).toBe('12');
    expect(formatExpiry('4')).toBe('04 / ');
    expect(formatExpiry('1234')).toBe('12 / 34');
    expect(formatExpiry('12 / 345')).toBe('12 / 34');
  });

  it('reads whole dates from autofill and pastes, four-digit years included', () => {
    expect(formatExpiry('12/2034')).toBe('12 / 34');
    expect(formatExpiry('1/34')).toBe('01 / 34');
    expect(formatExpiry('07-29')).toBe('07 / 29');
    expect(formatExpiry('12 / 34')).toBe('12 / 34');
  });

  it('formatting is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.boolean(), (input, deleting) => {
        const once = formatExpiry(input, deleting);
        expect(formatExpiry(once, deleting)).toBe(once);
      }),
    );
  });

  it('rejects dates in the past and accepts this month and the future', () => {
    const month = String(now.getMonth() + 1).padStart(2, '0');
    expect(expiryStatus(`${month} / ${yy(0)}`)).toBe('complete');
    expect(expiryStatus(`12 / ${yy(3)}`)).toBe('complete');
    expect(expiryStatus(`12 / ${yy(-1)}`)).toBe('invalid');
    expect(expiryProblem(`12 / ${yy(-1)}`)).toBe('past');
    expect(expiryStatus('13 / 30')).toBe('invalid');
    expect(expiryProblem('13 / 30')).toBe('month');
    expect(expiryProblem(`12 / ${yy(40)}`)).toBe('year');
    expect(expiryStatus('1')).toBe('incomplete');
    expect(expiryProblem('12 / 3')).toBe('incomplete');
    expect(parseExpiry(`07 / ${yy(2)}`)).toEqual({ month: 7, year: now.getFullYear() + 2 });
    expect(parseExpiry(`07 / ${yy(-2)}`)).toBeNull();
  });
});

describe('caret', () => {
  it('stays after the same digit across re-formatting', () => {
    expect(caretAfterDigits('4242 4242 4', 4)).toBe(4);
    expect(caretAfterDigits('4242 4242 4', 5)).toBe(6);
    expect(caretAfterDigits('4242 4242 4', 0)).toBe(0);
    expect(caretAfterDigits('4242', 9)).toBe(4);
  });

  it('always lands right after the n-th digit', () => {
    fc.assert(
      fc.property(digitString(1, 19), fc.nat(19), (digits, n) => {
        const formatted = formatNumber(digits);
        const total = digitsOf(formatted).length;
        const position = caretAfterDigits(formatted, Math.min(n, total));
        expect(digitsOf(formatted.slice(0, position)).length).toBe(Math.min(n, total));
      }),
    );
  });
});

describe('checklist rows A6 and A7 (shared/research/security.md §6)', () => {
  it.each(['99', '9999', '99999999'])('A6 an unknown prefix (%s) is invalid at once, not "potentially valid"', (digits) => {
    expect(numberStatus(digits)).toBe('invalid');
    expect(numberInfo(digits).brand).toBe('unknown');
  });

  it('A7 a 19-digit Visa is complete; 16 digits of it too', () => {
    expect(numberStatus('4111111111111111003')).toBe('complete');
    expect(numberInfo('4111111111111111003').brand).toBe('visa');
    expect(numberStatus('4111111111111111')).toBe('complete');
  });

  it('A7 UnionPay follows its own rules: no Luhn check, 16 to 19 digits', () => {
    expect(numberInfo('6212345678901001').brand).toBe('unionpay');
    expect(numberStatus('6212345678901001')).toBe('complete');
    expect(numberStatus('6212345678901000003')).toBe('complete');
  });
});

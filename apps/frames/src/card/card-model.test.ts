import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caretAfterDigits, cvcStatus, digitsOf, expiryProblem, expiryStatus, formatExpiry, formatNumber, MAX_NUMBER_DIGITS, numberInfo, numberStatus, parseExpiry } from './card-model.ts';

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

describe('checklist rows A2, A3, A5, A8 and A10 (shared/research/security.md §6)', () => {
  // The zero of some numeral systems a phone keyboard may type: ASCII, Arabic-Indic, Eastern
  // Arabic-Indic (Persian, Urdu), Devanagari, Bengali, Thai, full-width, and two runs of the
  // mathematical digits, which sit back to back (bold, then double-struck) outside the BMP.
  const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7ce, 0x1d7d8, 0x1d7f6];
  const inSystem = (digits: string, zero: number) => [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');
  // Letters, `+`, `.`, emoji (one of them a ZWJ sequence), zero-width characters and bidi controls.
  const JUNK = ['a', 'Z', 'é', '+', '.', ',', ' ', '😀', '👩‍💳', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202e', '\u202c', '\u2066', '\u2067', '\u2069', '\u061c'];

  it('A2 full-width, Arabic-Indic and other Unicode decimal digits count as their ASCII digits', () => {
    expect(digitsOf('４２４２ ４２４２ ４２４２ ４２４２')).toBe('4242424242424242');
    expect(digitsOf('٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢')).toBe('4242424242424242');
    expect(digitsOf('۴۲۴۲')).toBe('4242');
    expect(digitsOf('४२४२')).toBe('4242');
    expect(digitsOf('𝟒𝟐𝟒𝟐')).toBe('4242');
    expect(formatNumber(digitsOf('٣٧٨٢٨٢٢٤٦٣١٠٠٠٥'))).toBe('3782 822463 10005');
    fc.assert(
      fc.property(digitString(0, 25), fc.constantFrom(...ZEROS), (digits, zero) => {
        expect(digitsOf(inSystem(digits, zero))).toBe(digits);
      }),
    );
  });

  it('A2 letters, +, ., emoji and A3 zero-width or bidi controls among the digits are dropped', () => {
    expect(digitsOf('4242abc+.😀4242')).toBe('42424242');
    expect(digitsOf('4242\u200b4242\u200e4242\u202e4242\u202c')).toBe('4242424242424242');
    expect(digitsOf('\u2067٤٢٤٢\u2069 ４２４２\ufeff')).toBe('42424242');
    expect(digitsOf('abc+.😀\u200b\u202e')).toBe('');
    // Digits of any system with junk anywhere in between: the digits, in order, in ASCII.
    const piece = fc.oneof(
      fc.tuple(digitString(1, 1), fc.constantFrom(...ZEROS)).map(([digit, zero]) => ({ text: inSystem(digit, zero), digit })),
      fc.constantFrom(...JUNK).map((text) => ({ text, digit: '' })),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const typed = pieces.map((p) => p.text).join('');
        expect(digitsOf(typed)).toBe(pieces.map((p) => p.digit).join(''));
      }),
    );
  });

  it('A2/A3 whatever comes in, only ASCII digits come out, and the expiry shows only those', () => {
    // Any code point, lone surrogates included (fast-check's own 'binary' strings take seconds to
    // warm up on a loaded machine). formatNumber only ever gets digitsOf's output.
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
    fc.assert(
      fc.property(fc.array(codePoint, { maxLength: 60 }).map((points) => points.join('')), (input) => {
        expect(digitsOf(input)).toMatch(/^[0-9]*$/);
        expect(formatExpiry(input)).toMatch(/^[0-9 /]*$/);
        expect(digitsOf(input, 4).length).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('A2/A3 the expiry reads whole dates in other digits or with invisible characters the same way', () => {
    expect(formatExpiry('١٢/٣٤')).toBe('12 / 34');
    expect(formatExpiry('１２／２０３４')).toBe('12 / 34');
    expect(formatExpiry('1\u200b/34')).toBe('01 / 34');
    expect(formatExpiry('\u202b12/2034\u202c')).toBe('12 / 34');
    expect(formatExpiry('1x2y3z4')).toBe('12 / 34');
    expect(formatExpiry('12 2034')).toBe('12 / 34');
  });

  it('A5 Amex with 16 digits is invalid; Visa with 17 digits is never complete', () => {
    // Both pass Luhn: only the brand's lengths refuse them (Amex 15; Visa 16, 18 or 19).
    expect(numberStatus('3782822463100003')).toBe('invalid');
    expect(numberStatus('42424242424242426')).toBe('incomplete');
    // What the field keeps of the Amex (its 15-digit maximum) fails Luhn and shows as invalid at once.
    expect(numberInfo('3782822463100003').maxLength).toBe(15);
    expect(numberStatus('378282246310000')).toBe('invalid');
  });

  it('A8 an expiry up to 19 years ahead is valid, 20 years ahead is refused (card-validator\'s rule)', () => {
    const now = new Date();
    const yy = (offset: number) => String((now.getFullYear() + offset) % 100).padStart(2, '0');
    expect(expiryStatus(`12 / ${yy(19)}`)).toBe('complete');
    expect(parseExpiry(`12 / ${yy(19)}`)).toEqual({ month: 12, year: now.getFullYear() + 19 });
    expect(expiryStatus(`01 / ${yy(20)}`)).toBe('invalid');
    expect(expiryProblem(`01 / ${yy(20)}`)).toBe('year');
    expect(parseExpiry(`01 / ${yy(20)}`)).toBeNull();
    // Autofill's four-digit year gives the same answer.
    expect(expiryStatus(formatExpiry(`01/${now.getFullYear() + 20}`))).toBe('invalid');
  });

  it('A8 the row\'s other inputs: 13/30 and 00/30 are bad months, 2/3 is incomplete, 0230 and 02 / 2030 read as 02 / 30', () => {
    expect(expiryProblem(formatExpiry('13/30'))).toBe('month');
    expect(formatExpiry('00/30')).toBe('00 / 30');
    expect(expiryProblem(formatExpiry('00/30'))).toBe('month');
    expect(formatExpiry('2/3')).toBe('02 / 3');
    expect(expiryStatus(formatExpiry('2/3'))).toBe('incomplete');
    for (const input of ['0230', '02 / 2030', '02/30', '2/30', '02-2030']) expect(formatExpiry(input)).toBe('02 / 30');
  });

  it('A10 a 10 kB paste is read without trouble, down to the digits the field can hold', () => {
    const paste = '4111 1111 1111 1111 003 '.padEnd(10_240, '9876 ');
    const digits = digitsOf(paste, MAX_NUMBER_DIGITS);
    expect(digits).toBe('4111111111111111003');
    expect(digits.slice(0, numberInfo(digits).maxLength)).toBe(digits);
    expect(numberStatus(digits)).toBe('complete');
    const amex = digitsOf('3782 822463 10005'.padEnd(10_240, ' 3782'), MAX_NUMBER_DIGITS);
    expect(amex.slice(0, numberInfo(amex).maxLength)).toBe('378282246310005');
  });
});

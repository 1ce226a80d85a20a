import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntegrationError } from '../src/errors.ts';
import { checkClientSecret, checkDeferred, checkPublishableKey, elementKind, elementOptions, resolveLocale } from '../src/options.ts';

const localPage = { protocol: 'http:', hostname: 'localhost' };
const httpsPage = { protocol: 'https:', hostname: 'shop.example' };
const httpPage = { protocol: 'http:', hostname: 'shop.example' };

describe('checkPublishableKey', () => {
  it('accepts test and live publishable keys where allowed', () => {
    expect(() => checkPublishableKey('sxm_test_abcdEFGH1234', httpPage)).not.toThrow();
    expect(() => checkPublishableKey('sxm_live_abcdEFGH1234', httpsPage)).not.toThrow();
    expect(() => checkPublishableKey('sxm_live_abcdEFGH1234', localPage)).not.toThrow();
  });

  it('refuses a secret key and says never to put it in the browser', () => {
    expect(() => checkPublishableKey('sxs_test_abcdEFGH1234', localPage)).toThrow(/never put a secret key in the browser/i);
    expect(() => checkPublishableKey('sxs_whatever', localPage)).toThrow(IntegrationError);
  });

  it('refuses a live key on a plain-http page other than localhost', () => {
    expect(() => checkPublishableKey('sxm_live_abcdEFGH1234', httpPage)).toThrow(/https/);
  });

  it('refuses malformed keys with an IntegrationError that shows the expected shape', () => {
    for (const key of ['', 'pk_test_123', 'sxm_test_', 'sxm_prod_abcdefgh', 42, null, undefined]) {
      expect(() => checkPublishableKey(key, localPage)).toThrow(IntegrationError);
    }
    expect(() => checkPublishableKey('pk_test_123', localPage)).toThrow(/sxm_test_/);
  });

  it('never echoes a whole unknown key back into the message', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 20 }), (key) => {
        try {
          checkPublishableKey(key, localPage);
        } catch (error) {
          expect((error as Error).message.includes(key)).toBe(false);
        }
      }),
    );
  });
});

describe('resolveLocale', () => {
  it('follows the page, then the browser, for auto and keeps explicit choices', () => {
    expect(resolveLocale('auto', 'en', ['fr-LR'])).toBe('fr');
    expect(resolveLocale('auto', 'en', ['en-LR'])).toBe('en');
    expect(resolveLocale('fr', 'en', ['en-US'])).toBe('fr');
    expect(resolveLocale(undefined, 'fr', ['en-US'])).toBe('fr');
    expect(() => resolveLocale('de' as 'en', 'en', ['en'])).toThrow(IntegrationError);
  });

  it("takes the first language it speaks: <html lang> before the browser's", () => {
    expect(resolveLocale('auto', 'en', ['fr', 'en-US'])).toBe('fr');
    expect(resolveLocale('auto', 'en', ['en', 'fr-FR'])).toBe('en');
    // No lang attribute, or one the frames do not speak: the browser's preferences decide.
    expect(resolveLocale('auto', 'en', ['', 'fr-FR', 'en'])).toBe('fr');
    expect(resolveLocale('auto', 'en', ['de', 'de-DE', 'fr'])).toBe('fr');
    expect(resolveLocale('auto', 'fr', ['de'])).toBe('en');
  });
});

describe('checkClientSecret', () => {
  it('accepts pi_…_secret_… and refuses anything else', () => {
    expect(checkClientSecret('pi_abc123_secret_XYZ987', 'x')).toBe('pi_abc123_secret_XYZ987');
    for (const bad of ['pi_abc', 'sxs_test_abcdefgh', '', 1, `pi_${'a'.repeat(100)}_secret_b`]) {
      expect(() => checkClientSecret(bad, 'elements()')).toThrow(/client_secret/);
    }
  });
});

describe('elementOptions', () => {
  it('passes a valid appearance through', () => {
    const options = elementOptions({ appearance: { theme: 'night', variables: { colorPrimary: '#0a7' } } }, 'en', true);
    expect(options).toEqual({ locale: 'en', showPayButton: true, appearance: { theme: 'night', variables: { colorPrimary: '#0a7' } } });
  });

  it('refuses CSS that could escape into the frame, naming the variable', () => {
    expect(() => elementOptions({ appearance: { variables: { colorPrimary: 'url(https://evil)' } } }, 'en', true)).toThrow(/colorPrimary/);
    expect(() => elementOptions({ appearance: { variables: { colorText: 'red;}body{' } } }, 'en', true)).toThrow(IntegrationError);
  });

  it('checks payment methods and picks the tabbed form only when more than cards are offered', () => {
    expect(() => elementOptions({ paymentMethods: ['card', 'paypal' as 'card'] }, 'en', true)).toThrow(/paymentMethods/);
    expect(() => elementOptions({ paymentMethods: [] }, 'en', true)).toThrow(IntegrationError);
    expect(elementKind(undefined)).toBe('card');
    expect(elementKind(['card'])).toBe('card');
    expect(elementKind(['card', 'momo'])).toBe('payment');
  });
});

describe('checkDeferred', () => {
  it('accepts mode "payment" with an integer amount > 0 and USD or LRD', () => {
    expect(() => checkDeferred({ mode: 'payment', amount: 1250, currency: 'USD' }, 'elements()')).not.toThrow();
    expect(() => checkDeferred({ mode: 'payment', amount: 1, currency: 'LRD' }, 'elements()')).not.toThrow();
  });

  it('refuses anything else, naming the call', () => {
    const bad: unknown[] = [
      { mode: 'setup', amount: 1250, currency: 'USD' },
      { mode: 'payment', amount: 12.5, currency: 'USD' },
      { mode: 'payment', amount: 0, currency: 'USD' },
      { mode: 'payment', amount: '1250', currency: 'USD' },
      { mode: 'payment', amount: 1250, currency: 'usd' },
      { mode: 'payment', amount: 1250 },
      { mode: 'payment', amount: 1250, currency: 'USD', clientSecret: 'pi_abc123_secret_xyz789' },
      { clientSecret: 'pi_abc123_secret_xyz789', amount: 1250, currency: 'USD' },
    ];
    for (const options of bad) expect(() => checkDeferred(options as never, 'update()'), JSON.stringify(options)).toThrow(/^update\(\): a deferred form is/);
  });

  it('passes the amount and currency on to the frames', () => {
    expect(elementOptions({ amount: 1250, currency: 'LRD' }, 'en', true)).toMatchObject({ amount: 1250, currency: 'LRD' });
    expect(elementOptions({}, 'en', true)).not.toHaveProperty('amount');
  });
});

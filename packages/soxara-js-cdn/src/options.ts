/**
 * Checks of what the merchant passes in, done on the page before anything is sent, so that a
 * mistake is an `IntegrationError` that says how to fix it rather than a frame that silently drops
 * a message its schema refuses.
 */
import * as v from 'valibot';
import { Appearance, CLIENT_SECRET_PATTERN, parseKey, type ElementOptions, type Locale } from '@soxara/protocol';
import { IntegrationError } from './errors.ts';
import type { Currency, PaymentMethodType, SoxaraElementsOptions, SoxaraLocale } from '@soxara/soxara-js';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function checkPublishableKey(key: unknown, page: { protocol: string; hostname: string }): void {
  if (typeof key !== 'string' || key === '') {
    throw new IntegrationError('Soxara(): pass your publishable key, e.g. Soxara("sxm_test_…"). Find it in the output of `pnpm start` or your dashboard.');
  }
  const parsed = parseKey(key);
  if (parsed?.kind === 'secret' || key.startsWith('sxs_')) {
    throw new IntegrationError('Soxara(): that is a secret key (sxs_…). Never put a secret key in the browser: use the publishable key (sxm_…) here and roll the secret key now.');
  }
  if (!parsed) {
    throw new IntegrationError(`Soxara(): "${key.slice(0, 12)}…" is not a publishable key. Publishable keys look like sxm_test_… or sxm_live_….`);
  }
  if (parsed.mode === 'live' && page.protocol !== 'https:' && !LOCAL_HOSTS.includes(page.hostname)) {
    throw new IntegrationError('Soxara(): live keys need an https page. Serve this page over https, or use your sxm_test_ key while developing.');
  }
}

/**
 * The languages `auto` chooses from, best first: the merchant page's `<html lang>` (a French browser in
 * an English shop reads the shop's English), then the browser's preferences.
 */
export function pageLanguages(): string[] {
  return [document.documentElement.lang, ...navigator.languages];
}

export function resolveLocale(locale: SoxaraLocale | undefined, fallback: Locale, languages: readonly string[]): Locale {
  if (locale === 'en' || locale === 'fr') return locale;
  if (locale === undefined) return fallback;
  if (locale !== 'auto') throw new IntegrationError(`Unsupported locale "${String(locale)}": use "en", "fr" or "auto".`);
  for (const language of languages) {
    const primary = language.toLowerCase().slice(0, 2);
    if (primary === 'en' || primary === 'fr') return primary;
  }
  return 'en';
}

export function checkClientSecret(clientSecret: unknown, where: string): string {
  if (typeof clientSecret !== 'string' || clientSecret.length > 100 || !CLIENT_SECRET_PATTERN.test(clientSecret)) {
    throw new IntegrationError(`${where}: pass the client_secret of a payment your server created (pi_…_secret_…).`);
  }
  return clientSecret;
}

/**
 * A deferred form's options (`mode: 'payment'`, an amount, a currency, no client secret), or an
 * IntegrationError. Only their shape is checked here; the frames check the payment against them.
 */
export function checkDeferred(options: { mode?: unknown; clientSecret?: unknown; amount?: unknown; currency?: unknown }, where: string): void {
  const { amount, currency } = options;
  if (options.mode !== 'payment' || options.clientSecret !== undefined || !(Number.isInteger(amount) && (amount as number) > 0) || (currency !== 'USD' && currency !== 'LRD')) {
    throw new IntegrationError(`${where}: a deferred form is { mode: "payment", amount: an integer > 0 in minor units, currency: "USD" | "LRD" }, without clientSecret.`);
  }
}

const METHODS: readonly PaymentMethodType[] = ['card', 'momo', 'soxara_wallet'];

/** The frame options for an element, or an IntegrationError naming the bad option. */
export function elementOptions(
  options: Pick<SoxaraElementsOptions, 'appearance' | 'paymentMethods'> & { disabled?: boolean | undefined; amount?: number; currency?: Currency },
  locale: Locale,
  showPayButton: boolean,
): ElementOptions {
  let appearance: Appearance | undefined;
  if (options.appearance !== undefined) {
    const parsed = v.safeParse(Appearance, options.appearance);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
      throw new IntegrationError(`Invalid appearance${path ? `.${path}` : ''}: ${issue.message}. Colours, sizes and font names only (no url(), no quotes in colours).`);
    }
    appearance = parsed.output;
  }
  const methods = options.paymentMethods;
  if (methods !== undefined && (!Array.isArray(methods) || methods.length === 0 || methods.some((m) => !METHODS.includes(m)))) {
    throw new IntegrationError('paymentMethods: a non-empty list of "card", "momo" and "soxara_wallet".');
  }
  return {
    locale,
    showPayButton,
    ...(appearance && { appearance }),
    ...(methods && { paymentMethods: [...methods] }),
    ...(options.disabled !== undefined && { disabled: !!options.disabled }),
    ...(options.currency && { amount: options.amount, currency: options.currency }),
  };
}

/** The tabbed form when the merchant offers more than cards. */
export function elementKind(paymentMethods: readonly PaymentMethodType[] | undefined): 'card' | 'payment' {
  return paymentMethods && paymentMethods.some((m) => m !== 'card') ? 'payment' : 'card';
}

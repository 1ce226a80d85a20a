import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as protocol from '@soxara/protocol';
import { CUSTOMER_CANCELED, PAYMENT_OUTCOME_UNKNOWN } from '@soxara/protocol';
import { TEST_CARDS } from '@soxara/protocol/test-values';
import { customerCopy, ERROR_DOCS_URL, inLocale } from './error-copy.ts';

const registry = (Object.values(protocol) as unknown[]).filter(
  (value): value is protocol.BrowserError => typeof value === 'object' && value !== null && 'code' in value && 'type' in value && 'message' in value,
);

/** The outcomes the sandbox resolves a customer action with (packages/sandbox/src/payments/actions.ts). */
const ACTION_OUTCOMES = [
  ['momo_error', 'approval_rejected'],
  ['momo_error', 'insufficient_funds'],
  ['momo_error', 'prompt_expired'],
  ['momo_error', 'customer_canceled'],
  ['wallet_error', 'approval_rejected'],
  ['wallet_error', 'prompt_expired'],
  ['wallet_error', 'customer_canceled'],
  ['card_error', 'authentication_failed'],
  ['card_error', 'payment_intent_authentication_failure'],
] as const;

const declines = Object.values(TEST_CARDS).flatMap((card) =>
  card.outcome.kind === 'decline' ? [{ type: 'card_error' as const, code: card.outcome.code, decline_code: card.outcome.declineCode, message: card.outcome.message }] : [],
);

describe('customer copy', () => {
  it('has every key in every locale, none empty', () => {
    const keys = Object.keys(customerCopy.en).sort();
    for (const locale of protocol.Locale.options) {
      expect(Object.keys(customerCopy[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) expect(customerCopy[locale][key as keyof typeof customerCopy.en], `${locale} ${key}`).toMatch(/\S/);
    }
  });

  it("has its own words, in en and fr, for each outcome a payment can resolve with, never the API's", () => {
    const outcomes = [
      ...declines,
      ...ACTION_OUTCOMES.map(([type, code]) => ({ type, code, message: 'The customer declined the MoMo PIN prompt.' })),
      // elements_not_submitted is thrown on the merchant page as an IntegrationError: the developer's, never a customer's.
      ...registry.filter((error) => error.type !== 'validation_error' && error.code !== 'elements_not_submitted').map((error) => ({ ...error })),
    ];
    for (const locale of protocol.Locale.options) {
      for (const error of outcomes) {
        const shown = inLocale(error, locale);
        expect(shown.message, `${locale} ${error.type} ${error.code}`).not.toMatch(/the customer|PIN prompt|3-D Secure authentication failed/i);
        expect(Object.values(customerCopy[locale]), `${locale} ${error.code}`).toContain(shown.message);
      }
    }
  });

  it('tells a MoMo, a wallet and a card shortfall apart, though the code is the same', () => {
    const momo = inLocale({ type: 'momo_error', code: 'insufficient_funds', message: 'x' }, 'fr').message;
    const wallet = inLocale({ type: 'wallet_error', code: 'insufficient_funds', message: 'x' }, 'fr').message;
    const card = inLocale({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'x' }, 'fr').message;
    expect(momo).toMatch(/mobile money/);
    expect(wallet).toMatch(/portefeuille Soxara/);
    expect(card).toMatch(/carte/);
  });

  it('puts a rejected MoMo prompt in French, keeping code and linking the docs', () => {
    const rejected = { type: 'momo_error' as const, code: 'approval_rejected', message: 'The customer declined the MoMo PIN prompt.' };
    expect(inLocale(rejected, 'fr')).toEqual({
      ...rejected,
      message: "La demande de paiement a été refusée sur votre téléphone. Aucun montant n'a été prélevé. Vous pouvez réessayer.",
      doc_url: `${ERROR_DOCS_URL}#approval_rejected`,
    });
  });

  it('translates by decline_code, then code, keeping the codes', () => {
    const decline = { type: 'card_error' as const, code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' };
    expect(inLocale(decline, 'fr')).toMatchObject({ ...decline, message: customerCopy.fr['card_error:insufficient_funds'] });
    expect(inLocale({ ...decline, decline_code: 'expired_card' }, 'fr').message).toBe(customerCopy.fr.expired_card);
    expect(inLocale({ ...decline, decline_code: 'unheard_of' }, 'en').message).toBe(customerCopy.en.card_declined);
  });

  it('links a decline to its decline code', () => {
    expect(inLocale(declines[0]!, 'en').doc_url).toBe(`${ERROR_DOCS_URL}#generic_decline`);
  });

  it("leaves validation errors' words (already the customer's) and integration errors' (the developer's) alone", () => {
    const phone = { type: 'validation_error' as const, code: 'phone_number_invalid', param: 'phone_number', message: 'Saisissez un numéro.' };
    expect(inLocale(phone, 'fr').message).toBe(phone.message);
    const missing = { type: 'invalid_request_error' as const, code: 'resource_missing', message: 'No such payment.' };
    expect(inLocale(missing, 'fr').message).toBe('No such payment.');
  });

  it('falls back on the words of the type for a code it does not know', () => {
    expect(inLocale({ type: 'momo_error', code: 'biller_timeout', message: 'Biller timed out.' }, 'en').message).toBe(customerCopy.en['type:momo_error']);
    expect(inLocale({ type: 'card_error', code: 'card_declined', decline_code: 'unheard_of', message: 'x' }, 'fr').message).toBe(customerCopy.fr.card_declined);
  });

  it("keeps the registry's outcomes of a wait readable, and a rate limit reads as one", () => {
    expect(inLocale({ ...PAYMENT_OUTCOME_UNKNOWN }, 'fr').message).toMatch(/^Nous n'avons pas encore pu confirmer/);
    expect(inLocale({ ...CUSTOMER_CANCELED }, 'fr').message).toMatch(/^Vous avez annulé le paiement/);
    const limited = { type: 'rate_limit_error' as const, code: 'rate_limited', message: 'retry after 598 s.' };
    expect(inLocale(limited, 'en').message).toBe('Too many attempts in a short time. Wait a few minutes, then try again.');
    expect(inLocale(limited, 'fr').message).toMatch(/^Trop de tentatives/);
  });

  it('docs/errors.md has an entry for every code a doc_url can name', () => {
    const doc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
    const anchors = new Set([...doc.matchAll(/^#{2,4} `([a-z_]+)`/gm)].map((match) => match[1]));
    const codes = new Set([
      ...Object.keys(customerCopy.en).filter((key) => !key.startsWith('type:')).map((key) => key.split(':').pop()!),
      ...registry.map((error) => error.code),
      ...declines.map((error) => error.decline_code),
      'phone_number_invalid',
      'phone_number_not_liberian',
      'phone_number_provider_mismatch',
    ]);
    for (const code of codes) expect(anchors.has(code), code).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { CUSTOMER_CANCELED, PAYMENT_OUTCOME_UNKNOWN } from '@soxara/protocol';
import { inLocale } from './error-copy.ts';

describe('inLocale', () => {
  const decline = { type: 'card_error' as const, code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' };

  it('translates by decline_code, then code, keeping the codes', () => {
    expect(inLocale(decline, 'fr')).toEqual({ ...decline, message: 'Le solde de votre carte est insuffisant.' });
    expect(inLocale({ ...decline, decline_code: 'unheard_of' }, 'fr').message).toBe('Votre carte a été refusée.');
  });

  it('leaves English, unknown codes and untranslated errors alone', () => {
    expect(inLocale(decline, 'en')).toBe(decline);
    const other = { type: 'card_error' as const, code: 'something_new', message: 'New.' };
    expect(inLocale(other, 'fr')).toBe(other);
    const network = { type: 'api_connection_error' as const, code: 'network_error', message: 'Offline.' };
    expect(inLocale(network, 'fr')).toBe(network);
  });

  it("puts the registry's outcomes of a wait in the customer's language, English being the registry's", () => {
    expect(inLocale({ ...PAYMENT_OUTCOME_UNKNOWN }, 'en').message).toBe(PAYMENT_OUTCOME_UNKNOWN.message);
    expect(inLocale({ ...PAYMENT_OUTCOME_UNKNOWN }, 'fr').message).toMatch(/^Nous n'avons pas encore pu confirmer/);
    expect(inLocale({ ...CUSTOMER_CANCELED }, 'fr')).toEqual({ ...CUSTOMER_CANCELED, message: 'Vous avez annulé le paiement.' });
  });

  it('gives a rate limit customer words in each locale, keeping its code', () => {
    const limited = { type: 'rate_limit_error' as const, code: 'rate_limited', message: 'retry after 598 s.' };
    expect(inLocale(limited, 'en')).toEqual({ ...limited, message: 'Too many attempts in a short time. Wait a few minutes, then try again.' });
    expect(inLocale(limited, 'fr').message).toMatch(/^Trop de tentatives/);
  });
});

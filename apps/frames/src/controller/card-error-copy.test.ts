import { describe, expect, it } from 'vitest';
import { localiseCardError } from './card-error-copy.ts';

describe('localiseCardError', () => {
  const decline = { type: 'card_error' as const, code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' };

  it('translates by decline_code, then code, keeping the codes', () => {
    expect(localiseCardError(decline, 'fr')).toEqual({ ...decline, message: 'Le solde de votre carte est insuffisant.' });
    expect(localiseCardError({ ...decline, decline_code: 'unheard_of' }, 'fr').message).toBe('Votre carte a été refusée.');
  });

  it('leaves English, unknown codes and other error types alone', () => {
    expect(localiseCardError(decline, 'en')).toBe(decline);
    const other = { type: 'card_error' as const, code: 'something_new', message: 'New.' };
    expect(localiseCardError(other, 'fr')).toBe(other);
    const network = { type: 'api_connection_error' as const, code: 'network_error', message: 'Offline.' };
    expect(localiseCardError(network, 'fr')).toBe(network);
  });

  it('gives a rate limit customer words in each locale, keeping its code', () => {
    const limited = { type: 'rate_limit_error' as const, code: 'rate_limited', message: 'retry after 598 s.' };
    expect(localiseCardError(limited, 'en')).toEqual({ ...limited, message: 'Too many attempts in a short time. Wait a few minutes, then try again.' });
    expect(localiseCardError(limited, 'fr').message).toMatch(/^Trop de tentatives/);
  });
});

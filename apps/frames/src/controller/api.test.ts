import { TEST_CARDS } from '@soxara/protocol/test-values';
import { describe, expect, it } from 'vitest';
import { createApiClient, toResult } from './api.ts';

const SECRET = 'pi_abc123_secret_xyz789';
const PAYMENT = { id: 'pi_abc123', object: 'payment', amount: 1250, currency: 'USD', status: 'succeeded', next_action: null, last_payment_error: null };

function recordingFetch(respond: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('createApiClient', () => {
  it('retrieves with the publishable key and long-poll parameters', async () => {
    const { calls, fetch } = recordingFetch(() => json(200, { success: true, data: PAYMENT }));
    const api = createApiClient({ apiUrl: 'http://api.test/', publishableKey: 'sxm_test_abcdefgh', fetch });
    const result = await api.retrievePayment(SECRET, { waitSeconds: 99, ifStatus: 'requires_action' });
    expect(result).toEqual({ ok: true, data: PAYMENT });
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe('http://api.test/v1/payments/pi_abc123');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_secret: SECRET, wait: '30', if_status: 'requires_action' });
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer sxm_test_abcdefgh');
    expect(calls[0]!.init.credentials).toBe('omit');
  });

  it('confirms with the contract body and the idempotency key header', async () => {
    const { calls, fetch } = recordingFetch(() => json(200, { success: true, data: PAYMENT }));
    const api = createApiClient({ apiUrl: 'http://api.test', publishableKey: 'sxm_test_abcdefgh', fetch });
    await api.confirmPayment(SECRET, { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } }, { idempotencyKey: 'key-1', returnUrl: 'https://shop.test/r' });
    const { url, init } = calls[0]!;
    expect(url).toBe('http://api.test/v1/payments/pi_abc123/confirm');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-Idempotency-Key']).toBe('key-1');
    expect(JSON.parse(String(init.body))).toEqual({
      client_secret: SECRET,
      payment_method: { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } },
      return_url: 'https://shop.test/r',
    });
  });

  it('never rejects: a network failure is api_connection_error', async () => {
    const api = createApiClient({
      apiUrl: 'http://api.test',
      publishableKey: 'sxm_test_abcdefgh',
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch,
    });
    const result = await api.retrievePayment(SECRET);
    expect(result).toMatchObject({ ok: false, error: { type: 'api_connection_error', code: 'network_error' } });
  });

  it('gives up on a confirm that has no answer within its request timeout, as a connection error', async () => {
    // A fetch that only ends when its request is aborted, as a held connection does.
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ apiUrl: 'http://api.test', publishableKey: 'sxm_test_abcdefgh', fetch, requestTimeoutMs: 20 });
    const result = await api.confirmPayment(SECRET, { type: 'soxara_wallet' }, { idempotencyKey: 'key-1' });
    expect(result).toMatchObject({ ok: false, error: { type: 'api_connection_error', code: 'network_error' } });
  });

  it('a confirm refused by the sandbox\'s card-testing limit (429 with its body) is a rate_limit_error with the sandbox\'s message', async () => {
    // The body and headers packages/sandbox answers (src/http/rate-limit.ts, test/card-testing.test.ts).
    const error = {
      type: 'rate_limit_error',
      code: 'rate_limited',
      message: 'Too many declined card payments from this client in a short time (a card-testing defence); retry after 600 s.',
    };
    const { fetch } = recordingFetch(() => new Response(JSON.stringify({ success: false, error }), { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '600' } }));
    const api = createApiClient({ apiUrl: 'http://api.test', publishableKey: 'sxm_test_abcdefgh', fetch });
    const result = await api.confirmPayment(SECRET, { type: 'card', card: { number: TEST_CARDS.declined.number, exp_month: 12, exp_year: 2034, cvc: '123' } }, { idempotencyKey: 'key-2' });
    expect(result).toEqual({ ok: false, status: 429, error });
  });

  it('refuses a malformed client secret without a request', async () => {
    const { calls, fetch } = recordingFetch(() => json(200, {}));
    const api = createApiClient({ apiUrl: 'http://api.test', publishableKey: 'sxm_test_abcdefgh', fetch });
    expect(await api.retrievePayment('nope')).toMatchObject({ ok: false, error: { code: 'invalid_client_secret' } });
    expect(calls).toHaveLength(0);
  });
});

describe('toResult', () => {
  it('passes API errors through with their status', () => {
    const body = { success: false, error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } };
    expect(toResult(402, body)).toEqual({ ok: false, status: 402, error: body.error });
  });

  it('makes a 429 without a body a rate_limit_error and junk an api_error', () => {
    expect(toResult(429, null)).toMatchObject({ ok: false, error: { type: 'rate_limit_error' } });
    expect(toResult(502, '<html>')).toMatchObject({ ok: false, error: { type: 'api_error' } });
    expect(toResult(200, { success: true, data: { id: 1 } })).toMatchObject({ ok: false, error: { type: 'api_error' } });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { Soxara } from './index.ts';
import { caught, closeScriptedServer, json, serve } from '../test/scripted-server.ts';
import {
  SoxaraAPIError,
  SoxaraAuthenticationError,
  SoxaraCardError,
  SoxaraConnectionError,
  SoxaraError,
  SoxaraIdempotencyError,
  SoxaraInvalidRequestError,
} from './errors.ts';

const KEY = 'sxs_test_abcdefghijklmnop';

afterEach(closeScriptedServer);

describe('Soxara client', () => {
  it('sends the key and JSON, unwraps data, and sends the idempotency key given', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, 200, { success: true, data: { id: 'pi_1', object: 'payment' } }));
    const soxara = new Soxara(KEY, { baseUrl });
    const payment = await soxara.payments.create({ amount: 1250, currency: 'USD' }, { idempotencyKey: 'order-5021' });
    expect(payment.id).toBe('pi_1');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('/v1/payments');
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.headers['x-idempotency-key']).toBe('order-5021');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ amount: 1250, currency: 'USD' });
  });

  it('unwraps lists with has_more and encodes the query', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, 200, { success: true, data: [{ id: 'evt_1' }], has_more: true }));
    const soxara = new Soxara(KEY, { baseUrl });
    const page = await soxara.events.list({ limit: 1, type: 'payment.succeeded' });
    expect(page).toEqual({ object: 'list', url: '', data: [{ id: 'evt_1' }], has_more: true });
    expect(seen[0]?.url).toBe('/v1/events?limit=1&type=payment.succeeded');
  });

  it('maps error types to classes with code, param, statusCode, declineCode and raw', async () => {
    const errors: Record<string, [number, object]> = {
      '/v1/refunds/re_auth': [401, { type: 'authentication_error', code: 'invalid_api_key', message: 'Unknown API key' }],
      '/v1/refunds/re_missing': [404, { type: 'invalid_request_error', code: 'resource_missing', message: 'No such refund', param: 'id' }],
      '/v1/refunds/re_card': [402, { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Declined' }],
      '/v1/refunds/re_idem': [400, { type: 'idempotency_error', code: 'idempotency_key_reused', message: 'Reused' }],
    };
    const { baseUrl } = await serve((req, res) => {
      const [status, error] = errors[req.url] ?? [500, {}];
      json(res, status, { success: false, error });
    });
    const soxara = new Soxara(KEY, { baseUrl, maxNetworkRetries: 0 });

    const auth = await caught(soxara.refunds.retrieve('re_auth'));
    expect(auth).toBeInstanceOf(SoxaraAuthenticationError);
    expect(auth).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key', statusCode: 401 });

    const missing = await caught(soxara.refunds.retrieve('re_missing'));
    expect(missing).toBeInstanceOf(SoxaraInvalidRequestError);
    expect(missing).toMatchObject({ code: 'resource_missing', param: 'id', statusCode: 404 });

    const card = await caught(soxara.refunds.retrieve('re_card'));
    expect(card).toBeInstanceOf(SoxaraCardError);
    expect(card).toMatchObject({ type: 'card_error', declineCode: 'insufficient_funds', statusCode: 402 });
    expect(card.raw).toEqual(errors['/v1/refunds/re_card']?.[1]);

    expect(await caught(soxara.refunds.retrieve('re_idem'))).toBeInstanceOf(SoxaraIdempotencyError);
  });

  it('turns a non-JSON answer into an API error', async () => {
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    });
    const error = await caught(new Soxara(KEY, { baseUrl, maxNetworkRetries: 0 }).events.retrieve('evt_1'));
    expect(error).toBeInstanceOf(SoxaraAPIError);
    expect(error).toMatchObject({ code: 'invalid_response', statusCode: 502, raw: '<h1>Bad gateway</h1>' });
  });

  it('retries a 500 with the same generated idempotency key, then succeeds', async () => {
    let calls = 0;
    const { baseUrl, seen } = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) json(res, 500, { success: false, error: { type: 'api_error', code: 'internal', message: 'boom' } });
      else json(res, 200, { success: true, data: { id: 'pi_2' } });
    });
    const soxara = new Soxara(KEY, { baseUrl, maxNetworkRetries: 1 });
    expect((await soxara.payments.create({ amount: 100, currency: 'LRD' })).id).toBe('pi_2');
    expect(seen).toHaveLength(2);
    const key = seen[0]?.headers['x-idempotency-key'];
    expect(key).toMatch(/^soxara-node-retry-[0-9a-f-]{36}$/);
    expect(seen[1]?.headers['x-idempotency-key']).toBe(key);
  });

  it('does not retry a 400, and sends no generated key when retries are off', async () => {
    const { baseUrl, seen } = await serve((_req, res) =>
      json(res, 400, { success: false, error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'bad', param: 'amount' } }),
    );
    const error = await caught(new Soxara(KEY, { baseUrl, maxNetworkRetries: 0 }).payments.create({ amount: -1, currency: 'USD' }));
    expect(error).toMatchObject({ param: 'amount', statusCode: 400 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['x-idempotency-key']).toBeUndefined();
  });

  it('throws a connection error when nothing listens, after retrying', async () => {
    const attempts: string[] = [];
    const failingFetch: typeof fetch = async (input) => {
      attempts.push(String(input));
      throw new TypeError('fetch failed');
    };
    const soxara = new Soxara(KEY, { baseUrl: 'http://127.0.0.1:9', maxNetworkRetries: 1, fetch: failingFetch });
    const error = await caught(soxara.testHelpers.events.create('payment.succeeded'));
    expect(error).toBeInstanceOf(SoxaraConnectionError);
    expect(error.type).toBe('api_connection_error');
    expect(attempts).toHaveLength(2);
  });

  it('times out a request that never answers', async () => {
    const { baseUrl } = await serve(() => {
      // Never answers.
    });
    const error = await caught(new Soxara(KEY, { baseUrl, maxNetworkRetries: 0, timeoutMs: 50 }).events.retrieve('evt_1'));
    expect(error).toBeInstanceOf(SoxaraConnectionError);
  });

  it('refuses a publishable key', () => {
    expect(() => new Soxara('sxm_test_abcdefgh', { baseUrl: 'http://127.0.0.1:1' })).toThrow(TypeError);
  });
});

/**
 * The client's Stripe habits against a scripted HTTP server: Retry-After on 429 and 503, `timeout`,
 * `baseUrl` from SOXARA_API_URL, `requestId` on errors, bracket-encoded queries, auto-pagination.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Soxara } from './index.ts';
import { caught, closeScriptedServer, json, serve } from '../test/scripted-server.ts';
import { parseRetryAfter } from './client.ts';
import { SoxaraAPIError, SoxaraConnectionError, SoxaraError, SoxaraRateLimitError } from './errors.ts';

const KEY = 'sxs_test_abcdefghijklmnop';

afterEach(async () => {
  vi.unstubAllEnvs();
  await closeScriptedServer();
});

const RATE_LIMITED = { success: false, error: { type: 'rate_limit_error', code: 'rate_limited', message: 'slow down' } };
const UNAVAILABLE = { success: false, error: { type: 'api_error', code: 'unavailable', message: 'down' } };

describe('Retry-After', () => {
  it('waits what a 429 asks before retrying, then succeeds', async () => {
    const { baseUrl, seen } = await serve((_req, res, n) =>
      n === 1 ? json(res, 429, RATE_LIMITED, { 'retry-after': '1' }) : json(res, 200, { success: true, data: { id: 'pi_1' } }),
    );
    const payment = await new Soxara(KEY, { baseUrl, maxNetworkRetries: 1 }).payments.retrieve('pi_1');
    expect(payment.id).toBe('pi_1');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('waits what a 503 asks, as an HTTP date', async () => {
    const { baseUrl, seen } = await serve((_req, res, n) =>
      n === 1
        ? json(res, 503, UNAVAILABLE, { 'retry-after': new Date(Date.now() + 2000).toUTCString() })
        : json(res, 200, { success: true, data: { id: 'pi_1' } }),
    );
    await new Soxara(KEY, { baseUrl, maxNetworkRetries: 1 }).payments.retrieve('pi_1');
    // An HTTP date has whole seconds: the wait is between 1 and 2 seconds.
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('gives up at once when the pause asked for is longer than a minute, with the 429 and its request id', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, 429, RATE_LIMITED, { 'retry-after': '600', 'request-id': 'req_abc' }));
    const error = await caught(new Soxara(KEY, { baseUrl, maxNetworkRetries: 2 }).payments.retrieve('pi_1'));
    expect(error).toBeInstanceOf(SoxaraRateLimitError);
    expect(error.requestId).toBe('req_abc');
    expect(seen).toHaveLength(1);
  });

  it('does not retry a 429 when retries are off', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, 429, RATE_LIMITED, { 'retry-after': '0' }));
    await caught(new Soxara(KEY, { baseUrl, maxNetworkRetries: 0 }).payments.retrieve('pi_1'));
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['5', 5000],
    ['0', 0],
    ['soon', undefined],
    ['', undefined],
  ])('parses %j as %s ms', (header, ms) => {
    expect(parseRetryAfter(header)).toBe(ms);
  });

  it('parses an HTTP date against now, never negative', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(parseRetryAfter('Fri, 01 May 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0);
  });
});

describe('configuration', () => {
  it('`timeout` cuts an attempt that never answers', async () => {
    const { baseUrl } = await serve(() => {});
    const started = Date.now();
    const error = await caught(new Soxara(KEY, { baseUrl, maxNetworkRetries: 0, timeout: 100 }).events.retrieve('evt_1'));
    expect(error).toBeInstanceOf(SoxaraConnectionError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads baseUrl from SOXARA_API_URL when it is not given', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, 200, { success: true, data: { id: 'evt_1' } }));
    vi.stubEnv('SOXARA_API_URL', `${baseUrl}/`);
    await new Soxara(KEY).events.retrieve('evt_1');
    expect(seen).toHaveLength(1);
  });

  it('says how to configure the URL when there is none', () => {
    vi.stubEnv('SOXARA_API_URL', '');
    expect(() => new Soxara(KEY)).toThrow(/SOXARA_API_URL/);
  });
});

describe('request ids and queries', () => {
  it('exposes the Request-Id of a failed answer as requestId', async () => {
    const { baseUrl } = await serve((_req, res) =>
      json(res, 400, { success: false, error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'bad', request_id: 'req_body' } }, { 'request-id': 'req_header' }),
    );
    const error = await caught(new Soxara(KEY, { baseUrl, maxNetworkRetries: 0 }).payments.retrieve('pi_1'));
    expect(error.requestId).toBe('req_header');
  });

  it('encodes created[gte] in bracket notation', async () => {
    const { baseUrl, seen } = await serve((_req, res) => json(res, 200, { success: true, object: 'list', url: '/v1/payments', data: [], has_more: false }));
    const page = await new Soxara(KEY, { baseUrl }).payments.list({ limit: 3, status: 'succeeded', created: { gte: 1700000000, lt: '2026-01-01T00:00:00Z' } });
    expect(page).toEqual({ object: 'list', url: '/v1/payments', data: [], has_more: false });
    const url = new URL(seen[0]!.url, baseUrl);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      limit: '3',
      status: 'succeeded',
      'created[gte]': '1700000000',
      'created[lt]': '2026-01-01T00:00:00Z',
    });
  });
});

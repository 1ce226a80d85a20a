/** A catalogue of bad inputs: each must be a 4xx with the right code/param, never a 5xx. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, MOMO, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';
import { recordFigure } from '../../../scripts/figures.ts';

let t: TestSandbox;
let pi: { id: string; client_secret: string };
let paid: { id: string; client_secret: string };
let stored: { payments: number; refunds: number; events: number };
const counts = async () => ({
  payments: (await t.api('GET', '/v1/payments?limit=100')).json.data.length as number,
  refunds: (await t.api('GET', '/v1/refunds?limit=100')).json.data.length as number,
  events: t.events.length,
});
beforeAll(async () => {
  t = await startTestSandbox();
  pi = await createPayment(t);
  paid = await createPayment(t);
  await t.api('POST', `/v1/payments/${paid.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
  stored = await counts();
});
afterAll(async () => {
  await t.close();
});

let endpoint: { id: string };
let disabledEndpoint: { id: string };
let eventId: string;
beforeAll(async () => {
  // Nothing listens there: the catalogue's requests must not depend on a receiver.
  endpoint = await t.data('POST', '/v1/webhook_endpoints', { body: { url: 'http://127.0.0.1:9/hooks', enabled_events: ['payment.canceled'] } });
  disabledEndpoint = await t.data('POST', '/v1/webhook_endpoints', { body: { url: 'http://127.0.0.1:9/off', enabled_events: ['payment.canceled'] } });
  await t.data('POST', `/v1/webhook_endpoints/${disabledEndpoint.id}`, { body: { disabled: true } });
  eventId = (await t.data('GET', '/v1/events?limit=1'))[0].id;
});

interface Case {
  name: string;
  method?: string;
  path: string | (() => string);
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  code?: string;
  param?: string;
}

const create = (body: unknown, extra: Partial<Case> = {}) => ({ path: '/v1/payments', body, ...extra });
const confirm = (payment_method: unknown, extra: Record<string, unknown> = {}) => ({
  path: () => `/v1/payments/${pi.id}/confirm`,
  body: { payment_method, ...extra },
});
const update = (body: unknown, extra: Partial<Case> = {}) => ({ path: () => `/v1/payments/${pi.id}`, body, ...extra });
const FORM = 'application/x-www-form-urlencoded';
const year = new Date().getUTCFullYear();
const card = (fields: Record<string, unknown>) => ({ type: 'card', card: { ...CARD('4242424242424242').card, ...fields } });

const cases: Case[] = [
  // bodies
  { name: 'invalid JSON', ...create(undefined), rawBody: '{"amount":', status: 400, code: 'invalid_json' },
  { name: 'JSON array body', ...create([1, 2]), status: 400, code: 'invalid_json' },
  { name: 'JSON string body', ...create('hello'), status: 400, code: 'invalid_json' },
  { name: 'JSON null body', ...create(null), status: 400, code: 'invalid_json' },
  { name: 'body over 64 KB', ...create(undefined), rawBody: JSON.stringify({ description: 'x'.repeat(70_000) }), status: 413, code: 'body_too_large' },
  { name: 'unknown field', ...create({ amount: 100, currency: 'USD', amont: 1 }), status: 400, code: 'parameter_unknown', param: 'amont' },
  // amount
  { name: 'missing amount', ...create({ currency: 'USD' }), status: 400, code: 'parameter_missing', param: 'amount' },
  { name: 'amount as string', ...create({ amount: '1250', currency: 'USD' }), status: 400, param: 'amount' },
  { name: 'amount zero', ...create({ amount: 0, currency: 'USD' }), status: 400, param: 'amount' },
  { name: 'amount negative', ...create({ amount: -5, currency: 'USD' }), status: 400, param: 'amount' },
  { name: 'amount fractional', ...create({ amount: 12.5, currency: 'USD' }), status: 400, param: 'amount' },
  { name: 'amount huge', ...create({ amount: 1e20, currency: 'USD' }), status: 400, param: 'amount' },
  { name: 'amount null', ...create({ amount: null, currency: 'USD' }), status: 400, param: 'amount' },
  { name: 'amount boolean', ...create({ amount: true, currency: 'USD' }), status: 400, param: 'amount' },
  // currency, description
  { name: 'missing currency', ...create({ amount: 100 }), status: 400, param: 'currency' },
  { name: 'unsupported currency', ...create({ amount: 100, currency: 'EUR' }), status: 400, param: 'currency' },
  { name: 'currency as number', ...create({ amount: 100, currency: 840 }), status: 400, param: 'currency' },
  { name: 'description not a string', ...create({ amount: 100, currency: 'USD', description: 5 }), status: 400, param: 'description' },
  { name: 'description too long', ...create({ amount: 100, currency: 'USD', description: 'x'.repeat(1001) }), status: 400, param: 'description' },
  // metadata
  { name: 'metadata as array', ...create({ amount: 100, currency: 'USD', metadata: ['a'] }), status: 400, param: 'metadata' },
  { name: 'metadata value a number', ...create({ amount: 100, currency: 'USD', metadata: { a: 1 } }), status: 400, param: 'metadata' },
  { name: 'metadata nested object', ...create({ amount: 100, currency: 'USD', metadata: { a: { b: 'c' } } }), status: 400, param: 'metadata' },
  { name: 'metadata key too long', ...create({ amount: 100, currency: 'USD', metadata: { ['k'.repeat(41)]: 'v' } }), status: 400, param: 'metadata' },
  { name: 'metadata value too long', ...create({ amount: 100, currency: 'USD', metadata: { k: 'v'.repeat(501) } }), status: 400, param: 'metadata' },
  { name: 'metadata with 51 keys', ...create({ amount: 100, currency: 'USD', metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }), status: 400, param: 'metadata' },
  { name: 'metadata empty key', ...create({ amount: 100, currency: 'USD', metadata: { '': 'v' } }), status: 400, param: 'metadata' },
  // confirm: payment_method
  { name: 'confirm without payment_method', path: () => `/v1/payments/${pi.id}/confirm`, body: {}, status: 400, param: 'payment_method' },
  { name: 'payment_method a string', ...confirm('card'), status: 400, param: 'payment_method' },
  { name: 'payment_method unknown type', ...confirm({ type: 'bitcoin' }), status: 400, param: 'payment_method[type]' },
  { name: 'card missing', ...confirm({ type: 'card' }), status: 400, param: 'card' },
  { name: 'card number fails Luhn', ...confirm(card({ number: '4242424242424241' })), status: 400, code: 'invalid_number', param: 'card[number]' },
  { name: 'card number too short', ...confirm(card({ number: '4242' })), status: 400, param: 'card[number]' },
  { name: 'card number letters', ...confirm(card({ number: '4242abcd42424242' })), status: 400, param: 'card[number]' },
  { name: 'card number as number', ...confirm(card({ number: 4242424242424242 })), status: 400, param: 'card[number]' },
  { name: 'exp_month 13', ...confirm(card({ exp_month: 13 })), status: 400, param: 'card[exp_month]' },
  { name: 'exp_month 0', ...confirm(card({ exp_month: 0 })), status: 400, param: 'card[exp_month]' },
  { name: 'exp_month words', ...confirm(card({ exp_month: 'may' })), status: 400, param: 'card[exp_month]' },
  { name: 'exp_year in the past', ...confirm(card({ exp_year: year - 1 })), status: 400, param: 'card[exp_year]' },
  { name: 'exp month past this year', ...confirm(card({ exp_year: year, exp_month: new Date().getUTCMonth() || 13 })), status: 400 },
  { name: 'exp_year absurd', ...confirm(card({ exp_year: 3000 })), status: 400, param: 'card[exp_year]' },
  { name: 'exp_year 20 years ahead', ...confirm(card({ exp_year: year + 20 })), status: 400, code: 'invalid_expiry_year', param: 'card[exp_year]' },
  { name: 'cvc too short', ...confirm(card({ cvc: '12' })), status: 400, code: 'invalid_cvc', param: 'card[cvc]' },
  { name: 'cvc letters', ...confirm(card({ cvc: 'abc' })), status: 400, param: 'card[cvc]' },
  { name: 'cvc as number', ...confirm(card({ cvc: 123 })), status: 400, param: 'card[cvc]' },
  { name: 'unknown card field', ...confirm(card({ name: 'x' })), status: 400, code: 'parameter_unknown', param: 'card[name]' },
  // confirm: momo
  { name: 'momo unknown provider', ...confirm({ type: 'momo', momo: { provider: 'vodafone', phone_number: '0881158457' } }), status: 400, param: 'provider' },
  { name: 'momo phone missing', ...confirm({ type: 'momo', momo: { provider: 'mtn' } }), status: 400, param: 'phone_number' },
  { name: 'momo phone garbage', ...confirm(MOMO('hello')), status: 400, param: 'phone_number' },
  { name: 'momo phone too short', ...confirm(MOMO('+23188115')), status: 400, param: 'phone_number' },
  { name: 'momo phone not Liberian', ...confirm(MOMO('+14155552671')), status: 400, code: 'phone_number_not_liberian', param: 'phone_number' },
  { name: 'momo landline-range number', ...confirm(MOMO('+23122012345')), status: 400, param: 'phone_number' },
  { name: 'momo Orange number with mtn', ...confirm(MOMO('0775123456', 'mtn')), status: 400, code: 'phone_number_wrong_operator', param: 'phone_number' },
  { name: 'momo MTN number with orange', ...confirm(MOMO('0881158457', 'orange')), status: 400, code: 'phone_number_wrong_operator', param: 'phone_number' },
  { name: 'momo other operator range', ...confirm(MOMO('+231220123456')), status: 400, code: 'phone_number_unsupported_operator', param: 'phone_number' },
  { name: 'wallet with extra field', ...confirm({ type: 'soxara_wallet', pin: '1234' }), status: 400, param: 'pin' },
  { name: 'return_url not a string', ...confirm(CARD('4242424242424242'), { return_url: 5 }), status: 400, param: 'return_url' },
  { name: 'client_secret not a string', ...confirm(CARD('4242424242424242'), { client_secret: 5 }), status: 400, param: 'client_secret' },
  // ids, states and queries
  { name: 'confirm unknown payment', path: '/v1/payments/pi_nope/confirm', body: { payment_method: CARD('4242424242424242') }, status: 404 },
  { name: 'retrieve absurd id', method: 'GET', path: `/v1/payments/${'x'.repeat(5000)}`, status: 404 },
  { name: 'retrieve id with unicode', method: 'GET', path: '/v1/payments/pi_%F0%9F%98%80', status: 404 },
  { name: 'wait too long', method: 'GET', path: () => `/v1/payments/${pi.id}?wait=31`, status: 400, param: 'wait' },
  { name: 'wait not a number', method: 'GET', path: () => `/v1/payments/${pi.id}?wait=soon`, status: 400, param: 'wait' },
  { name: 'wait negative', method: 'GET', path: () => `/v1/payments/${pi.id}?wait=-1`, status: 400, param: 'wait' },
  { name: 'if_status unknown', method: 'GET', path: () => `/v1/payments/${pi.id}?wait=1&if_status=paid`, status: 400, param: 'if_status' },
  { name: 'cancel with a body field', path: () => `/v1/payments/${pi.id}/cancel`, body: { reason: 'x' }, status: 400, code: 'parameter_unknown' },
  { name: 'cancel a succeeded payment', path: () => `/v1/payments/${paid.id}/cancel`, body: {}, status: 400, code: 'payment_unexpected_state' },
  { name: 'approve with nothing pending', path: () => `/v1/test_helpers/payments/${pi.id}/approve`, body: {}, status: 400, code: 'payment_no_pending_action' },
  // webhook endpoints and resends
  { name: 'endpoint url to the metadata address', path: '/v1/webhook_endpoints', body: { url: 'http://169.254.169.254/latest/meta-data/' }, status: 400, code: 'url_not_allowed', param: 'url' },
  { name: 'endpoint url to metadata in hex', path: '/v1/webhook_endpoints', body: { url: 'http://0xa9fea9fe/' }, status: 400, code: 'url_not_allowed', param: 'url' },
  { name: 'endpoint url to metadata as one number', path: '/v1/webhook_endpoints', body: { url: 'http://2852039166/' }, status: 400, code: 'url_not_allowed', param: 'url' },
  { name: 'endpoint url to IPv6 link-local', path: '/v1/webhook_endpoints', body: { url: 'http://[fe80::1]/' }, status: 400, code: 'url_not_allowed', param: 'url' },
  { name: 'endpoint url to IPv4-mapped metadata', path: '/v1/webhook_endpoints', body: { url: 'http://[::ffff:169.254.169.254]/' }, status: 400, code: 'url_not_allowed', param: 'url' },
  { name: 'endpoint url not http', path: '/v1/webhook_endpoints', body: { url: 'file:///etc/passwd' }, status: 400, param: 'url' },
  { name: 'endpoint update to metadata', path: () => `/v1/webhook_endpoints/${endpoint.id}`, body: { url: 'http://0251.0376.0251.0376/' }, status: 400, code: 'url_not_allowed', param: 'url' },
  { name: 'endpoint update disabled not a boolean', path: () => `/v1/webhook_endpoints/${endpoint.id}`, body: { disabled: 'yes' }, status: 400, param: 'disabled' },
  { name: 'endpoint update unknown field', path: () => `/v1/webhook_endpoints/${endpoint.id}`, body: { status: 'enabled' }, status: 400, code: 'parameter_unknown', param: 'status' },
  { name: 'endpoint update unknown id', path: '/v1/webhook_endpoints/we_nope', body: { disabled: true }, status: 404 },
  { name: 'endpoints list with a bad limit', method: 'GET', path: () => `/v1/webhook_endpoints/${endpoint.id}/deliveries?limit=0`, status: 400, param: 'limit' },
  { name: 'resend unknown event', path: '/v1/events/evt_nope/resend', body: {}, status: 404, code: 'resource_missing' },
  { name: 'resend endpoint not a string', path: () => `/v1/events/${eventId}/resend`, body: { endpoint: 5 }, status: 400, param: 'endpoint' },
  { name: 'resend unknown endpoint', path: () => `/v1/events/${eventId}/resend`, body: { endpoint: 'we_nope' }, status: 404, param: 'endpoint' },
  { name: 'resend unknown field', path: () => `/v1/events/${eventId}/resend`, body: { endpoints: [] }, status: 400, code: 'parameter_unknown', param: 'endpoints' },
  { name: 'resend to a disabled endpoint', path: () => `/v1/events/${eventId}/resend`, body: () => ({ endpoint: disabledEndpoint.id }), status: 400, code: 'endpoint_disabled', param: 'endpoint' },
  { name: 'resend invalid JSON', path: () => `/v1/events/${eventId}/resend`, rawBody: '{"endpoint":', status: 400, code: 'invalid_json' },
  // refunds
  { name: 'refund without payment', path: '/v1/refunds', body: {}, status: 400, param: 'payment' },
  { name: 'refund payment not an id', path: '/v1/refunds', body: { payment: 'DROP TABLE' }, status: 400, param: 'payment' },
  { name: 'refund amount zero', path: '/v1/refunds', body: () => ({ payment: paid.id, amount: 0 }), status: 400, param: 'amount' },
  { name: 'refund amount string', path: '/v1/refunds', body: () => ({ payment: paid.id, amount: '5' }), status: 400, param: 'amount' },
  { name: 'refund over the amount', path: '/v1/refunds', body: () => ({ payment: paid.id, amount: 1251 }), status: 400, code: 'amount_too_large', param: 'amount' },
  { name: 'refund unknown reason', path: '/v1/refunds', body: () => ({ payment: paid.id, reason: 'because' }), status: 400, param: 'reason' },
  // update
  { name: 'update amount as string', ...update({ amount: '5' }), status: 400, param: 'amount' },
  { name: 'update amount zero', ...update({ amount: 0 }), status: 400, param: 'amount' },
  { name: 'update description a number', ...update({ description: 5 }), status: 400, param: 'description' },
  { name: 'update metadata an array', ...update({ metadata: ['a'] }), status: 400, param: 'metadata' },
  { name: 'update metadata value a number', ...update({ metadata: { a: 1 } }), status: 400, param: 'metadata' },
  { name: 'update currency (not updatable)', ...update({ currency: 'LRD' }), status: 400, code: 'parameter_unknown', param: 'currency' },
  { name: 'update status (not updatable)', ...update({ status: 'succeeded' }), status: 400, code: 'parameter_unknown', param: 'status' },
  { name: 'update amount of a succeeded payment', path: () => `/v1/payments/${paid.id}`, body: { amount: 5 }, status: 400, code: 'payment_unexpected_state', param: 'amount' },
  { name: 'update unknown payment', path: '/v1/payments/pi_nope', body: { description: 'x' }, status: 404, code: 'resource_missing' },
  // lists
  { name: 'list payments limit 0', method: 'GET', path: '/v1/payments?limit=0', status: 400, param: 'limit' },
  { name: 'list payments limit 1000', method: 'GET', path: '/v1/payments?limit=1000', status: 400, param: 'limit' },
  { name: 'list payments unknown status', method: 'GET', path: '/v1/payments?status=paid', status: 400, param: 'status' },
  { name: 'list payments created not a time', method: 'GET', path: '/v1/payments?created[gte]=soon', status: 400, param: 'created[gte]' },
  { name: 'list payments created without bracket', method: 'GET', path: '/v1/payments?created=5', status: 400, param: 'created' },
  { name: 'list payments unknown cursor', method: 'GET', path: '/v1/payments?starting_after=pi_nope', status: 404, param: 'starting_after' },
  { name: 'list payments unknown ending_before', method: 'GET', path: '/v1/payments?ending_before=pi_nope', status: 404, param: 'ending_before' },
  { name: 'list payments both cursors', method: 'GET', path: () => `/v1/payments?starting_after=${pi.id}&ending_before=${paid.id}`, status: 400, code: 'parameters_exclusive' },
  { name: 'list refunds unknown payment', method: 'GET', path: '/v1/refunds?payment=pi_nope', status: 404, param: 'payment' },
  { name: 'list refunds unknown cursor', method: 'GET', path: '/v1/refunds?starting_after=re_nope', status: 404, param: 'starting_after' },
  // body formats, text and headers
  { name: 'text/plain body', ...create(undefined), rawBody: '{"amount":100,"currency":"USD"}', contentType: 'text/plain', status: 415, code: 'unsupported_content_type' },
  { name: 'multipart body', ...create(undefined), rawBody: 'x', contentType: 'multipart/form-data; boundary=b', status: 415, code: 'unsupported_content_type' },
  { name: 'form amount with a fraction', ...create(undefined), rawBody: 'amount=12.5&currency=USD', contentType: FORM, status: 400, param: 'amount' },
  { name: 'form field given twice', ...create(undefined), rawBody: 'amount=1&amount=2&currency=USD', contentType: FORM, status: 400, code: 'form_invalid' },
  { name: 'form broken brackets', ...create(undefined), rawBody: 'amount=1&currency=USD&metadata[a=b', contentType: FORM, status: 400, code: 'form_invalid' },
  { name: 'form unknown field', ...create(undefined), rawBody: 'amount=1&currency=USD&amont=1', contentType: FORM, status: 400, code: 'parameter_unknown', param: 'amont' },
  { name: 'form escape not UTF-8', ...create(undefined), rawBody: 'amount=1&currency=USD&description=%FF', contentType: FORM, status: 400, code: 'invalid_utf8' },
  { name: 'form update amount of a succeeded payment', path: () => `/v1/payments/${paid.id}`, rawBody: 'amount=5', contentType: FORM, status: 400, code: 'payment_unexpected_state' },
  { name: 'JSON lone surrogate', ...create(undefined), rawBody: '{"amount":100,"currency":"USD","description":"\\udfff"}', status: 400, code: 'invalid_utf8' },
  { name: 'two idempotency keys that differ', ...create({ amount: 100, currency: 'USD' }), headers: { 'idempotency-key': 'k1', 'x-idempotency-key': 'k2' }, status: 400, code: 'idempotency_key_conflict' },
  // routes
  { name: 'unknown route', method: 'GET', path: '/v1/payment_intents', status: 404, code: 'route_not_found' },
  { name: 'wrong method', method: 'DELETE', path: () => `/v1/payments/${pi.id}`, status: 404 },
  { name: 'accounts helper with a field', path: '/v1/test_helpers/accounts', body: { name: 'x' }, status: 400, code: 'parameter_unknown' },
];

describe('bad input catalogue', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    recordFigure('bad-input', 'cases', cases.length, 'bad requests, each answered 4xx with the offending param');
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const path = typeof c.path === 'function' ? c.path() : c.path;
    const body = typeof c.body === 'function' ? (c.body as () => unknown)() : c.body;
    const res = await t.api(c.method ?? 'POST', path, {
      ...(body !== undefined ? { body } : {}),
      ...(c.rawBody !== undefined ? { rawBody: c.rawBody } : {}),
      ...(c.contentType !== undefined || c.headers ? { headers: { ...c.headers, ...(c.contentType && { 'content-type': c.contentType }) } } : {}),
      key: path.startsWith('/v1/test_helpers/accounts') ? null : t.sk,
    });
    expect(res.status).toBeLessThan(500);
    expect(res.status).toBe(c.status);
    expect(res.json?.success).toBe(false);
    expect(typeof res.json.error.message).toBe('string');
    if (c.code) expect(res.json.error.code).toBe(c.code);
    if (c.param) expect(res.json.error.param).toBe(c.param);
  });

  it('left the payments untouched and stored nothing', async () => {
    expect((await t.api('GET', `/v1/payments/${pi.id}`)).json.data).toMatchObject({
      status: 'requires_payment_method',
      amount: 1250,
      description: 'Order #1',
      metadata: { order_id: '1' },
    });
    expect((await t.api('GET', `/v1/payments/${paid.id}`)).json.data).toMatchObject({ amount: 1250, amount_refunded: 0 });
    expect(await counts()).toEqual(stored);
  });
});

// After the catalogue (describe blocks run in order).
describe('bad input catalogue, afterwards', () => {
  it('left the webhook endpoints and their deliveries untouched', async () => {
    const endpoints = await t.data('GET', '/v1/webhook_endpoints');
    expect(endpoints.map((e: { id: string; url: string; status: string }) => [e.id, e.url, e.status])).toEqual([
      [disabledEndpoint.id, 'http://127.0.0.1:9/off', 'disabled'],
      [endpoint.id, 'http://127.0.0.1:9/hooks', 'enabled'],
    ]);
    // They subscribe to payment.canceled only, which nothing here emits: no resend may have added one.
    expect(await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`)).toEqual([]);
    expect(await t.data('GET', `/v1/webhook_endpoints/${disabledEndpoint.id}/deliveries`)).toEqual([]);
  });
});

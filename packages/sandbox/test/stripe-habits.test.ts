/**
 * What a developer who knows Stripe does without thinking: `Idempotency-Key`, `curl -u sk:`, form bodies in
 * bracket notation, `Request-Id` on every answer. Over real HTTP against a real sandbox.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

const basic = (user: string, password = '') => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function paymentCount(): Promise<number> {
  return t.events.filter((e) => e.type === 'payment.created').length;
}

describe('Idempotency-Key, Stripe’s header', () => {
  it('replays the first answer for a second identical POST: one payment, not two', async () => {
    const before = await paymentCount();
    const body = { amount: 700, currency: 'USD' };
    const first = await t.api('POST', '/v1/payments', { body, headers: { 'idempotency-key': 'stripe-style-1' } });
    const second = await t.api('POST', '/v1/payments', { body, headers: { 'idempotency-key': 'stripe-style-1' } });
    expect(first.status).toBe(200);
    expect(second.replayed).toBe(true);
    expect(second.text).toBe(first.text);
    expect(await paymentCount()).toBe(before + 1);
  });

  it('is the same key as X-Idempotency-Key', async () => {
    const body = { amount: 701, currency: 'USD' };
    const first = await t.api('POST', '/v1/payments', { body, headers: { 'x-idempotency-key': 'synonym-1' } });
    const second = await t.api('POST', '/v1/payments', { body, headers: { 'idempotency-key': 'synonym-1' } });
    expect(second.replayed).toBe(true);
    expect(second.json.data.id).toBe(first.json.data.id);
  });

  it('refuses both headers with different values, and creates nothing', async () => {
    const before = await paymentCount();
    const res = await t.api('POST', '/v1/payments', {
      body: { amount: 702, currency: 'USD' },
      headers: { 'idempotency-key': 'a-1', 'x-idempotency-key': 'b-1' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'idempotency_key_conflict' });
    expect(await paymentCount()).toBe(before);
    const same = await t.api('POST', '/v1/payments', {
      body: { amount: 702, currency: 'USD' },
      headers: { 'idempotency-key': 'c-1', 'x-idempotency-key': 'c-1' },
    });
    expect(same.status).toBe(200);
  });
});

describe('HTTP Basic with the secret key as user name', () => {
  it('authenticates like Bearer (curl -u sxs_test_…:)', async () => {
    const res = await t.api('POST', '/v1/payments', { key: null, headers: { authorization: basic(t.sk) }, body: { amount: 800, currency: 'USD' } });
    expect(res.status).toBe(200);
    const got = await t.api('GET', `/v1/payments/${res.json.data.id}`, { key: null, headers: { authorization: basic(t.sk) } });
    expect(got.json.data.id).toBe(res.json.data.id);
  });

  it('scopes idempotency by the same account as Bearer does', async () => {
    const body = { amount: 801, currency: 'USD' };
    const first = await t.api('POST', '/v1/payments', { body, headers: { 'idempotency-key': 'basic-1' } });
    const second = await t.api('POST', '/v1/payments', { key: null, body, headers: { authorization: basic(t.sk), 'idempotency-key': 'basic-1' } });
    expect(second.replayed).toBe(true);
    expect(second.json.data.id).toBe(first.json.data.id);
  });

  it('refuses what Bearer refuses: unknown, publishable on a secret route, no user name', async () => {
    const unknown = await t.api('GET', '/v1/events', { key: null, headers: { authorization: basic('sxs_test_UnknownKey12345678') } });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe('invalid_api_key');
    const publishable = await t.api('GET', '/v1/events', { key: null, headers: { authorization: basic(t.pk) } });
    expect(publishable.status).toBe(403);
    const noUser = await t.api('GET', '/v1/events', { key: null, headers: { authorization: basic('', t.sk) } });
    expect(noUser.status).toBe(401);
    expect(noUser.json.error.code).toBe('invalid_authorization_header');
  });
});

describe('form-encoded bodies in bracket notation', () => {
  it('creates a payment: amount=1250 is the integer 1250, metadata[order_id] a key', async () => {
    const res = await t.api('POST', '/v1/payments', {
      rawBody: 'amount=1250&currency=usd&description=Order+%235021&metadata[order_id]=5&metadata%5Bnote%5D=caf%C3%A9',
      headers: FORM,
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ amount: 1250, currency: 'USD', description: 'Order #5021', metadata: { order_id: '5', note: 'café' } });
  });

  it('confirms with payment_method[card][number]…', async () => {
    const p = await createPayment(t);
    const year = new Date().getUTCFullYear() + 2;
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      rawBody: `payment_method[type]=card&payment_method[card][number]=4242+4242+4242+4242&payment_method[card][exp_month]=12&payment_method[card][exp_year]=${year}&payment_method[card][cvc]=123`,
      headers: FORM,
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ status: 'succeeded', payment_method_details: { card: { last4: '4242', exp_month: 12 } } });
  });

  it('updates a payment: description= unsets it, amount read as an integer', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}`, { rawBody: 'amount=990&description=&metadata[extra]=1', headers: FORM });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ amount: 990, description: null, metadata: { order_id: '1', extra: '1' } });
  });

  it.each([
    ['amount=12.5&currency=USD', 'parameter_invalid', 'amount'],
    ['amount=abc&currency=USD', 'parameter_invalid', 'amount'],
    ['amount=&currency=USD', 'parameter_invalid', 'amount'],
    ['currency=USD', 'parameter_missing', 'amount'],
    ['amount=100&currency=USD&amont=1', 'parameter_unknown', 'amont'],
    ['amount=100&currency=USD&metadata=x', 'parameter_invalid', 'metadata'],
    ['amount=100&currency=USD&metadata[a][b]=c', 'parameter_invalid', 'metadata'],
    ['amount=100&amount=200&currency=USD', 'form_invalid', 'amount'],
    ['amount=100&currency=USD&metadata=x&metadata[a]=b', 'form_invalid', 'metadata[a]'],
    ['amount=100&currency=USD&metadata]=x', 'form_invalid', 'metadata]'],
  ])('refuses %s with the same typed 400 as JSON', async (rawBody, code, param) => {
    const before = await paymentCount();
    const res = await t.api('POST', '/v1/payments', { rawBody, headers: FORM });
    expect(res.status, res.text).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code, param });
    expect(await paymentCount()).toBe(before);
  });

  it('reads enabled_events[]=… as an array and disabled=true as a boolean (webhook endpoints)', async () => {
    const created = await t.api('POST', '/v1/webhook_endpoints', {
      rawBody: `url=${encodeURIComponent('http://127.0.0.1:9/hook')}&enabled_events[]=payment.succeeded&enabled_events[]=refund.succeeded`,
      headers: FORM,
    });
    expect(created.status, created.text).toBe(200);
    expect(created.json.data.enabled_events).toEqual(['payment.succeeded', 'refund.succeeded']);
    const indexed = await t.api('POST', `/v1/webhook_endpoints/${created.json.data.id}`, {
      rawBody: 'enabled_events[1]=payment.failed&enabled_events[0]=payment.created&disabled=true',
      headers: FORM,
    });
    expect(indexed.status, indexed.text).toBe(200);
    expect(indexed.json.data).toMatchObject({ enabled_events: ['payment.created', 'payment.failed'], status: 'disabled' });
    const notBoolean = await t.api('POST', `/v1/webhook_endpoints/${created.json.data.id}`, { rawBody: 'disabled=yes', headers: FORM });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.json.error.param).toBe('disabled');
  });

  it('refuses any other content type with a 415, and creates nothing', async () => {
    const before = await paymentCount();
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
      const res = await t.api('POST', '/v1/payments', { rawBody: '{"amount":100,"currency":"USD"}', headers: { 'content-type': type } });
      expect(res.status, type).toBe(415);
      expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'unsupported_content_type' });
    }
    expect(await paymentCount()).toBe(before);
    const json = await t.api('POST', '/v1/payments', {
      rawBody: '{"amount":100,"currency":"USD"}',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(json.status).toBe(200);
  });
});

describe('Request-Id', () => {
  it('is on every answer: success, error, unknown route, replay', async () => {
    const answers = [
      await t.api('POST', '/v1/payments', { body: { amount: 100, currency: 'USD' } }),
      await t.api('POST', '/v1/payments', { body: { amount: 0, currency: 'USD' } }),
      await t.api('GET', '/v1/nothing-here'),
      await t.api('GET', '/v1/events', { key: null }),
      await t.api('GET', '/healthz', { key: null }),
    ];
    const ids = answers.map((a) => a.headers.get('request-id'));
    for (const id of ids) expect(id).toMatch(/^req_[A-Za-z0-9]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is in the error body, the same id as the header', async () => {
    const res = await t.api('POST', '/v1/payments', { body: { amount: -1, currency: 'USD' } });
    expect(res.json.error.request_id).toBe(res.headers.get('request-id'));
    const decline = await createPayment(t);
    const declined = await t.api('POST', `/v1/payments/${decline.id}/confirm`, { body: { payment_method: CARD('4000000000000002') } });
    expect(declined.status).toBe(402);
    expect(declined.json.error.request_id).toBe(declined.headers.get('request-id'));
  });

  it('is readable by the browser on the browser routes (exposed to CORS)', async () => {
    const p = await createPayment(t);
    const res = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, { key: t.pk, headers: { origin: 'http://localhost:3000' } });
    expect(res.headers.get('access-control-expose-headers')).toContain('Request-Id');
  });

  it('starts the request log line', async () => {
    const logged = await startTestSandbox({ logRequests: true });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const res = await logged.api('GET', '/v1/events');
      const id = res.headers.get('request-id')!;
      await vi.waitFor(() => expect(log.mock.calls.map((call) => String(call[0]))).toContainEqual(expect.stringMatching(new RegExp(`^\\[sandbox\\] ${id} GET /v1/events 200 \\d+ms$`))));
    } finally {
      log.mockRestore();
      await logged.close();
    }
  });
});

describe('a client that disconnects mid-body', () => {
  it('is logged as an aborted request, not as an unexpected 500 with a stack', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { port } = new URL(t.url);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(
        `POST /v1/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.sk}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"amount": 100, "curr',
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
      await vi.waitFor(() => expect(warn.mock.calls.map((call) => String(call[0]))).toContainEqual(expect.stringMatching(/^\[sandbox\] req_\w+ POST \/v1\/payments aborted: /)));
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});

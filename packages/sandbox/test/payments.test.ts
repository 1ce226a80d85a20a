import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SAFE_PAYMENT_FIELDS } from '@soxara/protocol';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

describe('create and retrieve', () => {
  it('creates a payment shaped as the contract says and emits payment.created', async () => {
    const res = await t.api('POST', '/v1/payments', {
      body: { amount: 1250, currency: 'USD', description: 'Order #5021', metadata: { order_id: '5021' } },
    });
    expect(res.status).toBe(200);
    const p = res.json.data;
    expect(res.json.success).toBe(true);
    expect(p.id).toMatch(/^pi_[A-Za-z0-9]+$/);
    expect(p.client_secret).toMatch(new RegExp(`^${p.id}_secret_[A-Za-z0-9]+$`));
    expect(p).toMatchObject({
      object: 'payment',
      livemode: false,
      amount: 1250,
      amount_refunded: 0,
      currency: 'USD',
      status: 'requires_payment_method',
      description: 'Order #5021',
      metadata: { order_id: '5021' },
      payment_method: null,
      next_action: null,
      last_payment_error: null,
      customer: null,
      succeeded_at: null,
      canceled_at: null,
    });
    expect(p.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const event = t.events.find((e) => e.type === 'payment.created' && e.object['id'] === p.id);
    expect(event?.object['metadata']).toEqual({ order_id: '5021' });
  });

  it('accepts LRD and lowercase currency', async () => {
    const p = await createPayment(t, { currency: 'lrd', amount: 500000 });
    expect(p['currency']).toBe('LRD');
  });

  it('retrieves the full object with the secret key', async () => {
    const p = await createPayment(t);
    const res = await t.api('GET', `/v1/payments/${p.id}`);
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual(p);
  });

  it('retrieves only client-safe fields with the publishable key and client_secret', async () => {
    const p = await createPayment(t, { metadata: { secret_thing: 'x' } });
    const res = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, { key: t.pk });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.data).sort()).toEqual([...CLIENT_SAFE_PAYMENT_FIELDS].sort());
    expect(res.text).not.toContain('secret_thing');
    expect(res.text).not.toContain(p.client_secret);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses the publishable retrieve without or with a wrong client_secret', async () => {
    const p = await createPayment(t);
    const missing = await t.api('GET', `/v1/payments/${p.id}`, { key: t.pk });
    expect(missing.status).toBe(400);
    expect(missing.json.error.param).toBe('client_secret');
    const other = await createPayment(t);
    const wrong = await t.api('GET', `/v1/payments/${p.id}?client_secret=${other.client_secret}`, { key: t.pk });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe('client_secret_invalid');
    const tampered = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}x`, { key: t.pk });
    expect(tampered.status).toBe(400);
  });

  it('answers 404 for unknown ids', async () => {
    const res = await t.api('GET', '/v1/payments/pi_doesnotexist');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ success: false, error: { type: 'invalid_request_error', code: 'resource_missing' } });
  });
});

describe('card confirm', () => {
  const declines = [
    ['4000000000000002', 'card_declined', 'generic_decline'],
    ['4000000000009995', 'card_declined', 'insufficient_funds'],
    ['4000000000000069', 'expired_card', 'expired_card'],
    ['4000000000000127', 'incorrect_cvc', 'incorrect_cvc'],
    ['4000000000000119', 'processing_error', 'processing_error'],
  ] as const;

  it('4242 succeeds with the publishable key and emits payment.succeeded', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      key: t.pk,
      body: { client_secret: p.client_secret, payment_method: CARD('4242 4242 4242 4242') },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({
      status: 'succeeded',
      payment_method: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    });
    expect(Object.keys(res.json.data).sort()).toEqual([...CLIENT_SAFE_PAYMENT_FIELDS].sort());
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const full = await t.api('GET', `/v1/payments/${p.id}`);
    expect(full.json.data.succeeded_at).toMatch(/Z$/);
    const event = t.events.find((e) => e.type === 'payment.succeeded' && e.object['id'] === p.id);
    expect(event?.object['metadata']).toEqual({ order_id: '1' });
  });

  it('any other Luhn-valid card succeeds like 4242 (secret key confirm)', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('5555555555554444') } });
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe('succeeded');
    expect(res.json.data.payment_method.card.brand).toBe('mastercard');
    expect(res.json.data.metadata).toEqual({ order_id: '1' });
  });

  it.each(declines)('%s declines with %s / %s, emits payment.failed and can be retried', async (number, code, declineCode) => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      key: t.pk,
      body: { client_secret: p.client_secret, payment_method: CARD(number) },
    });
    expect(res.status).toBe(402);
    expect(res.json.error).toMatchObject({ type: 'card_error', code, decline_code: declineCode });
    expect(res.json.error.payment_intent).toMatchObject({
      id: p.id,
      status: 'requires_payment_method',
      last_payment_error: { type: 'card_error', code, decline_code: declineCode },
    });
    expect(res.json.error.payment_intent.metadata).toBeUndefined();
    expect(t.events.some((e) => e.type === 'payment.failed' && e.object['id'] === p.id)).toBe(true);
    const retry = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      key: t.pk,
      body: { client_secret: p.client_secret, payment_method: CARD('4242424242424242') },
    });
    expect(retry.json.data).toMatchObject({ status: 'succeeded', last_payment_error: null });
  });

  it('refuses to confirm a succeeded or canceled payment', async () => {
    const p = await createPayment(t);
    await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    const again = await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe('payment_unexpected_state');

    const q = await createPayment(t);
    expect((await t.api('POST', `/v1/payments/${q.id}/cancel`)).status).toBe(200);
    const afterCancel = await t.api('POST', `/v1/payments/${q.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    expect(afterCancel.status).toBe(400);
    expect(afterCancel.json.error.code).toBe('payment_unexpected_state');
  });

  it('needs the client_secret for a publishable confirm', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: { payment_method: CARD('4242424242424242') } });
    expect(res.status).toBe(400);
    expect(res.json.error.param).toBe('client_secret');
  });
});

describe('cancel', () => {
  it('cancels, emits payment.canceled, and refuses a second cancel', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe('canceled');
    expect(res.json.data.canceled_at).toMatch(/Z$/);
    expect(t.events.some((e) => e.type === 'payment.canceled' && e.object['id'] === p.id)).toBe(true);
    const again = await t.api('POST', `/v1/payments/${p.id}/cancel`);
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe('payment_unexpected_state');
  });

  it('cancels a payment waiting for a MoMo prompt; the prompt outcome is then ignored', async () => {
    const p = await createPayment(t);
    await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      body: { payment_method: { type: 'momo', momo: { provider: 'mtn', phone_number: '+231880000004' } } },
    });
    const res = await t.api('POST', `/v1/payments/${p.id}/cancel`);
    expect(res.json.data).toMatchObject({ status: 'canceled', next_action: null });
    const approve = await t.api('POST', `/v1/test_helpers/payments/${p.id}/approve`);
    expect(approve.json.error.code).toBe('payment_no_pending_action');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('canceled');
  });
});

describe('long polling', () => {
  it('answers as soon as the status differs from if_status', async () => {
    const p = await createPayment(t);
    const started = Date.now();
    const poll = t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}&wait=10&if_status=requires_payment_method`, { key: t.pk });
    setTimeout(() => {
      void t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    }, 150);
    const res = await poll;
    expect(res.json.data.status).toBe('succeeded');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('answers at once when the status already differs, and after `wait` otherwise', async () => {
    const p = await createPayment(t);
    const started = Date.now();
    const immediate = await t.api('GET', `/v1/payments/${p.id}?wait=5&if_status=succeeded`);
    expect(immediate.json.data.status).toBe('requires_payment_method');
    expect(Date.now() - started).toBeLessThan(2500);
    const waited = Date.now();
    const timedOut = await t.api('GET', `/v1/payments/${p.id}?wait=0.4&if_status=requires_payment_method`);
    expect(timedOut.json.data.status).toBe('requires_payment_method');
    expect(Date.now() - waited).toBeGreaterThanOrEqual(350);
  });
});

describe('misc', () => {
  it('answers CORS preflights for the browser routes', async () => {
    const res = await fetch(`${t.url}/v1/payments/pi_x/confirm`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:4020',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-idempotency-key');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers unknown routes with the 404 envelope', async () => {
    const res = await t.api('GET', '/v1/nope');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ success: false, error: { type: 'invalid_request_error', code: 'route_not_found' } });
  });

  it('makes isolated accounts', async () => {
    const res = await t.api('POST', '/v1/test_helpers/accounts', { key: null });
    expect(res.status).toBe(200);
    expect(res.json.data.id).toMatch(/^acct_/);
    expect(res.json.data.publishable_key).toMatch(/^sxm_test_/);
    expect(res.json.data.secret_key).toMatch(/^sxs_test_/);
  });
});

describe('rate limit', () => {
  it('refuses the 21st confirm attempt on one payment within a minute with a typed 429', async () => {
    const p = await createPayment(t);
    for (let i = 0; i < 20; i++) {
      const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
        key: t.pk,
        body: { client_secret: p.client_secret, payment_method: CARD('4000000000000002') },
      });
      expect(res.status).toBe(402);
    }
    const limited = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      key: t.pk,
      body: { client_secret: p.client_secret, payment_method: CARD('4242424242424242') },
    });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
  });
});

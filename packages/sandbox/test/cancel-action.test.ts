import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, MOMO, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  // A long delay: the customer cancels while the prompt is still on their phone.
  t = await startTestSandbox({ momoDelayMs: 60_000, momoExpiryMs: 120_000 });
});
afterAll(() => t.close());

async function pendingMomo() {
  const p = await createPayment(t);
  const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
    key: t.pk,
    body: { client_secret: p.client_secret, payment_method: MOMO('+231881158457') },
  });
  expect(res.json.data.status).toBe('requires_action');
  return p;
}

const cancelAction = (id: string, clientSecret: string | undefined, key = t.pk) =>
  t.api('POST', `/v1/payments/${id}/cancel_action`, { key, body: clientSecret ? { client_secret: clientSecret } : {} });

describe('POST /v1/payments/:id/cancel_action', () => {
  it('withdraws a pending MoMo prompt, so a late approval charges nothing', async () => {
    const p = await pendingMomo();
    const res = await cancelAction(p.id, p.client_secret);
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ status: 'requires_payment_method', last_payment_error: { type: 'momo_error', code: 'customer_canceled' } });
    expect(res.json.data.metadata).toBeUndefined();

    const late = await t.api('POST', `/v1/test_helpers/payments/${p.id}/approve`, { key: t.sk });
    expect(late.status).toBe(400);
    const after = await t.api('GET', `/v1/payments/${p.id}`, { key: t.sk });
    expect(after.json.data.status).toBe('requires_payment_method');
    expect(t.events.filter((e) => e.type === 'payment.succeeded' && e.object['id'] === p.id)).toHaveLength(0);
    expect(t.events.some((e) => e.type === 'payment.failed' && e.object['id'] === p.id)).toBe(true);
  });

  it('answers the payment as it is when the approval won the race', async () => {
    const p = await pendingMomo();
    await t.api('POST', `/v1/test_helpers/payments/${p.id}/approve`, { key: t.sk });
    const res = await cancelAction(p.id, p.client_secret);
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe('succeeded');
  });

  it('is a no-op on a payment with nothing pending', async () => {
    const p = await createPayment(t);
    const res = await cancelAction(p.id, p.client_secret);
    expect(res.json.data.status).toBe('requires_payment_method');
    expect(res.json.data.last_payment_error).toBeNull();
  });

  it('needs the right client secret with a publishable key', async () => {
    const p = await pendingMomo();
    const other = await createPayment(t);
    expect((await cancelAction(p.id, undefined)).status).toBe(400);
    expect((await cancelAction(p.id, other.client_secret)).status).toBeGreaterThanOrEqual(400);
    const still = await t.api('GET', `/v1/payments/${p.id}`, { key: t.sk });
    expect(still.json.data.status).toBe('requires_action');
  });

  it('closes a 3-D Secure challenge with payment_intent_authentication_failure', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      key: t.pk,
      body: { client_secret: p.client_secret, payment_method: CARD('4000002760003184'), return_url: 'https://shop.example/return' },
    });
    expect(res.json.data.status).toBe('requires_action');
    const canceled = await cancelAction(p.id, p.client_secret);
    expect(canceled.json.data.last_payment_error).toMatchObject({ type: 'card_error', code: 'payment_intent_authentication_failure' });
  });

  it('is open to the browser (CORS preflight)', async () => {
    const res = await fetch(`${t.url}/v1/payments/pi_x/cancel_action`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4020', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, createPayment, startTestSandbox, waitFor, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ refundDelayMs: 50 });
});
afterAll(async () => {
  await t.close();
});

async function paidPayment(card = '4242424242424242', amount = 1250) {
  const p = await createPayment(t, { amount });
  const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD(card) } });
  expect(res.json.data.status).toBe('succeeded');
  return p;
}

async function settled(id: string) {
  return waitFor(async () => {
    const res = await t.api('GET', `/v1/refunds/${id}`);
    return res.json.data.status === 'pending' ? undefined : res.json.data;
  });
}

describe('refunds', () => {
  it('refunds part, then the rest, then refuses more', async () => {
    const p = await paidPayment();
    const partial = await t.api('POST', '/v1/refunds', { body: { payment: p.id, amount: 250, reason: 'requested_by_customer', metadata: { ticket: 'T1' } } });
    expect(partial.status).toBe(200);
    expect(partial.json.data).toMatchObject({
      object: 'refund',
      payment: p.id,
      amount: 250,
      currency: 'USD',
      status: 'pending',
      reason: 'requested_by_customer',
      failure_reason: null,
      metadata: { ticket: 'T1' },
    });
    expect(partial.json.data.id).toMatch(/^re_[A-Za-z0-9]+$/);
    expect((await settled(partial.json.data.id)).status).toBe('succeeded');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.amount_refunded).toBe(250);

    const tooMuch = await t.api('POST', '/v1/refunds', { body: { payment: p.id, amount: 1001 } });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.error).toMatchObject({ code: 'amount_too_large', param: 'amount' });

    const rest = await t.api('POST', '/v1/refunds', { body: { payment: p.id } });
    expect(rest.json.data.amount).toBe(1000);
    expect((await settled(rest.json.data.id)).status).toBe('succeeded');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.amount_refunded).toBe(1250);

    const more = await t.api('POST', '/v1/refunds', { body: { payment: p.id, amount: 1 } });
    expect(more.status).toBe(400);
    expect(more.json.error.code).toBe('payment_already_refunded');

    const types = t.events.filter((e) => e.object['payment'] === p.id).map((e) => e.type);
    expect(types).toEqual(['refund.created', 'refund.succeeded', 'refund.created', 'refund.succeeded']);
  });

  it('counts pending refunds against what is left', async () => {
    const p = await paidPayment();
    const results = await Promise.all([
      t.api('POST', '/v1/refunds', { body: { payment: p.id, amount: 1000 } }),
      t.api('POST', '/v1/refunds', { body: { payment: p.id, amount: 1000 } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('fails asynchronously for a payment made with 4000 0000 0000 5126', async () => {
    const p = await paidPayment('4000000000005126');
    const created = await t.api('POST', '/v1/refunds', { body: { payment: p.id } });
    expect(created.json.data.status).toBe('pending');
    const done = await settled(created.json.data.id);
    expect(done).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect(t.events.some((e) => e.type === 'refund.failed' && e.object['id'] === done.id)).toBe(true);
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.amount_refunded).toBe(0);
  });

  it('refuses payments that have not succeeded, and unknown ones', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', '/v1/refunds', { body: { payment: p.id } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'payment_unexpected_state', param: 'payment' });
    const unknown = await t.api('POST', '/v1/refunds', { body: { payment: 'pi_unknown' } });
    expect(unknown.status).toBe(404);
    expect((await t.api('GET', '/v1/refunds/re_unknown')).status).toBe(404);
  });
});

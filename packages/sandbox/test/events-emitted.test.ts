/** The payment and refund events this module emits, read back through the real event store (GET /v1/events). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, MOMO, createPayment, startTestSandbox, waitFor, waitForStatusChange, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ momoDelayMs: 100, refundDelayMs: 50 });
});
afterAll(async () => {
  await t.close();
});

interface StoredEvent {
  id: string;
  type: string;
  livemode: boolean;
  created_at: string;
  data: { object: Record<string, unknown> };
}

async function eventsOf(objectId: string): Promise<StoredEvent[]> {
  const res = await t.api('GET', '/v1/events?limit=100');
  expect(res.status).toBe(200);
  return (res.json.data as StoredEvent[])
    .filter((e) => e.data.object['id'] === objectId || e.data.object['payment'] === objectId)
    .reverse();
}

describe('emitted events', () => {
  it('card decline then success: created, failed, succeeded — each with the full secret view', async () => {
    const p = await createPayment(t, { metadata: { order_id: 'ev-1' } });
    await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4000000000000002') } });
    await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    const events = await eventsOf(p.id);
    expect(events.map((e) => e.type)).toEqual(['payment.created', 'payment.failed', 'payment.succeeded']);
    for (const event of events) {
      expect(event.id).toMatch(/^evt_/);
      expect(event.livemode).toBe(false);
      expect(event.data.object['metadata']).toEqual({ order_id: 'ev-1' });
      expect(event.data.object['client_secret']).toBe(p.client_secret);
    }
    expect(events[1]?.data.object['last_payment_error']).toMatchObject({ decline_code: 'generic_decline' });
  });

  it('MoMo: created, requires_action, succeeded, with the customer', async () => {
    const p = await createPayment(t);
    await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: MOMO('0881158457') } });
    await waitForStatusChange(t, p.id, 'requires_action');
    const events = await eventsOf(p.id);
    expect(events.map((e) => e.type)).toEqual(['payment.created', 'payment.requires_action', 'payment.succeeded']);
    expect(events[2]?.data.object['customer']).toMatchObject({ phone_number: '+231881158457', country_code: 'LR' });
  });

  it('cancel and refunds', async () => {
    const q = await createPayment(t);
    await t.api('POST', `/v1/payments/${q.id}/cancel`);
    expect((await eventsOf(q.id)).map((e) => e.type)).toEqual(['payment.created', 'payment.canceled']);

    const p = await createPayment(t);
    await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    const refund = (await t.api('POST', '/v1/refunds', { body: { payment: p.id, metadata: { reason: 'test' } } })).json.data;
    await waitFor(async () => ((await t.api('GET', `/v1/refunds/${refund.id}`)).json.data.status === 'succeeded' ? true : undefined));
    const refundEvents = (await eventsOf(refund.id)).filter((e) => e.type.startsWith('refund.'));
    expect(refundEvents.map((e) => e.type)).toEqual(['refund.created', 'refund.succeeded']);
    expect(refundEvents[1]?.data.object).toMatchObject({ id: refund.id, payment: p.id, status: 'succeeded', metadata: { reason: 'test' } });
  });
});

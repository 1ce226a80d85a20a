import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { constructEvent, Soxara, type SoxaraError, type WebhookDelivery } from '@soxara/node';
import { startReceiver, type Receiver } from './support/receiver.ts';
import { startTestSandbox, type TestSandbox } from './support/events-sandbox.ts';

const RETRY_BASE_MS = 30;

let t: TestSandbox;
let receiver: Receiver;

beforeEach(async () => {
  t = await startTestSandbox(RETRY_BASE_MS);
  receiver = await startReceiver();
});
afterEach(async () => {
  await t.close();
  await receiver.close();
});

async function deliveries(endpointId: string): Promise<WebhookDelivery[]> {
  return (await t.soxara.webhookEndpoints.listDeliveries(endpointId)).data;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function caught(promise: Promise<unknown>): Promise<SoxaraError> {
  try {
    await promise;
  } catch (error) {
    return error as SoxaraError;
  }
  throw new Error('expected the call to throw');
}

describe('webhook endpoints', () => {
  it('creates an endpoint with a secret shown once, lists and deletes it', async () => {
    const endpoint = await t.soxara.webhookEndpoints.create({ url: receiver.url });
    expect(endpoint).toMatchObject({ object: 'webhook_endpoint', url: receiver.url, enabled_events: ['*'], status: 'enabled' });
    expect(endpoint.id).toMatch(/^we_/);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    const { data } = await t.soxara.webhookEndpoints.list();
    expect(data.map((e) => e.id)).toContain(endpoint.id);
    expect(data.find((e) => e.id === endpoint.id)).not.toHaveProperty('secret');
    expect(await t.soxara.webhookEndpoints.del(endpoint.id)).toEqual({ id: endpoint.id, object: 'webhook_endpoint', deleted: true });
    expect((await t.soxara.webhookEndpoints.list()).data.map((e) => e.id)).not.toContain(endpoint.id);
    expect(await caught(t.soxara.webhookEndpoints.del(endpoint.id))).toMatchObject({ statusCode: 404 });
  });

  it('validates url and enabled_events', async () => {
    for (const url of ['ftp://example.com/hook', 'not a url', 'javascript:alert(1)']) {
      expect(await caught(t.soxara.webhookEndpoints.create({ url }))).toMatchObject({ statusCode: 400, param: 'url' });
    }
    expect(await caught(t.soxara.webhookEndpoints.create({ url: receiver.url, enabled_events: ['payment.exploded' as '*'] }))).toMatchObject({
      statusCode: 400,
      param: 'enabled_events[0]',
    });
    expect(await caught(t.soxara.webhookEndpoints.create({ url: receiver.url, enabled_events: [] }))).toMatchObject({
      statusCode: 400,
      param: 'enabled_events',
    });
  });

  it('keeps endpoints per account', async () => {
    const endpoint = await t.soxara.webhookEndpoints.create({ url: receiver.url });
    const other = await t.soxara.testHelpers.accounts.create();
    const soxara = new Soxara(other.secret_key, { baseUrl: t.sandbox.url });
    expect((await soxara.webhookEndpoints.list()).data).toEqual([]);
    expect(await caught(soxara.webhookEndpoints.del(endpoint.id))).toMatchObject({ statusCode: 404 });
  });
});

describe('webhook delivery over HTTP', () => {
  it('delivers a signed event that constructEvent verifies, equal to the stored event', async () => {
    const endpoint = await t.soxara.webhookEndpoints.create({ url: receiver.url, enabled_events: ['membership.renewed'] });
    await t.soxara.testHelpers.events.create('payment.created');
    const event = await t.soxara.testHelpers.events.create('membership.renewed');
    const [hook] = await receiver.waitFor(1);
    expect(hook?.contentType).toBe('application/json');
    expect(hook?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const verified = constructEvent(hook!.body, hook!.signature!, endpoint.secret);
    expect(verified).toEqual(event);
    expect(() => constructEvent(hook!.body.replace('membership', 'nembership'), hook!.signature!, endpoint.secret)).toThrow();
    expect(receiver.received).toHaveLength(1);
  });

  it('delivers the events of a real payment with the merchant metadata', async () => {
    const endpoint = await t.soxara.webhookEndpoints.create({ url: receiver.url });
    const payment = await t.soxara.payments.create({ amount: 1250, currency: 'USD', metadata: { order_id: '5021' } });
    const [hook] = await receiver.waitFor(1);
    const event = constructEvent(hook!.body, hook!.signature!, endpoint.secret);
    expect(event.type).toBe('payment.created');
    expect(event.data.object).toMatchObject({ id: payment.id, metadata: { order_id: '5021' } });
  });

  it('retries 500s with exponential backoff, then delivers on 200; the deliveries route shows it', async () => {
    const endpoint = await t.soxara.webhookEndpoints.create({ url: receiver.url });
    receiver.respondWith([500, 500, 500]);
    const event = await t.soxara.testHelpers.events.create('refund.failed');

    await receiver.waitFor(1);
    const pending = await until(() => deliveries(endpoint.id), (d) => d[0]?.attempts === 1);
    expect(pending[0]).toMatchObject({ event: event.id, event_type: 'refund.failed', status: 'pending', last_response_code: 500 });
    expect(pending[0]?.next_attempt_at).not.toBeNull();

    const hooks = await receiver.waitFor(4);
    const gaps = hooks.slice(1).map((hook, i) => hook.at - hooks[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(RETRY_BASE_MS - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - 5);
    expect(gaps[2]).toBeGreaterThanOrEqual(4 * RETRY_BASE_MS - 5);
    // Each attempt is signed anew, and every one verifies.
    for (const hook of hooks) expect(constructEvent(hook.body, hook.signature!, endpoint.secret).id).toBe(event.id);

    const done = await until(() => deliveries(endpoint.id), (d) => d[0]?.status === 'succeeded');
    expect(done[0]).toMatchObject({ status: 'succeeded', attempts: 4, last_response_code: 200, next_attempt_at: null });
  });

  it('stops retrying once the endpoint is deleted', async () => {
    const endpoint = await t.soxara.webhookEndpoints.create({ url: receiver.url });
    receiver.respondWith(Array.from({ length: 8 }, () => 500));
    await t.soxara.testHelpers.events.create('transfer.expired');
    await receiver.waitFor(1);
    await t.soxara.webhookEndpoints.del(endpoint.id);
    const seen = receiver.received.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.received.length).toBeLessThanOrEqual(seen + 1);
  });

  it('stops retrying once the endpoint is disabled, and delivers nothing new to it', async () => {
    const endpoint = await t.soxara.webhookEndpoints.create({ url: receiver.url });
    receiver.respondWith(Array.from({ length: 8 }, () => 500));
    await t.soxara.testHelpers.events.create('gift_card.expired');
    await receiver.waitFor(1);
    expect(await t.soxara.webhookEndpoints.update(endpoint.id, { disabled: true })).toMatchObject({ status: 'disabled' });
    await t.soxara.testHelpers.events.create('gift_card.redeemed');
    const seen = receiver.received.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.received.length).toBeLessThanOrEqual(seen + 1);
    // The second event found the endpoint disabled, so it has no delivery at all.
    const list = await deliveries(endpoint.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ event_type: 'gift_card.expired', status: 'canceled' });
  });

  it('resumes a pending delivery after the sandbox restarts on the same data dir', async () => {
    await t.close();
    t = await startTestSandbox(400);
    const endpoint = await t.soxara.webhookEndpoints.create({ url: receiver.url });
    receiver.respondWith([503]);
    const event = await t.soxara.testHelpers.events.create('bill_payment.succeeded');
    await receiver.waitFor(1);
    await until(() => deliveries(endpoint.id), (d) => d[0]?.attempts === 1);

    await t.restart();
    const restartedAt = Date.now();
    const [, hook] = await receiver.waitFor(2);
    expect(hook!.at).toBeGreaterThanOrEqual(restartedAt);
    expect(constructEvent(hook!.body, hook!.signature!, endpoint.secret).id).toBe(event.id);
    const done = await until(() => deliveries(endpoint.id), (d) => d[0]?.status === 'succeeded');
    expect(done[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
  });
});

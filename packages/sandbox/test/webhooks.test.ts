/**
 * Webhook endpoints and deliveries through the HTTP API, against an in-process sandbox, and the
 * checklist's rows for the sandbox as a sender (group E of docs/security-checklist.md). Tests about time
 * freeze `Date` and move it themselves; the sandbox's `deliverDue()` then sends what is due by then.
 * Retries wait minutes: `vi.waitFor` nudges a faked clock on by its polling interval as it waits, and
 * only the test's own moves may bring a retry due.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint } from '@soxara/protocol';
import { checkSignature } from '@soxara/protocol/signature';
import { startTestSandbox, type TestSandbox } from './helpers.ts';
import { signedAt, startReceiver, verifiedEvent, type Receiver } from './support/receiver.ts';

const RETRY_BASE_MS = 60_000;
const DAY_MS = 86_400_000;

let t: TestSandbox;
let receiver: Receiver;

beforeEach(async () => {
  t = await startTestSandbox({ webhookRetryMs: RETRY_BASE_MS });
  receiver = await startReceiver();
});
afterEach(async () => {
  vi.useRealTimers();
  await t.close();
  await receiver.close();
});

const createEndpoint = (body: Record<string, unknown>, key = t.sk): Promise<WebhookEndpoint & { secret: string }> =>
  t.data('POST', '/v1/webhook_endpoints', { key, body });
const trigger = (type: string) => t.data('POST', '/v1/test_helpers/events', { body: { type } });
const deliveries = (endpointId: string): Promise<WebhookDelivery[]> => t.data('GET', `/v1/webhook_endpoints/${endpointId}/deliveries`);

/** Waits until the endpoint's newest delivery matches `expected`, and returns the list. */
function deliveriesOnceThey(endpointId: string, expected: Partial<WebhookDelivery>): Promise<WebhookDelivery[]> {
  return vi.waitFor(async () => {
    const list = await deliveries(endpointId);
    expect(list[0]).toMatchObject(expected);
    return list;
  });
}

/** Moves the frozen clock on by `ms` and sends whatever is due by then. */
async function runFor(ms: number): Promise<void> {
  vi.setSystemTime(Date.now() + ms);
  await t.sandbox.deps.events.deliverDue();
}

describe('webhook endpoints', () => {
  it('creates an endpoint with a secret shown once, lists and deletes it', async () => {
    const endpoint = await createEndpoint({ url: receiver.url });
    expect(endpoint).toMatchObject({ object: 'webhook_endpoint', url: receiver.url, enabled_events: ['*'], status: 'enabled' });
    expect(endpoint.id).toMatch(/^we_/);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    const listed: WebhookEndpoint[] = await t.data('GET', '/v1/webhook_endpoints');
    expect(listed.map((e) => e.id)).toContain(endpoint.id);
    expect(listed.find((e) => e.id === endpoint.id)).not.toHaveProperty('secret');
    expect(await t.data('DELETE', `/v1/webhook_endpoints/${endpoint.id}`)).toEqual({ id: endpoint.id, object: 'webhook_endpoint', deleted: true });
    expect((await t.data('GET', '/v1/webhook_endpoints')).map((e: WebhookEndpoint) => e.id)).not.toContain(endpoint.id);
    expect((await t.api('DELETE', `/v1/webhook_endpoints/${endpoint.id}`)).status).toBe(404);
  });

  it('validates url and enabled_events', async () => {
    const refusal = async (body: Record<string, unknown>) => {
      const answer = await t.api('POST', '/v1/webhook_endpoints', { body });
      return { status: answer.status, param: answer.json.error?.param };
    };
    for (const url of ['ftp://example.com/hook', 'not a url', 'javascript:alert(1)']) {
      expect(await refusal({ url })).toEqual({ status: 400, param: 'url' });
    }
    expect(await refusal({ url: receiver.url, enabled_events: ['payment.exploded'] })).toEqual({ status: 400, param: 'enabled_events[0]' });
    expect(await refusal({ url: receiver.url, enabled_events: [] })).toEqual({ status: 400, param: 'enabled_events' });
  });

  it('keeps endpoints per account', async () => {
    const endpoint = await createEndpoint({ url: receiver.url });
    const other: { secret_key: string } = await t.data('POST', '/v1/test_helpers/accounts', { key: null });
    expect(await t.data('GET', '/v1/webhook_endpoints', { key: other.secret_key })).toEqual([]);
    expect((await t.api('DELETE', `/v1/webhook_endpoints/${endpoint.id}`, { key: other.secret_key })).status).toBe(404);
  });
});

describe('webhook delivery over HTTP', () => {
  it('delivers a signed event that verifies, equal to the stored event', async () => {
    const endpoint = await createEndpoint({ url: receiver.url, enabled_events: ['membership.renewed'] });
    await trigger('payment.created');
    const event = await trigger('membership.renewed');
    const [hook] = await receiver.waitFor(1);
    expect(hook?.contentType).toBe('application/json');
    expect(hook?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifiedEvent(hook!, endpoint.secret)).toEqual(event);
    expect(() => verifiedEvent({ ...hook!, body: hook!.body.replace('membership', 'nembership') }, endpoint.secret)).toThrow(/signature_mismatch/);
    await deliveriesOnceThey(endpoint.id, { status: 'succeeded' });
    expect(receiver.received).toHaveLength(1);
  });

  it('delivers the events of a real payment with the merchant metadata', async () => {
    const endpoint = await createEndpoint({ url: receiver.url });
    const payment = await t.data('POST', '/v1/payments', { body: { amount: 1250, currency: 'USD', metadata: { order_id: '5021' } } });
    const [hook] = await receiver.waitFor(1);
    const event = verifiedEvent(hook!, endpoint.secret);
    expect(event.type).toBe('payment.created');
    expect(event.data.object).toMatchObject({ id: payment.id, metadata: { order_id: '5021' } });
  });

  it('retries 500s with exponential backoff, then delivers on 200; the deliveries route shows it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 23, 14, 0, 0) });
    const endpoint = await createEndpoint({ url: receiver.url });
    receiver.respondWith([500, 500, 500]);
    const event = await trigger('refund.failed');

    await receiver.waitFor(1);
    const [pending] = await deliveriesOnceThey(endpoint.id, { attempts: 1 });
    expect(pending).toMatchObject({ event: event.id, event_type: 'refund.failed', status: 'pending', last_response_code: 500 });
    expect(pending?.next_attempt_at).not.toBeNull();
    // The attempts after 1, 2 and 4 minutes (the backoff itself is held by webhook-delivery.test.ts).
    for (const [attempt, delayMs] of [[2, RETRY_BASE_MS], [3, 2 * RETRY_BASE_MS], [4, 4 * RETRY_BASE_MS]] as const) {
      await runFor(delayMs * 1.1);
      await receiver.waitFor(attempt);
      await deliveriesOnceThey(endpoint.id, { attempts: attempt });
    }
    // Each attempt is signed anew, when it is sent, and every one verifies.
    for (const hook of receiver.received) expect(verifiedEvent(hook, endpoint.secret, { now: signedAt(hook) }).id).toBe(event.id);
    expect(new Set(receiver.received.map(signedAt)).size).toBe(4);
    const [done] = await deliveriesOnceThey(endpoint.id, { status: 'succeeded' });
    expect(done).toMatchObject({ status: 'succeeded', attempts: 4, last_response_code: 200, next_attempt_at: null });
    expect(receiver.received).toHaveLength(4);
  });

  it('stops retrying once the endpoint is deleted', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 23, 14, 0, 0) });
    const endpoint = await createEndpoint({ url: receiver.url });
    receiver.respondWith(Array.from({ length: 8 }, () => 500));
    await trigger('transfer.expired');
    await receiver.waitFor(1);
    await deliveriesOnceThey(endpoint.id, { attempts: 1, status: 'pending' });
    await t.data('DELETE', `/v1/webhook_endpoints/${endpoint.id}`);
    await runFor(3 * DAY_MS);
    expect(receiver.received).toHaveLength(1);
  });

  it('stops retrying once the endpoint is disabled, and delivers nothing new to it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 23, 14, 0, 0) });
    const endpoint = await createEndpoint({ url: receiver.url });
    receiver.respondWith(Array.from({ length: 8 }, () => 500));
    await trigger('gift_card.expired');
    await receiver.waitFor(1);
    await deliveriesOnceThey(endpoint.id, { attempts: 1, status: 'pending' });
    expect(await t.data('POST', `/v1/webhook_endpoints/${endpoint.id}`, { body: { disabled: true } })).toMatchObject({ status: 'disabled' });
    await trigger('gift_card.redeemed');
    await runFor(3 * DAY_MS);
    expect(receiver.received).toHaveLength(1);
    // The second event found the endpoint disabled, so it has no delivery at all.
    const list = await deliveries(endpoint.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ event_type: 'gift_card.expired', status: 'canceled', attempts: 1 });
  });

  it('resumes a pending delivery after the sandbox restarts on the same data dir', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 23, 14, 0, 0) });
    const endpoint = await createEndpoint({ url: receiver.url });
    receiver.respondWith([503]);
    const event = await trigger('bill_payment.succeeded');
    await receiver.waitFor(1);
    await deliveriesOnceThey(endpoint.id, { attempts: 1, status: 'pending' });

    // The clock stood still, so the retry was not due yet: it can only come from the next process.
    await t.restart();
    expect(receiver.received).toHaveLength(1);
    await runFor(RETRY_BASE_MS * 1.1);
    const [, hook] = await receiver.waitFor(2);
    expect(verifiedEvent(hook!, endpoint.secret).id).toBe(event.id);
    await deliveriesOnceThey(endpoint.id, { status: 'succeeded', attempts: 2 });
  });
});

describe('E. Webhooks (sandbox as sender)', () => {
  it('E6 a 302, then a 500 are retried with backoff until a 2xx; every attempt is signed anew (its own t)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 23, 14, 0, 0) });
    const endpoint = await createEndpoint({ url: receiver.url, enabled_events: ['transfer.claimed'] });
    receiver.respondWith([302, 500]);
    const event = await trigger('transfer.claimed');
    for (const attempt of [2, 3]) {
      await receiver.waitFor(attempt - 1);
      const [delivery] = await vi.waitFor(async () => {
        const list = await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`);
        expect(list[0]).toMatchObject({ attempts: attempt - 1, status: 'pending' });
        return list;
      });
      expect(delivery.last_response_code).toBe(attempt === 2 ? 302 : 500);
      // Ten minutes later: past the backoff's delay (1, then 2 minutes), and a later second to sign with.
      vi.setSystemTime(Date.now() + 10 * 60_000);
      await t.sandbox.deps.events.deliverDue();
    }
    const hooks = await receiver.waitFor(3);
    for (const hook of hooks) {
      expect(signedAt(hook)).toBe(Math.floor(hook.at / 1000));
      expect(verifiedEvent(hook, endpoint.secret, { now: signedAt(hook) }).id).toBe(event.id);
    }
    expect(new Set(hooks.map(signedAt)).size).toBe(3);
    const [delivery] = await vi.waitFor(async () => {
      const list = await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`);
      expect(list[0]).toMatchObject({ status: 'succeeded' });
      return list;
    });
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, last_response_code: 200 });
    expect(receiver.received).toHaveLength(3);
  });

  it('E10 a captured delivery replayed 10 minutes later is rejected by the timestamp tolerance', async () => {
    const endpoint = await createEndpoint({ url: receiver.url });
    await trigger('payment.succeeded');
    const [hook] = await receiver.waitFor(1);
    const t0 = signedAt(hook!);
    expect(checkSignature(hook!.body, hook!.signature, endpoint.secret, { now: t0 })).toEqual({ ok: true, timestamp: t0 });
    expect(checkSignature(hook!.body, hook!.signature, endpoint.secret, { now: t0 + 600 })).toMatchObject({
      ok: false,
      code: 'timestamp_outside_tolerance',
    });
  });

  it("E11 each endpoint has its own secret: a delivery to one fails verification with another endpoint's or account's secret", async () => {
    const first = await createEndpoint({ url: `${receiver.url}?e=1` });
    const second = await createEndpoint({ url: `${receiver.url}?e=2` });
    const otherAccount: { secret_key: string } = await t.data('POST', '/v1/test_helpers/accounts', { key: null });
    const foreign = await createEndpoint({ url: `${receiver.url}?e=3` }, otherAccount.secret_key);
    expect(new Set([first.secret, second.secret, foreign.secret]).size).toBe(3);
    await trigger('refund.succeeded');
    const hooks = await receiver.waitFor(2);
    const verifiedBy = hooks.map((hook) =>
      [first, second, foreign].filter((endpoint) => checkSignature(hook.body, hook.signature, endpoint.secret).ok).map((endpoint) => endpoint.id),
    );
    expect(verifiedBy.map((ids) => ids.length)).toEqual([1, 1]);
    expect(new Set(verifiedBy.flat())).toEqual(new Set([first.id, second.id]));
    await t.sandbox.deps.events.deliverDue();
    expect(receiver.received).toHaveLength(2);
  });
});

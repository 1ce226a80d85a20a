/**
 * Checklist group E, the sandbox as the sender: retries signed anew, the replay window, a secret per
 * endpoint. Time is `Date`, frozen and moved by the test; `deliverDue()` sends what is due by then.
 * Retries wait minutes, since `vi.waitFor` nudges a faked clock on by its polling interval.
 */
import { checkSignature } from '@soxara/protocol/signature';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers.ts';
import { signedAt, startReceiver, verifiedEvent, type Receiver } from '../support/receiver.ts';

const RETRY_BASE_MS = 60_000;

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

const createEndpoint = (body: Record<string, unknown>, key = t.sk): Promise<{ id: string; secret: string }> =>
  t.data('POST', '/v1/webhook_endpoints', { key, body });
const trigger = (type: string) => t.data('POST', '/v1/test_helpers/events', { body: { type } });

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

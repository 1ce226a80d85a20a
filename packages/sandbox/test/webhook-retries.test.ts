/**
 * Webhooks that do not give up, over real HTTP and real timers: the retry schedule is scaled down by the
 * sandbox's own setting (webhookRetryMs, SOXARA_WEBHOOK_RETRY_MS), which scales the three days with it,
 * so "an hour" and "three days" pass in seconds without faking any clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint } from '@soxara/protocol';
import { DEFAULT_RETRY_BASE_MS } from '../src/webhooks/backoff.ts';
import { startTestSandbox, type TestSandbox } from './helpers.ts';
import { startReceiver, verifiedEvent, type Receiver } from './support/receiver.ts';

const HOUR_MS = 3_600_000;

let t: TestSandbox | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await t?.close();
  await receiver?.close();
  t = receiver = undefined;
});

/** A loopback port that nothing listens on (a receiver that is down). */
async function downPort(): Promise<number> {
  const probe = await startReceiver();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

describe('webhook retries over HTTP', () => {
  // A day is past the eight attempts the sandbox used to give up after (255 bases), an hour is not.
  it.each([
    ['an hour', 1, 50],
    ['a day', 24, 2],
  ])('a receiver down for %s still gets the event, once, after it comes back', { timeout: 20_000 }, async (_name, hours, baseMs) => {
    // The schedule at this base is the real one shrunk by DEFAULT / base: the outage lasts about 3 seconds.
    const outageMs = (hours * HOUR_MS * baseMs) / DEFAULT_RETRY_BASE_MS;
    t = await startTestSandbox({ webhookRetryMs: baseMs });
    const port = await downPort();
    const endpoint: WebhookEndpoint & { secret: string } = await t.data('POST', '/v1/webhook_endpoints', {
      body: { url: `http://127.0.0.1:${port}/webhooks` },
    });
    const event = await t.data('POST', '/v1/test_helpers/events', { body: { type: 'payment.succeeded' } });
    const downSince = Date.now();
    await vi.waitFor(async () => {
      const [delivery]: WebhookDelivery[] = await t!.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`);
      expect(delivery).toMatchObject({ status: 'pending', last_error: 'ECONNREFUSED' });
      expect(delivery!.attempts).toBeGreaterThanOrEqual(3);
    }, { timeout: outageMs, interval: 50 });
    await new Promise((resolve) => setTimeout(resolve, downSince + outageMs - Date.now()));

    receiver = await startReceiver({ port });
    // At most one wait later (the waits are capped at 12 hours, 720 bases), plus margin.
    const [hook] = await receiver.waitFor(1, Math.min(outageMs, 720 * baseMs) * 1.1 + 2_000);
    expect(verifiedEvent(hook!, endpoint.secret).id).toBe(event.id);
    const [delivery]: WebhookDelivery[] = await vi.waitFor(async () => {
      const list: WebhookDelivery[] = await t!.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`);
      expect(list[0]).toMatchObject({ status: 'succeeded' });
      return list;
    });
    expect(delivery!.attempts).toBeGreaterThanOrEqual(6);
    expect(await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}`)).toMatchObject({ status: 'enabled', failing_since: null, last_error: null });
    // Once: no later retry brings it again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await t.sandbox.deps.events.deliverDue();
    expect(receiver.received).toHaveLength(1);
  });

  it('an endpoint failing for three days is disabled with its last error; re-enabling starts it afresh', { timeout: 20_000 }, async () => {
    // Three days at a base of 1 ms: about 4.3 seconds.
    t = await startTestSandbox({ webhookRetryMs: 1 });
    const port = await downPort();
    const endpoint: WebhookEndpoint = await t.data('POST', '/v1/webhook_endpoints', { body: { url: `http://127.0.0.1:${port}/hooks` } });
    await t.data('POST', '/v1/test_helpers/events', { body: { type: 'refund.failed' } });
    const failing: WebhookEndpoint = await vi.waitFor(async () => {
      const current: WebhookEndpoint = await t!.data('GET', `/v1/webhook_endpoints/${endpoint.id}`);
      expect(current.failing_since).not.toBeNull();
      return current;
    });
    expect(failing).toMatchObject({ status: 'enabled', disabled_reason: null, last_error: 'ECONNREFUSED' });

    const disabled: WebhookEndpoint = await vi.waitFor(
      async () => {
        const current: WebhookEndpoint = await t!.data('GET', `/v1/webhook_endpoints/${endpoint.id}`);
        expect(current.status).toBe('disabled');
        return current;
      },
      { timeout: 12_000, interval: 100 },
    );
    expect(disabled).toMatchObject({ disabled_reason: 'failing', last_error: 'ECONNREFUSED' });
    expect(disabled.last_error_at).not.toBeNull();
    const listed: WebhookEndpoint[] = await t.data('GET', '/v1/webhook_endpoints');
    expect(listed.find((e) => e.id === endpoint.id)).toMatchObject({ status: 'disabled', disabled_reason: 'failing' });
    const [delivery]: WebhookDelivery[] = await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`);
    expect(delivery).toMatchObject({ status: 'failed', next_attempt_at: null });
    // A new event finds it disabled: no delivery.
    await t.data('POST', '/v1/test_helpers/events', { body: { type: 'refund.failed' } });
    expect(await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`)).toHaveLength(1);

    receiver = await startReceiver({ port });
    const enabled: WebhookEndpoint = await t.data('POST', `/v1/webhook_endpoints/${endpoint.id}`, { body: { disabled: false } });
    expect(enabled).toMatchObject({ status: 'enabled', disabled_reason: null, failing_since: null, last_error: null, last_error_at: null });
    await t.data('POST', '/v1/test_helpers/events', { body: { type: 'refund.succeeded' } });
    const [hook] = await receiver.waitFor(1);
    expect(JSON.parse(hook!.body).type).toBe('refund.succeeded');
  });
});

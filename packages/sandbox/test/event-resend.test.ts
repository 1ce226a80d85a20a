/**
 * `POST /v1/events/:id/resend` over HTTP, against real receivers: the same event, with the same id and
 * body, delivered again (the guide's "replay the same payment.succeeded"), and `soxara events resend`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SoxaraEvent, WebhookDelivery, WebhookEndpoint } from '@soxara/protocol';
import { startTestSandbox, type TestSandbox } from './helpers.ts';
import { runInProcess } from './support/cli-in-process.ts';
import { startReceiver, verifiedEvent, type Receiver } from './support/receiver.ts';

type CreatedEndpoint = WebhookEndpoint & { secret: string };

let t: TestSandbox;
let receiver: Receiver;
let other: Receiver;
beforeEach(async () => {
  t = await startTestSandbox();
  receiver = await startReceiver();
  other = await startReceiver();
});
afterEach(async () => {
  await t.close();
  await receiver.close();
  await other.close();
});

const createEndpoint = (body: Record<string, unknown>): Promise<CreatedEndpoint> => t.data('POST', '/v1/webhook_endpoints', { body });
const trigger = (type: string): Promise<SoxaraEvent> => t.data('POST', '/v1/test_helpers/events', { body: { type } });

describe('POST /v1/events/:id/resend', () => {
  it('delivers the same event again, same id and body, to every enabled endpoint that subscribes to its type', async () => {
    const all = await createEndpoint({ url: receiver.url });
    const succeeded = await createEndpoint({ url: other.url, enabled_events: ['payment.succeeded'] });
    const refundsOnly = await createEndpoint({ url: `${other.url}?refunds`, enabled_events: ['refund.created'] });
    const event = await trigger('payment.succeeded');
    await receiver.waitFor(1);
    await other.waitFor(1);

    const deliveries: WebhookDelivery[] = await t.data('POST', `/v1/events/${event.id}/resend`, { body: {} });
    expect(deliveries.map((d) => d.endpoint).sort()).toEqual([all.id, succeeded.id].sort());
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({ object: 'webhook_delivery', event: event.id, event_type: 'payment.succeeded', status: 'pending', attempts: 0 });
      expect(delivery.id).toMatch(/^wd_/);
    }
    const [first, again] = await receiver.waitFor(2);
    expect(again!.body).toBe(first!.body);
    expect(verifiedEvent(again!, all.secret)).toEqual(event);
    const [, otherAgain] = await other.waitFor(2);
    expect(verifiedEvent(otherAgain!, succeeded.secret).id).toBe(event.id);
    // Each resend is a delivery of its own in the endpoint's list, next to the first one.
    const listed: WebhookDelivery[] = await t.data('GET', `/v1/webhook_endpoints/${all.id}/deliveries`);
    expect(listed.map((d) => d.event)).toEqual([event.id, event.id]);
    expect(await t.data('GET', `/v1/webhook_endpoints/${refundsOnly.id}/deliveries`)).toEqual([]);
    await t.sandbox.deps.events.deliverDue();
    expect(receiver.received).toHaveLength(2);
    expect(other.received).toHaveLength(2);
  });

  it('with an endpoint, delivers to that one only', async () => {
    const chosen = await createEndpoint({ url: receiver.url });
    await createEndpoint({ url: other.url });
    const event = await trigger('refund.succeeded');
    await receiver.waitFor(1);
    await other.waitFor(1);
    const deliveries: WebhookDelivery[] = await t.data('POST', `/v1/events/${event.id}/resend`, { body: { endpoint: chosen.id } });
    expect(deliveries.map((d) => d.endpoint)).toEqual([chosen.id]);
    const [, again] = await receiver.waitFor(2);
    expect(verifiedEvent(again!, chosen.secret).id).toBe(event.id);
    await t.sandbox.deps.events.deliverDue();
    expect(other.received).toHaveLength(1);
  });

  it('answers an empty list when no enabled endpoint subscribes', async () => {
    const endpoint = await createEndpoint({ url: receiver.url });
    const event = await trigger('payment.created');
    await receiver.waitFor(1);
    await t.data('POST', `/v1/webhook_endpoints/${endpoint.id}`, { body: { disabled: true } });
    expect(await t.data('POST', `/v1/events/${event.id}/resend`, { body: {} })).toEqual([]);
  });

  it('refuses what it cannot resend, with typed errors, and sends nothing', async () => {
    const endpoint = await createEndpoint({ url: receiver.url });
    const event = await trigger('payment.created');
    await receiver.waitFor(1);
    const otherAccount: { secret_key: string } = await t.data('POST', '/v1/test_helpers/accounts', { key: null });
    const refusal = async (path: string, body: unknown, key = t.sk) => {
      const answer = await t.api('POST', path, { body, key });
      return { status: answer.status, code: answer.json.error?.code, param: answer.json.error?.param };
    };
    expect(await refusal('/v1/events/evt_nope/resend', {})).toEqual({ status: 404, code: 'resource_missing', param: 'id' });
    expect(await refusal(`/v1/events/${event.id}/resend`, {}, otherAccount.secret_key)).toMatchObject({ status: 404, code: 'resource_missing' });
    expect(await refusal(`/v1/events/${event.id}/resend`, { endpoint: 'we_nope' })).toEqual({ status: 404, code: 'resource_missing', param: 'endpoint' });
    expect(await refusal(`/v1/events/${event.id}/resend`, { endpoint: 5 })).toMatchObject({ status: 400, param: 'endpoint' });
    expect(await refusal(`/v1/events/${event.id}/resend`, { to: endpoint.id })).toMatchObject({ status: 400, code: 'parameter_unknown', param: 'to' });
    await t.data('POST', `/v1/webhook_endpoints/${endpoint.id}`, { body: { disabled: true } });
    expect(await refusal(`/v1/events/${event.id}/resend`, { endpoint: endpoint.id })).toEqual({ status: 400, code: 'endpoint_disabled', param: 'endpoint' });
    expect(await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`)).toHaveLength(1);
    await t.sandbox.deps.events.deliverDue();
    expect(receiver.received).toHaveLength(1);
  });
});

describe('soxara events resend', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(join(tmpdir(), 'soxara-cli-resend-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));
  const cli = (argv: string[]) => runInProcess(argv, { cwd, env: { SOXARA_API_URL: t.url, SOXARA_SECRET_KEY: t.sk } });

  it('resends an event and prints each delivery; --endpoint picks one', async () => {
    const first = await createEndpoint({ url: receiver.url });
    const second = await createEndpoint({ url: other.url });
    const event = await trigger('payment.succeeded');
    await receiver.waitFor(1);
    await other.waitFor(1);
    const run = await cli(['events', 'resend', event.id]);
    expect(run.code).toBe(0);
    expect(run.out.filter(Boolean).map((line) => line.split('  ')[1]).sort()).toEqual([first.id, second.id].sort());
    expect(run.out.filter(Boolean).every((line) => /^wd_\w+ {2}we_\w+ {2}payment\.succeeded$/.test(line))).toBe(true);
    const only = await cli(['events', 'resend', event.id, '--endpoint', second.id]);
    expect(only.code).toBe(0);
    expect(only.out.filter(Boolean)).toHaveLength(1);
    expect(only.out[0]).toContain(second.id);
    const hooks = await other.waitFor(3);
    expect(new Set(hooks.map((hook) => JSON.parse(hook.body).id))).toEqual(new Set([event.id]));
    await receiver.waitFor(2);
  });

  it('says what is wrong: a usage error exits 2, a refusal 1', async () => {
    expect((await cli(['events', 'resend'])).code).toBe(2);
    expect((await cli(['events', 'resend', 'pi_123'])).code).toBe(2);
    expect((await cli(['events', 'resend', 'evt_1', '--endpoint', 'nope'])).code).toBe(2);
    expect((await cli(['events', 'replay', 'evt_1'])).code).toBe(2);
    const missing = await cli(['events', 'resend', 'evt_doesnotexist']);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/No such event.*resource_missing/);
  });
});

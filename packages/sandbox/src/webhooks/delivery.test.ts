import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { constructEvent } from '@soxara/node';
import { createEventBus, migrateEvents, type EventBus } from '../events/bus.ts';
import { startReceiver, type Receiver } from '../../test/support/receiver.ts';
import { createEndpoint, deleteEndpoint } from './endpoints.ts';
import { cancelEndpointDeliveries, listEndpointDeliveries } from './deliveries.ts';
import { retryDelayMs } from './backoff.ts';

const BASE_MS = 30;
let dir: string;
let db: Database.Database;
let bus: EventBus | undefined;
let receiver: Receiver;

function open(): Database.Database {
  const opened = new Database(join(dir, 'sandbox.sqlite'));
  migrateEvents(opened);
  return opened;
}

function startBus(options: { maxAttempts?: number } = {}): EventBus {
  bus = createEventBus(db, { retryBaseMs: BASE_MS, timeoutMs: 2_000, ...options });
  bus.start();
  return bus;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'soxara-webhooks-'));
  db = open();
  receiver = await startReceiver();
});

afterEach(async () => {
  await bus?.stop();
  bus = undefined;
  db.close();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('webhook delivery', () => {
  it('POSTs the event as JSON, signed with the endpoint secret', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    const { id } = startBus().emit('acct_1', 'payment.created', { id: 'pi_1', object: 'payment' });
    const [hook] = await receiver.waitFor(1);
    expect(hook?.contentType).toBe('application/json');
    const event = constructEvent(hook!.body, hook!.signature!, endpoint.secret);
    expect(event).toMatchObject({ id, object: 'event', type: 'payment.created', livemode: false, data: { object: { id: 'pi_1' } } });
    expect(event.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('delivers only to endpoints of the account that enabled the type', async () => {
    const other = await startReceiver();
    try {
      createEndpoint(db, 'acct_1', receiver.url, ['refund.created']);
      createEndpoint(db, 'acct_2', other.url, ['*']);
      const events = startBus();
      events.emit('acct_1', 'payment.created', { id: 'pi_1' });
      events.emit('acct_1', 'refund.created', { id: 're_1' });
      const [hook] = await receiver.waitFor(1);
      expect(JSON.parse(hook!.body).type).toBe('refund.created');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(receiver.received).toHaveLength(1);
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('retries failures with exponential backoff, each attempt newly signed, until a 2xx', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([500, 500, 302]);
    startBus().emit('acct_1', 'payment.succeeded', { id: 'pi_1' });
    const hooks = await receiver.waitFor(4);
    const gaps = hooks.slice(1).map((hook, i) => hook.at - hooks[i]!.at);
    // base * 2^(n-1): 30, 60, 120 ms (plus jitter, plus scheduling).
    expect(gaps[0]).toBeGreaterThanOrEqual(BASE_MS - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * BASE_MS - 5);
    expect(gaps[2]).toBeGreaterThanOrEqual(4 * BASE_MS - 5);
    for (const hook of hooks) expect(constructEvent(hook.body, hook.signature!, endpoint.secret).type).toBe('payment.succeeded');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [delivery] = listEndpointDeliveries(db, endpoint.id, 10);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 4, last_response_code: 200, next_attempt_at: null });
  });

  it('marks a delivery failed after the last attempt', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([500, 500, 500, 500]);
    startBus({ maxAttempts: 3 }).emit('acct_1', 'payment.failed', { id: 'pi_1' });
    await receiver.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(3);
    expect(listEndpointDeliveries(db, endpoint.id, 10)[0]).toMatchObject({ status: 'failed', attempts: 3, last_response_code: 500 });
  });

  it('stops retrying when the endpoint is deleted', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([500, 500, 500, 500, 500]);
    startBus().emit('acct_1', 'payment.created', { id: 'pi_1' });
    await receiver.waitFor(1);
    deleteEndpoint(db, endpoint.id);
    cancelEndpointDeliveries(db, endpoint.id);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.received.length).toBeLessThanOrEqual(2);
    expect(listEndpointDeliveries(db, endpoint.id, 10)[0]?.status).toBe('canceled');
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    createEndpoint(db, 'acct_1', receiver.url, ['*']);
    const events = startBus();
    expect(() =>
      db.transaction(() => {
        events.emit('acct_1', 'payment.created', { id: 'pi_1' });
        throw new Error('the state change failed');
      })(),
    ).toThrow('the state change failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
  });

  it('refuses an event type outside the event reference', () => {
    expect(() => startBus().emit('acct_1', 'payment.exploded', {})).toThrow(TypeError);
  });

  it('sends again an attempt cut short by stop(), without counting it', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([0]);
    startBus().emit('acct_1', 'payment.created', { id: 'pi_1' });
    await receiver.waitFor(1);
    await bus!.stop();
    expect(listEndpointDeliveries(db, endpoint.id, 10)[0]).toMatchObject({ status: 'pending', attempts: 0 });
    startBus();
    await receiver.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listEndpointDeliveries(db, endpoint.id, 10)[0]).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('counts a timeout as a failed attempt', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([0]);
    bus = createEventBus(db, { retryBaseMs: BASE_MS, timeoutMs: 100 });
    bus.start();
    bus.emit('acct_1', 'payment.created', { id: 'pi_1' });
    await receiver.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listEndpointDeliveries(db, endpoint.id, 10)[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('resumes a pending delivery after a restart', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    // Emitted while no loop runs: the outbox row alone must be enough.
    const { id } = createEventBus(db, { retryBaseMs: BASE_MS }).emit('acct_1', 'refund.succeeded', { id: 're_1' });
    db.close();
    db = open();
    startBus();
    const [hook] = await receiver.waitFor(1);
    expect(constructEvent(hook!.body, hook!.signature!, endpoint.secret).id).toBe(id);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base, with at most 10% jitter', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(100, n, () => 0))).toEqual([100, 200, 400, 800]);
    expect(retryDelayMs(100, 3, () => 0.999)).toBeLessThanOrEqual(440);
  });
});

/**
 * The delivery loop against a real receiver on loopback, on a bare database (no HTTP API). Where a test
 * is about time (backoff, the last attempt, a deleted endpoint), `Date` is frozen and moved by the test,
 * and `deliverDue()` sends what is due by then: what went out is known exactly, with no sleep. Those
 * tests retry after minutes, not milliseconds, because `vi.waitFor` nudges a faked clock on by its
 * polling interval while it waits: only the test's own moves may bring a retry due.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus, migrateEvents, type EventBus } from '../src/events/bus.ts';
import { DEFAULT_RETRY_BASE_MS, nextAttemptAt, retryDelayMs, retryHorizonMs } from '../src/webhooks/backoff.ts';
import { cancelEndpointDeliveries, listEndpointDeliveries, type DeliveryRow } from '../src/webhooks/deliveries.ts';
import { createEndpoint, deleteEndpoint, findEndpointById } from '../src/webhooks/endpoints.ts';
import { signedAt, startReceiver, verifiedEvent, type Receiver } from './support/receiver.ts';

const BASE_MS = 30;
/** The retry base of the tests that move the clock themselves. */
const FROZEN_BASE_MS = 60_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const T0 = Date.UTC(2026, 4, 23, 14, 0, 0);
let dir: string;
let db: Database.Database;
let bus: EventBus | undefined;
let receiver: Receiver;

function open(): Database.Database {
  const opened = new Database(join(dir, 'sandbox.sqlite'));
  migrateEvents(opened);
  return opened;
}

function startBus(options: { maxAttempts?: number; timeoutMs?: number; retryBaseMs?: number } = {}): EventBus {
  bus = createEventBus(db, { retryBaseMs: BASE_MS, timeoutMs: 2_000, ...options });
  bus.start();
  return bus;
}

/** The one delivery of the endpoint, as the outbox has it. */
function deliveryOf(endpointId: string): DeliveryRow {
  const [row, ...more] = listEndpointDeliveries(db, endpointId, 10);
  expect(more).toEqual([]);
  expect(row).toBeDefined();
  return row!;
}

/** Waits until the endpoint's delivery has recorded `attempts` attempts, and returns it. */
function recorded(endpointId: string, attempts: number): Promise<DeliveryRow> {
  return vi.waitFor(() => {
    const row = deliveryOf(endpointId);
    expect(row.attempts).toBe(attempts);
    return row;
  });
}

/** Moves the frozen clock to `at` and sends whatever is due by then. */
async function runUntil(at: number): Promise<void> {
  vi.setSystemTime(at);
  await bus!.deliverDue();
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'soxara-webhooks-'));
  db = open();
  receiver = await startReceiver();
});

afterEach(async () => {
  vi.useRealTimers();
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
    const event = verifiedEvent(hook!, endpoint.secret);
    expect(event).toMatchObject({ id, object: 'event', type: 'payment.created', livemode: false, data: { object: { id: 'pi_1' } } });
    expect(event.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('delivers only to endpoints of the account that enabled the type', async () => {
    const other = await startReceiver();
    try {
      const refunds = createEndpoint(db, 'acct_1', receiver.url, ['refund.created']);
      const otherAccount = createEndpoint(db, 'acct_2', other.url, ['*']);
      const events = startBus();
      events.emit('acct_1', 'payment.created', { id: 'pi_1' });
      events.emit('acct_1', 'refund.created', { id: 're_1' });
      // The outbox is written with the event: what is not in it is never sent.
      expect(listEndpointDeliveries(db, otherAccount.id, 10)).toEqual([]);
      await recorded(refunds.id, 1);
      await events.deliverDue();
      expect(receiver.received.map((hook) => JSON.parse(hook.body).type)).toEqual(['refund.created']);
      expect(other.received).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('retries failures with exponential backoff, each attempt newly signed, until a 2xx', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 23, 14, 0, 0) });
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([500, 500, 302]);
    startBus({ retryBaseMs: FROZEN_BASE_MS }).emit('acct_1', 'payment.succeeded', { id: 'pi_1' });
    for (let failed = 1; failed <= 3; failed++) {
      await receiver.waitFor(failed);
      const row = await recorded(endpoint.id, failed);
      // base * 2^(n-1), plus at most 10% jitter: 1, 2, 4 minutes here.
      const delay = row.next_attempt_at! - row.last_attempt_at!;
      expect(delay).toBeGreaterThanOrEqual(FROZEN_BASE_MS * 2 ** (failed - 1));
      expect(delay).toBeLessThanOrEqual(FROZEN_BASE_MS * 2 ** (failed - 1) * 1.1);
      await runUntil(row.next_attempt_at! - 1);
      expect(receiver.received, 'nothing before the retry is due').toHaveLength(failed);
      // A second past due, so that a fresh signature shows in its timestamp.
      await runUntil(row.next_attempt_at! + 1_000);
      expect(receiver.received).toHaveLength(failed + 1);
    }
    expect(await recorded(endpoint.id, 4)).toMatchObject({ status: 'succeeded', last_response_code: 200, next_attempt_at: null });
    for (const hook of receiver.received) {
      expect(signedAt(hook)).toBe(Math.floor(hook.at / 1000));
      expect(verifiedEvent(hook, endpoint.secret, { now: signedAt(hook) }).type).toBe('payment.succeeded');
    }
    expect(new Set(receiver.received.map(signedAt)).size).toBe(4);
  });

  it('marks a delivery failed after the last attempt, and sends nothing more', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 23, 14, 0, 0) });
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([500, 500, 500, 500]);
    startBus({ maxAttempts: 3, retryBaseMs: FROZEN_BASE_MS }).emit('acct_1', 'payment.failed', { id: 'pi_1' });
    for (let failed = 1; failed < 3; failed++) {
      await receiver.waitFor(failed);
      await runUntil((await recorded(endpoint.id, failed)).next_attempt_at!);
    }
    expect(await recorded(endpoint.id, 3)).toMatchObject({ status: 'failed', last_response_code: 500, next_attempt_at: null });
    await runUntil(Date.now() + 3 * DAY_MS);
    expect(receiver.received).toHaveLength(3);
  });

  it('stops retrying when the endpoint is deleted: the attempt made before is the only one', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 23, 14, 0, 0) });
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([500, 500, 500, 500, 500]);
    startBus({ retryBaseMs: FROZEN_BASE_MS }).emit('acct_1', 'payment.created', { id: 'pi_1' });
    await receiver.waitFor(1);
    await recorded(endpoint.id, 1);
    deleteEndpoint(db, endpoint.id);
    cancelEndpointDeliveries(db, endpoint.id);
    await runUntil(Date.now() + 3 * DAY_MS);
    expect(receiver.received).toHaveLength(1);
    expect(deliveryOf(endpoint.id)).toMatchObject({ status: 'canceled', attempts: 1, next_attempt_at: null });
  });

  it('retries for three days, the waits doubling up to 12 hours, then fails the delivery and disables the endpoint', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith(Array.from({ length: 50 }, () => 500));
    startBus({ retryBaseMs: DEFAULT_RETRY_BASE_MS }).emit('acct_1', 'payment.succeeded', { id: 'pi_1' });
    await receiver.waitFor(1);
    let row = await recorded(endpoint.id, 1);
    const waits: number[] = [];
    while (row.status === 'pending') {
      waits.push(row.next_attempt_at! - row.last_attempt_at!);
      await runUntil(row.next_attempt_at!);
      row = await recorded(endpoint.id, row.attempts + 1);
    }
    expect(row).toMatchObject({ status: 'failed', last_response_code: 500, next_attempt_at: null });
    // The last attempt is placed at the end of the three days, not after them.
    expect(row.last_attempt_at! - T0).toBe(3 * DAY_MS);
    expect(waits.slice(0, 3).map((wait) => Math.floor(wait / 60_000))).toEqual([1, 2, 4]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(12 * HOUR_MS * 1.1);
    expect(waits.filter((wait) => wait >= 12 * HOUR_MS)).not.toHaveLength(0);
    expect(row.attempts).toBeGreaterThanOrEqual(14);
    expect(row.attempts).toBeLessThanOrEqual(18);
    expect(receiver.received).toHaveLength(row.attempts);
    expect(findEndpointById(db, endpoint.id)).toMatchObject({
      status: 'disabled',
      disabled_reason: 'failing',
      failing_since: T0,
      last_error: 'HTTP 500',
      last_error_at: T0 + 3 * DAY_MS,
    });
    await runUntil(Date.now() + 3 * DAY_MS);
    expect(receiver.received).toHaveLength(row.attempts);
  });

  it('disables an endpoint only after three days of failures with no success between them', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    // The first event fails; the second, a moment later, is delivered; every attempt after that fails.
    receiver.respondWith([500, 200, ...Array.from({ length: 50 }, () => 500)]);
    const events = startBus({ retryBaseMs: DEFAULT_RETRY_BASE_MS });
    events.emit('acct_1', 'payment.created', { id: 'pi_1' });
    await receiver.waitFor(1);
    events.emit('acct_1', 'payment.succeeded', { id: 'pi_1' });
    await receiver.waitFor(2);
    await vi.waitFor(() => expect(listEndpointDeliveries(db, endpoint.id, 10).map((d) => d.status).sort()).toEqual(['pending', 'succeeded']));
    expect(findEndpointById(db, endpoint.id)).toMatchObject({ failing_since: null, last_error: null });
    const first = () => listEndpointDeliveries(db, endpoint.id, 10).find((d) => d.status !== 'succeeded')!;
    while (first().status === 'pending') await runUntil(first().next_attempt_at!);
    expect(first()).toMatchObject({ status: 'failed' });
    // It has failed since its first retry, a minute after the success: three days less a minute.
    expect(findEndpointById(db, endpoint.id)).toMatchObject({ status: 'enabled', disabled_reason: null, last_error: 'HTTP 500' });
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
    await events.deliverDue();
    expect(receiver.received).toHaveLength(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries').get()).toEqual({ n: 0 });
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
    expect(deliveryOf(endpoint.id)).toMatchObject({ status: 'pending', attempts: 0 });
    startBus();
    await receiver.waitFor(2);
    expect(await recorded(endpoint.id, 1)).toMatchObject({ status: 'succeeded' });
  });

  it('counts a timeout as a failed attempt', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    receiver.respondWith([0]);
    startBus({ timeoutMs: 100 }).emit('acct_1', 'payment.created', { id: 'pi_1' });
    await receiver.waitFor(2);
    expect(await recorded(endpoint.id, 2)).toMatchObject({ status: 'succeeded', last_response_code: 200 });
  });

  it('resumes a pending delivery after a restart', async () => {
    const endpoint = createEndpoint(db, 'acct_1', receiver.url, ['*']);
    // Emitted while no loop runs: the outbox row alone must be enough.
    const { id } = createEventBus(db, { retryBaseMs: BASE_MS }).emit('acct_1', 'refund.succeeded', { id: 're_1' });
    db.close();
    db = open();
    startBus();
    const [hook] = await receiver.waitFor(1);
    expect(verifiedEvent(hook!, endpoint.secret).id).toBe(id);
  });
});

describe('an older database', () => {
  it('gets the endpoint health columns, its endpoints healthy', () => {
    const old = new Database(join(dir, 'old.sqlite'));
    try {
      // The table as the first release made it.
      old.exec(`CREATE TABLE webhook_endpoints (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL,
        enabled_events TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'enabled', created_at TEXT NOT NULL)`);
      old.prepare("INSERT INTO webhook_endpoints VALUES ('we_old', 'acct_1', 'http://127.0.0.1:9/', 'whsec_x', '[\"*\"]', 'enabled', '2026-01-01T00:00:00Z')").run();
      migrateEvents(old);
      migrateEvents(old);
      expect(findEndpointById(old, 'we_old')).toMatchObject({ status: 'enabled', disabled_reason: null, failing_since: null, last_error: null, last_error_at: null });
    } finally {
      old.close();
    }
  });
});

describe('the retry schedule', () => {
  it('doubles from the base, with at most 10% jitter, up to 720 bases', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(100, n, () => 0))).toEqual([100, 200, 400, 800]);
    expect(retryDelayMs(100, 3, () => 0.999)).toBeLessThanOrEqual(440);
    expect([10, 11, 12, 40].map((n) => retryDelayMs(100, n, () => 0))).toEqual([51_200, 72_000, 72_000, 72_000]);
  });

  it('spans three days at the default base, and scales with the base', () => {
    expect(retryHorizonMs(DEFAULT_RETRY_BASE_MS)).toBe(3 * DAY_MS);
    expect(retryHorizonMs(50)).toBe((3 * DAY_MS * 50) / DEFAULT_RETRY_BASE_MS);
  });

  it('puts the last attempt at the end of the horizon, and none after it', () => {
    const base = { baseMs: 100, createdAt: 0, random: () => 0 };
    const end = retryHorizonMs(100);
    expect(nextAttemptAt({ ...base, failedAttempts: 1, attemptAt: 0 })).toBe(100);
    expect(nextAttemptAt({ ...base, failedAttempts: 15, attemptAt: end - 10 })).toBe(end);
    expect(nextAttemptAt({ ...base, failedAttempts: 16, attemptAt: end })).toBeNull();
  });
});

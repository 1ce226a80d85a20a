/**
 * The delivery loop: sends due deliveries from the outbox, records each attempt, and sleeps until the next
 * one is due. All state is in SQLite, so a new process resumes where the last one stopped (at least once:
 * an attempt cut short by a crash or a stop is sent again).
 *
 * While an attempt is in flight its row is leased (its next attempt pushed past the request timeout) so
 * the loop does not pick it twice; a crash leaves the lease to expire, and the delivery is retried.
 */
import type Database from 'better-sqlite3';
import { findEvent } from '../events/store.ts';
import { retryDelayMs } from './backoff.ts';
import { cancelDelivery, dueDeliveries, nextDueAt, recordAttempt, rescheduleDelivery, type DeliveryRow } from './deliveries.ts';
import { findEndpointById } from './endpoints.ts';
import { sendWebhook } from './send.ts';

export interface DispatcherOptions {
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface WebhookDispatcher {
  start(): void;
  /** Looks for due deliveries now (after an event was committed). */
  wake(): void;
  /** Stops the loop and aborts attempts in flight; their deliveries stay pending. */
  stop(): Promise<void>;
}

const BATCH = 50;
// The loop also wakes this often when nothing is due, so rows written by another process are not missed.
const IDLE_POLL_MS = 5_000;

export function createWebhookDispatcher(db: Database.Database, options: DispatcherOptions): WebhookDispatcher {
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  // A burst of events (one per request under load) wakes the loop once, not once per event.
  let wakeQueued = false;
  let stopController = new AbortController();
  const inFlight = new Map<string, Promise<void>>();

  function schedule(): void {
    if (!running) return;
    clearTimeout(timer);
    const due = nextDueAt(db);
    const delay = due === null ? IDLE_POLL_MS : Math.min(Math.max(0, due - Date.now()), IDLE_POLL_MS);
    timer = setTimeout(tick, delay);
  }

  function tick(): void {
    if (!running) return;
    const now = Date.now();
    for (const delivery of dueDeliveries(db, now, BATCH)) {
      if (inFlight.has(delivery.id)) continue;
      rescheduleDelivery(db, delivery.id, now + options.timeoutMs + options.retryBaseMs);
      const attempt = attemptDelivery(delivery).finally(() => {
        inFlight.delete(delivery.id);
        schedule();
      });
      inFlight.set(delivery.id, attempt);
    }
    schedule();
  }

  async function attemptDelivery(delivery: DeliveryRow): Promise<void> {
    const endpoint = findEndpointById(db, delivery.endpoint_id);
    const event = findEvent(db, delivery.account_id, delivery.event_id);
    if (!endpoint || endpoint.status !== 'enabled' || !event) {
      cancelDelivery(db, delivery.id);
      return;
    }
    const result = await sendWebhook({
      url: endpoint.url,
      secret: endpoint.secret,
      body: event.body,
      timeoutMs: options.timeoutMs,
      signal: stopController.signal,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    const at = Date.now();
    if (stopController.signal.aborted) {
      // Cut short by stop(): not the receiver's failure. Leave it due for the next start.
      rescheduleDelivery(db, delivery.id, at);
      return;
    }
    if (result.ok) {
      recordAttempt(db, delivery.id, { responseCode: result.responseCode, error: null, at, outcome: { status: 'succeeded' } });
      return;
    }
    const failedAttempts = delivery.attempts + 1;
    const outcome =
      failedAttempts >= options.maxAttempts
        ? ({ status: 'failed' } as const)
        : ({ status: 'pending', nextAttemptAt: at + retryDelayMs(options.retryBaseMs, failedAttempts) } as const);
    recordAttempt(db, delivery.id, { responseCode: result.responseCode, error: result.error, at, outcome });
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopController = new AbortController();
      tick();
    },
    wake() {
      if (!running || wakeQueued) return;
      wakeQueued = true;
      setImmediate(() => {
        wakeQueued = false;
        tick();
      });
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      stopController.abort();
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}

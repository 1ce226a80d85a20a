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
import { nextAttemptAt, retryHorizonMs } from './backoff.ts';
import {
  cancelDelivery,
  cancelEndpointDeliveries,
  dueDeliveries,
  nextDueAt,
  recordAttempt,
  rescheduleDelivery,
  type DeliveryRow,
} from './deliveries.ts';
import { findEndpointById, recordEndpointFailure, recordEndpointSuccess } from './endpoints.ts';
import type { WebhookAddressPolicy } from './address-policy.ts';
import { sendWebhook, type ResolveAll } from './send.ts';

export interface DispatcherOptions {
  retryBaseMs: number;
  /** Attempts in all, the first included, if fewer than the three days of the schedule allow (tests). */
  maxAttempts?: number;
  timeoutMs: number;
  policy: WebhookAddressPolicy;
  resolve?: ResolveAll;
}

export interface WebhookDispatcher {
  start(): void;
  /** Looks for due deliveries now (after an event was committed). */
  wake(): void;
  /** Sends every delivery due now and resolves once each attempt in flight has its answer. */
  deliverDue(): Promise<void>;
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
      const attempt = attemptDelivery(delivery, now).finally(() => {
        inFlight.delete(delivery.id);
        schedule();
      });
      inFlight.set(delivery.id, attempt);
    }
    schedule();
  }

  /** `startedAt`: when the attempt is made; `delivery.next_attempt_at` still says when it was due. */
  async function attemptDelivery(delivery: DeliveryRow, startedAt: number): Promise<void> {
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
      policy: options.policy,
      signal: stopController.signal,
      ...(options.resolve ? { resolve: options.resolve } : {}),
    });
    if (stopController.signal.aborted) {
      // Cut short by stop(): not the receiver's failure. Leave it due for the next start.
      rescheduleDelivery(db, delivery.id, Date.now());
      return;
    }
    // The attempt is logged at the time it was sent, not when it ended: how long a refused or unanswered
    // connection took would otherwise show in the log (see send.ts on why that matters).
    const at = startedAt;
    if (result.ok) {
      db.transaction(() => {
        recordAttempt(db, delivery.id, { responseCode: result.responseCode, error: null, at, outcome: { status: 'succeeded' } });
        recordEndpointSuccess(db, endpoint.id);
      })();
      return;
    }
    const failedAttempts = delivery.attempts + 1;
    const next =
      options.maxAttempts !== undefined && failedAttempts >= options.maxAttempts
        ? null
        : nextAttemptAt({ baseMs: options.retryBaseMs, failedAttempts, attemptAt: at, createdAt: delivery.created_at });
    const outcome = next === null ? ({ status: 'failed' } as const) : ({ status: 'pending', nextAttemptAt: next } as const);
    db.transaction(() => {
      recordAttempt(db, delivery.id, { responseCode: result.responseCode, error: result.error, at, outcome });
      const disabled = recordEndpointFailure(db, endpoint.id, {
        error: result.error,
        dueAt: delivery.next_attempt_at ?? at,
        at,
        horizonMs: retryHorizonMs(options.retryBaseMs),
      });
      // Three days of failures: the endpoint is switched off, as Stripe does, and its other deliveries with it.
      if (disabled) cancelEndpointDeliveries(db, endpoint.id);
    })();
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
    async deliverDue() {
      tick();
      await Promise.allSettled([...inFlight.values()]);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      stopController.abort();
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}

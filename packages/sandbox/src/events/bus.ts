/**
 * The event bus: the one way sandbox code reports what happened. `emit` records the event and its
 * deliveries (the outbox) in the caller's SQLite transaction, so a committed state change always has its
 * event and its webhooks, and a rolled-back one has neither. The dispatcher sends them afterwards.
 */
import type Database from 'better-sqlite3';
import { isEventType, type EventType } from '@soxara/protocol';
import { enqueueDelivery, migrateDeliveries } from '../webhooks/deliveries.ts';
import { LOOPBACK_POLICY, type WebhookAddressPolicy } from '../webhooks/address-policy.ts';
import { createWebhookDispatcher } from '../webhooks/dispatcher.ts';
import type { ResolveAll } from '../webhooks/send.ts';
import { endpointsFor, migrateEndpoints } from '../webhooks/endpoints.ts';
import { buildEvent } from './envelope.ts';
import { insertEvent, migrateEventStore } from './store.ts';

export interface EventBus {
  /**
   * Records an event of `type` for the account, with `object` as `data.object`, and schedules its
   * delivery to every enabled endpoint. Call it inside the same SQLite transaction as the state change
   * it reports, so that a committed change always has its event (and vice versa).
   */
  emit(accountId: string, type: string, object: object): { id: string };
  /**
   * Delivers a recorded event again, the same event with the same id, to each of `endpointIds` (of its
   * account): one new delivery each, with a schedule of its own. Answers the new deliveries' ids.
   */
  resend(accountId: string, eventId: string, endpointIds: readonly string[]): string[];
  /** Starts the delivery loop (resumes deliveries left pending by a previous run). */
  start(): void;
  /** Stops timers; pending deliveries stay in SQLite. */
  stop(): Promise<void>;
  /**
   * Sends every delivery due now and resolves once each has its answer: a caller that moves the clock
   * (a test) knows what was sent by then, without waiting for the loop's own timer.
   */
  deliverDue(): Promise<void>;
}

export interface EventBusOptions {
  /** Base of the exponential retry backoff (SOXARA_WEBHOOK_RETRY_MS). */
  retryBaseMs: number;
  /** Attempts per delivery, the first included, to end the schedule sooner than its three days (tests). */
  maxAttempts?: number;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /** Where webhooks may go; the loopback policy when absent. */
  policy?: WebhookAddressPolicy;
  /** Resolves webhook hosts (tests); the system resolver when absent. */
  resolve?: ResolveAll;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Creates every table of events and webhooks (idempotent). Called by openDatabase. */
export function migrateEvents(db: Database.Database): void {
  migrateEventStore(db);
  migrateEndpoints(db);
  migrateDeliveries(db);
}

export function createEventBus(db: Database.Database, options: EventBusOptions): EventBus {
  const dispatcher = createWebhookDispatcher(db, {
    retryBaseMs: options.retryBaseMs,
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    policy: options.policy ?? LOOPBACK_POLICY,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  const recordNow = (accountId: string, type: EventType, object: object) => {
    const now = new Date();
    const event = buildEvent(type, object, now);
    insertEvent(db, accountId, event, now.getTime());
    const endpoints = endpointsFor(db, accountId, type);
    for (const endpoint of endpoints) enqueueDelivery(db, event.id, endpoint.id, accountId, now.getTime());
    return { id: event.id, deliveries: endpoints.length };
  };
  const record = db.transaction(recordNow);

  return {
    emit(accountId, type, object) {
      // A type outside the event reference is a bug in the caller; failing rolls its transaction back.
      if (!isEventType(type)) throw new TypeError(`Unknown event type: ${String(type)}`);
      // Inside the caller's transaction its writes are part of it (a failure here throws through the caller,
      // which rolls everything back; no caller catches it), so no savepoint; alone it is its own transaction.
      const { id, deliveries } = db.inTransaction ? recordNow(accountId, type, object) : record(accountId, type, object);
      // Nothing to send (an account without endpoints): no need to run the delivery loop.
      if (deliveries > 0) dispatcher.wake();
      return { id };
    },
    resend(accountId, eventId, endpointIds) {
      const now = Date.now();
      const ids = db.transaction(() => endpointIds.map((endpointId) => enqueueDelivery(db, eventId, endpointId, accountId, now)))();
      if (ids.length > 0) dispatcher.wake();
      return ids;
    },
    start: () => dispatcher.start(),
    stop: () => dispatcher.stop(),
    deliverDue: () => dispatcher.deliverDue(),
  };
}

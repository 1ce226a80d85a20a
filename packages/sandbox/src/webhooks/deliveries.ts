/**
 * The `webhook_deliveries` table: the outbox. One row per (event, endpoint), written in the transaction
 * that writes the event, so that a committed event is always delivered, even across a restart.
 */
import type Database from 'better-sqlite3';
import { statement } from '../store/statements.ts';
import type { EventType, WebhookDelivery, WebhookDeliveryStatus } from '@soxara/protocol';
import { newId } from '../ids.ts';
import { isoSeconds } from '../time.ts';

export type DeliveryStatus = WebhookDeliveryStatus;

export interface DeliveryRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  account_id: string;
  status: DeliveryStatus;
  attempts: number;
  /** Epoch ms; null once final. */
  next_attempt_at: number | null;
  last_response_code: number | null;
  last_error: string | null;
  last_attempt_at: number | null;
  created_at: number;
  delivered_at: number | null;
}

export function migrateDeliveries(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_response_code INTEGER,
    last_error TEXT,
    last_attempt_at INTEGER,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
  CREATE INDEX IF NOT EXISTS webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id)`);
}

/** Answers the new delivery's id. */
export function enqueueDelivery(db: Database.Database, eventId: string, endpointId: string, accountId: string, now: number): string {
  const id = newId('wd');
  statement(db,
    `INSERT INTO webhook_deliveries (id, event_id, endpoint_id, account_id, status, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
  ).run(id, eventId, endpointId, accountId, now, now);
  return id;
}

export function dueDeliveries(db: Database.Database, now: number, limit: number): DeliveryRow[] {
  return statement<[number, number], DeliveryRow>(db,
      "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, rowid LIMIT ?",
    )
    .all(now, limit);
}

/** Epoch ms of the earliest pending attempt, if any. */
export function nextDueAt(db: Database.Database): number | null {
  const row = statement<[], { at: number | null }>(db, "SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'").get();
  return row?.at ?? null;
}

/** Moves the next attempt, e.g. to lease a delivery while it is in flight. */
export function rescheduleDelivery(db: Database.Database, id: string, at: number): void {
  statement(db, "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending'").run(at, id);
}

export interface AttemptRecord {
  responseCode: number | null;
  error: string | null;
  at: number;
  /** The final status, or 'pending' with the time of the next attempt. */
  outcome: { status: 'succeeded' | 'failed' | 'canceled' } | { status: 'pending'; nextAttemptAt: number };
}

export function recordAttempt(db: Database.Database, id: string, record: AttemptRecord): void {
  const next = record.outcome.status === 'pending' ? record.outcome.nextAttemptAt : null;
  const deliveredAt = record.outcome.status === 'succeeded' ? record.at : null;
  // `status = 'pending'` guards against resurrecting a delivery canceled while its attempt was in flight.
  statement(db,
    `UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?, next_attempt_at = ?, last_response_code = ?,
       last_error = ?, last_attempt_at = ?, delivered_at = ? WHERE id = ? AND status = 'pending'`,
  ).run(record.outcome.status, next, record.responseCode, record.error, record.at, deliveredAt, id);
}

export function cancelDelivery(db: Database.Database, id: string): void {
  statement(db, "UPDATE webhook_deliveries SET status = 'canceled', next_attempt_at = NULL WHERE id = ? AND status = 'pending'").run(id);
}

/** A deleted or disabled endpoint gets no more attempts (shared/research/security.md E9). */
export function cancelEndpointDeliveries(db: Database.Database, endpointId: string): void {
  statement(db, "UPDATE webhook_deliveries SET status = 'canceled', next_attempt_at = NULL WHERE endpoint_id = ? AND status = 'pending'").run(endpointId);
}

export function listEndpointDeliveries(db: Database.Database, endpointId: string, limit: number): DeliveryRow[] {
  return statement<[string, number], DeliveryRow>(db, 'SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY rowid DESC LIMIT ?')
    .all(endpointId, limit);
}

export function findDelivery(db: Database.Database, id: string): DeliveryRow | undefined {
  return statement<[string], DeliveryRow>(db, 'SELECT * FROM webhook_deliveries WHERE id = ?').get(id);
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoSeconds(ms);
}

/** The API's view of a delivery (`GET /v1/webhook_endpoints/:id/deliveries`). */
export function toApiDelivery(row: DeliveryRow, eventType: EventType | null): WebhookDelivery {
  return {
    id: row.id,
    object: 'webhook_delivery',
    event: row.event_id,
    event_type: eventType,
    endpoint: row.endpoint_id,
    status: row.status,
    attempts: row.attempts,
    last_response_code: row.last_response_code,
    last_error: row.last_error,
    last_attempt_at: isoOrNull(row.last_attempt_at),
    next_attempt_at: isoOrNull(row.next_attempt_at),
    delivered_at: isoOrNull(row.delivered_at),
    created_at: isoSeconds(row.created_at),
  };
}

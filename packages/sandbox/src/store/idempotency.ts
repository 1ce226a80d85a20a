/**
 * Stored answers of idempotent POSTs. A row is reserved (`in_progress`) before the route runs, so a
 * concurrent request with the same key finds it and never creates a second object.
 */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyRow {
  scope: string;
  key: string;
  fingerprint: string;
  state: 'in_progress' | 'done';
  status: number | null;
  body: string | null;
  content_type: string | null;
  created_at: number;
}

export function migrateIdempotency(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    status INTEGER,
    body TEXT,
    content_type TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  );
  CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at);`);
}

export type Reservation = { kind: 'reserved' } | { kind: 'existing'; row: IdempotencyRow };

export function reserveKey(db: Database.Database, scope: string, key: string, fingerprint: string, now: number): Reservation {
  return db.transaction((): Reservation => {
    statement(db, 'DELETE FROM idempotency_keys WHERE created_at < ?').run(now - IDEMPOTENCY_TTL_MS);
    const existing = findKey(db, scope, key);
    if (existing) return { kind: 'existing', row: existing };
    statement(db,
      "INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'in_progress', ?)",
    ).run(scope, key, fingerprint, now);
    return { kind: 'reserved' };
  }).immediate();
}

export function findKey(db: Database.Database, scope: string, key: string): IdempotencyRow | undefined {
  return statement<[string, string], IdempotencyRow>(db, 'SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?')
    .get(scope, key);
}

export function completeKey(db: Database.Database, scope: string, key: string, status: number, body: string, contentType: string): void {
  statement(db,
    "UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, content_type = ? WHERE scope = ? AND key = ?",
  ).run(status, body, contentType, scope, key);
}

export function releaseKey(db: Database.Database, scope: string, key: string): void {
  statement(db, "DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'in_progress'").run(scope, key);
}

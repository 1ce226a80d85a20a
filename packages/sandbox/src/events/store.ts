/** The `events` table: every event an account's objects produced, oldest to newest by rowid. */
import type Database from 'better-sqlite3';
import { statement } from '../store/statements.ts';
import type { EventType, SoxaraEvent } from '@soxara/protocol';

export function migrateEventStore(db: Database.Database): void {
  // Same shape as the first (placeholder) table, so existing data dirs keep working. Order is the rowid.
  db.exec(`CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, account_id TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_account_type ON events (account_id, type)`);
}

export interface StoredEvent {
  id: string;
  accountId: string;
  type: EventType;
  /** The exact JSON that is delivered, and that its signature covers. */
  body: string;
}

export function insertEvent(db: Database.Database, accountId: string, event: SoxaraEvent, createdAtMs: number): StoredEvent {
  const body = JSON.stringify(event);
  statement(db, 'INSERT INTO events (id, account_id, type, body, created_at) VALUES (?, ?, ?, ?, ?)').run(
    event.id, accountId, event.type, body, createdAtMs,
  );
  return { id: event.id, accountId, type: event.type, body };
}

interface EventRow {
  id: string;
  account_id: string;
  type: EventType;
  body: string;
  seq: number;
}

function toStored(row: EventRow): StoredEvent {
  return { id: row.id, accountId: row.account_id, type: row.type, body: row.body };
}

export function findEvent(db: Database.Database, accountId: string, id: string): StoredEvent | undefined {
  const row = statement<[string, string], EventRow>(db, 'SELECT rowid AS seq, * FROM events WHERE account_id = ? AND id = ?')
    .get(accountId, id);
  return row && toStored(row);
}

export interface EventListQuery {
  limit: number;
  /** Only events older than this one (already known to exist for the account). */
  startingAfter?: string | undefined;
  /** Exact types to keep; undefined keeps all. */
  types?: readonly EventType[] | undefined;
}

/** Newest first; `hasMore` says whether an older page exists. */
export function listEvents(db: Database.Database, accountId: string, query: EventListQuery): { events: StoredEvent[]; hasMore: boolean } {
  const where = ['account_id = ?'];
  const params: (string | number)[] = [accountId];
  if (query.startingAfter !== undefined) {
    where.push('rowid < (SELECT rowid FROM events WHERE id = ?)');
    params.push(query.startingAfter);
  }
  if (query.types !== undefined) {
    where.push(`type IN (${query.types.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...query.types);
  }
  params.push(query.limit + 1);
  const rows = statement<(string | number)[], EventRow>(db, `SELECT rowid AS seq, * FROM events WHERE ${where.join(' AND ')} ORDER BY rowid DESC LIMIT ?`)
    .all(...params);
  return { events: rows.slice(0, query.limit).map(toStored), hasMore: rows.length > query.limit };
}

export function parseStoredEvent(stored: StoredEvent): SoxaraEvent {
  return JSON.parse(stored.body) as SoxaraEvent;
}

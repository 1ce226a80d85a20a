/** The `webhook_endpoints` table: where an account wants its events, and the secret that signs them. */
import type Database from 'better-sqlite3';
import { statement } from '../store/statements.ts';
import type { EventType, WebhookEndpoint } from '@soxara/protocol';
import { newId, randomBase62 } from '../ids.ts';
import { isoSeconds } from '../time.ts';

export type EnabledEvent = EventType | '*';

export interface EndpointRow {
  id: string;
  account_id: string;
  url: string;
  secret: string;
  /** JSON array of EnabledEvent. */
  enabled_events: string;
  status: 'enabled' | 'disabled';
  created_at: string;
}

export function migrateEndpoints(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS webhook_endpoints (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    enabled_events TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'enabled',
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS webhook_endpoints_account ON webhook_endpoints (account_id)`);
}

export function toWebhookEndpoint(row: EndpointRow, withSecret = false): WebhookEndpoint {
  return {
    id: row.id,
    object: 'webhook_endpoint',
    url: row.url,
    enabled_events: JSON.parse(row.enabled_events) as string[],
    status: row.status,
    ...(withSecret ? { secret: row.secret } : {}),
    created_at: row.created_at,
  };
}

export function createEndpoint(db: Database.Database, accountId: string, url: string, enabledEvents: readonly EnabledEvent[]): EndpointRow {
  const row: EndpointRow = {
    id: newId('we'),
    account_id: accountId,
    url,
    secret: `whsec_${randomBase62(32)}`,
    enabled_events: JSON.stringify(enabledEvents),
    status: 'enabled',
    created_at: isoSeconds(),
  };
  statement(db,
    'INSERT INTO webhook_endpoints (id, account_id, url, secret, enabled_events, status, created_at) VALUES (@id, @account_id, @url, @secret, @enabled_events, @status, @created_at)',
  ).run(row);
  return row;
}

export function findEndpoint(db: Database.Database, accountId: string, id: string): EndpointRow | undefined {
  return statement<[string, string], EndpointRow>(db, 'SELECT * FROM webhook_endpoints WHERE account_id = ? AND id = ?').get(accountId, id);
}

export function findEndpointById(db: Database.Database, id: string): EndpointRow | undefined {
  return statement<[string], EndpointRow>(db, 'SELECT * FROM webhook_endpoints WHERE id = ?').get(id);
}

/** Newest first. */
export function listEndpoints(db: Database.Database, accountId: string): EndpointRow[] {
  return statement<[string], EndpointRow>(db, 'SELECT * FROM webhook_endpoints WHERE account_id = ? ORDER BY rowid DESC').all(accountId);
}

export function setEndpointStatus(db: Database.Database, id: string, status: EndpointRow['status']): void {
  statement(db, 'UPDATE webhook_endpoints SET status = ? WHERE id = ?').run(status, id);
}

export function updateEndpoint(
  db: Database.Database,
  id: string,
  changes: { url?: string | undefined; enabledEvents?: readonly EnabledEvent[] | undefined },
): void {
  if (changes.url !== undefined) statement(db, 'UPDATE webhook_endpoints SET url = ? WHERE id = ?').run(changes.url, id);
  if (changes.enabledEvents !== undefined) {
    statement(db, 'UPDATE webhook_endpoints SET enabled_events = ? WHERE id = ?').run(JSON.stringify(changes.enabledEvents), id);
  }
}

export function deleteEndpoint(db: Database.Database, id: string): void {
  statement(db, 'DELETE FROM webhook_endpoints WHERE id = ?').run(id);
}

/** The enabled endpoints of the account that want events of `type`. */
export function endpointsFor(db: Database.Database, accountId: string, type: EventType): EndpointRow[] {
  return statement<[string], EndpointRow>(db, "SELECT * FROM webhook_endpoints WHERE account_id = ? AND status = 'enabled' ORDER BY rowid")
    .all(accountId)
    .filter((row) => {
      const enabled = JSON.parse(row.enabled_events) as string[];
      return enabled.includes('*') || enabled.includes(type);
    });
}

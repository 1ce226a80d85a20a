/**
 * The `webhook_endpoints` table: where an account wants its events, the secret that signs them, and the
 * endpoint's health: since when its attempts fail, the last error, and whether the sandbox disabled it.
 */
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
  disabled_reason: 'requested' | 'failing' | null;
  /** Epoch ms: the due time of the first failed attempt of the current run of failures. */
  failing_since: number | null;
  last_error: string | null;
  /** Epoch ms. */
  last_error_at: number | null;
  created_at: string;
}

/** Columns added after the first release, with their definitions, for databases made before them. */
const HEALTH_COLUMNS = {
  disabled_reason: 'TEXT',
  failing_since: 'INTEGER',
  last_error: 'TEXT',
  last_error_at: 'INTEGER',
} as const;

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
  const present = new Set((db.prepare('PRAGMA table_info(webhook_endpoints)').all() as { name: string }[]).map((c) => c.name));
  for (const [name, type] of Object.entries(HEALTH_COLUMNS)) {
    if (!present.has(name)) db.exec(`ALTER TABLE webhook_endpoints ADD COLUMN ${name} ${type}`);
  }
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoSeconds(ms);
}

export function toWebhookEndpoint(row: EndpointRow, withSecret = false): WebhookEndpoint {
  return {
    id: row.id,
    object: 'webhook_endpoint',
    url: row.url,
    enabled_events: JSON.parse(row.enabled_events) as string[],
    status: row.status,
    disabled_reason: row.disabled_reason,
    failing_since: isoOrNull(row.failing_since),
    last_error: row.last_error,
    last_error_at: isoOrNull(row.last_error_at),
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
    disabled_reason: null,
    failing_since: null,
    last_error: null,
    last_error_at: null,
    created_at: isoSeconds(),
  };
  statement(db,
    'INSERT INTO webhook_endpoints (id, account_id, url, secret, enabled_events, status, created_at) VALUES (@id, @account_id, @url, @secret, @enabled_events, @status, @created_at)',
  ).run({ id: row.id, account_id: row.account_id, url: row.url, secret: row.secret, enabled_events: row.enabled_events, status: row.status, created_at: row.created_at });
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

/** Disabling by request; enabling (by request) also forgets the failures, so the endpoint starts afresh. */
export function setEndpointDisabled(db: Database.Database, id: string, disabled: boolean): void {
  if (disabled) {
    statement(db, "UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = 'requested' WHERE id = ?").run(id);
  } else {
    statement(db,
      `UPDATE webhook_endpoints SET status = 'enabled', disabled_reason = NULL, failing_since = NULL, last_error = NULL,
         last_error_at = NULL WHERE id = ?`,
    ).run(id);
  }
}

/** A 2xx: the endpoint is healthy again. */
export function recordEndpointSuccess(db: Database.Database, id: string): void {
  statement(db, 'UPDATE webhook_endpoints SET failing_since = NULL, last_error = NULL, last_error_at = NULL WHERE id = ?').run(id);
}

/**
 * A failed attempt, due at `dueAt` and made at `at`. Answers whether the endpoint has now failed for
 * `horizonMs` without a success in between, in which case it is disabled (`disabled_reason: failing`).
 */
export function recordEndpointFailure(
  db: Database.Database,
  id: string,
  failure: { error: string; dueAt: number; at: number; horizonMs: number },
): boolean {
  return db.transaction(() => {
    statement(db, 'UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ?), last_error = ?, last_error_at = ? WHERE id = ?')
      .run(failure.dueAt, failure.error, failure.at, id);
    const disabled = statement(db,
      `UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = 'failing'
       WHERE id = ? AND status = 'enabled' AND failing_since <= ?`,
    ).run(id, failure.at - failure.horizonMs);
    return disabled.changes > 0;
  })();
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

/** Accounts and their key pairs. Each account is an isolated tenant: its keys only see its own objects. */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';
import { newId, randomBase62 } from '../ids.ts';

export interface AccountRow {
  id: string;
  publishable_key: string;
  secret_key: string;
  is_default: number;
  created_at: string;
}

export function migrateAccounts(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    publishable_key TEXT NOT NULL UNIQUE,
    secret_key TEXT NOT NULL UNIQUE,
    is_default INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  )`);
}

export function createAccount(
  db: Database.Database,
  keys: { publishableKey?: string | null; secretKey?: string | null } = {},
  isDefault = false,
): AccountRow {
  const row: AccountRow = {
    id: newId('acct', 16),
    publishable_key: keys.publishableKey ?? `sxm_test_${randomBase62(24)}`,
    secret_key: keys.secretKey ?? `sxs_test_${randomBase62(24)}`,
    is_default: isDefault ? 1 : 0,
    created_at: new Date().toISOString(),
  };
  statement(db,
    'INSERT INTO accounts (id, publishable_key, secret_key, is_default, created_at) VALUES (@id, @publishable_key, @secret_key, @is_default, @created_at)',
  ).run(row);
  forgetAccounts(db);
  return row;
}

/**
 * Every request looks its key up (twice with an idempotency key). Accounts are only ever added, and keys
 * only change in ensureDefaultAccount at startup, so found accounts are kept per database; unknown keys
 * are not (the next lookup asks SQLite again), and any write to accounts clears the cache.
 */
const accountsByKey = new WeakMap<Database.Database, Map<string, AccountRow>>();
const MAX_CACHED_KEYS = 10_000;

function forgetAccounts(db: Database.Database): void {
  accountsByKey.delete(db);
}

export function findAccountByKey(db: Database.Database, key: string): AccountRow | undefined {
  let cache = accountsByKey.get(db);
  const cached = cache?.get(key);
  if (cached) return cached;
  const row = statement<[string, string], AccountRow>(db, 'SELECT * FROM accounts WHERE publishable_key = ? OR secret_key = ?')
    .get(key, key);
  if (row) {
    if (!cache) accountsByKey.set(db, (cache = new Map()));
    if (cache.size >= MAX_CACHED_KEYS) cache.clear();
    cache.set(key, row);
  }
  return row;
}

export function findAccountById(db: Database.Database, id: string): AccountRow | undefined {
  return statement<[string], AccountRow>(db, 'SELECT * FROM accounts WHERE id = ?').get(id);
}

/**
 * The default account keeps the keys it was first given. When the environment names keys the stored
 * default does not have, the environment wins (the keys are updated in place) so that a merchant's .env
 * always matches what the sandbox accepts.
 */
export function ensureDefaultAccount(
  db: Database.Database,
  keys: { publishableKey: string | null; secretKey: string | null },
): AccountRow {
  forgetAccounts(db);
  return db.transaction(() => {
    const existing = statement<[], AccountRow>(db, 'SELECT * FROM accounts WHERE is_default = 1').get();
    if (!existing) return createAccount(db, keys, true);
    const publishable = keys.publishableKey ?? existing.publishable_key;
    const secret = keys.secretKey ?? existing.secret_key;
    if (publishable !== existing.publishable_key || secret !== existing.secret_key) {
      // Another account may hold these keys (a previous default); free them first.
      statement(db, 'DELETE FROM accounts WHERE id != ? AND (publishable_key IN (?, ?) OR secret_key IN (?, ?))').run(
        existing.id, publishable, secret, publishable, secret,
      );
      statement(db, 'UPDATE accounts SET publishable_key = ?, secret_key = ? WHERE id = ?').run(publishable, secret, existing.id);
    }
    return { ...existing, publishable_key: publishable, secret_key: secret };
  })();
}

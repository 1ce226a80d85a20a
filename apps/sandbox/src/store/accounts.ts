/** Accounts and their key pairs. Each account is an isolated tenant: its keys only see its own objects. */
import type Database from 'better-sqlite3';
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
  db.prepare(
    'INSERT INTO accounts (id, publishable_key, secret_key, is_default, created_at) VALUES (@id, @publishable_key, @secret_key, @is_default, @created_at)',
  ).run(row);
  return row;
}

export function findAccountByKey(db: Database.Database, key: string): AccountRow | undefined {
  return db
    .prepare<[string, string], AccountRow>('SELECT * FROM accounts WHERE publishable_key = ? OR secret_key = ?')
    .get(key, key);
}

export function findAccountById(db: Database.Database, id: string): AccountRow | undefined {
  return db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?').get(id);
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
  return db.transaction(() => {
    const existing = db.prepare<[], AccountRow>('SELECT * FROM accounts WHERE is_default = 1').get();
    if (!existing) return createAccount(db, keys, true);
    const publishable = keys.publishableKey ?? existing.publishable_key;
    const secret = keys.secretKey ?? existing.secret_key;
    if (publishable !== existing.publishable_key || secret !== existing.secret_key) {
      // Another account may hold these keys (a previous default); free them first.
      db.prepare('DELETE FROM accounts WHERE id != ? AND (publishable_key IN (?, ?) OR secret_key IN (?, ?))').run(
        existing.id, publishable, secret, publishable, secret,
      );
      db.prepare('UPDATE accounts SET publishable_key = ?, secret_key = ? WHERE id = ?').run(publishable, secret, existing.id);
    }
    return { ...existing, publishable_key: publishable, secret_key: secret };
  })();
}

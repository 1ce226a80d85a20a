/**
 * Opens the sandbox's SQLite database (WAL) and creates every module's tables. `migrateEvents` (owned by
 * the events module) also creates the webhook endpoint and delivery tables.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrateEvents } from '../events/bus.ts';
import { migrateAccounts } from './accounts.ts';
import { migrateIdempotency } from './idempotency.ts';
import { migrateJobs } from './jobs.ts';
import { migratePayments } from './payments.ts';
import { migrateRefunds } from './refunds.ts';

export const DATABASE_FILE = 'sandbox.sqlite';

export function openDatabase(dataDir: string): Database.Database {
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed transaction survives a
  // crash of the process (kill -9, test/durability.test.ts), not a power loss, which a sandbox can afford.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Checkpoints are the job of a worker thread (store/checkpointer.ts); this one, at ~80 MB of WAL, is only
  // the fallback should that worker not keep up or not run.
  db.pragma('wal_autocheckpoint = 20000');
  migrateAccounts(db);
  migrateIdempotency(db);
  migrateJobs(db);
  migratePayments(db);
  migrateRefunds(db);
  migrateEvents(db);
  return db;
}

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
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrateAccounts(db);
  migrateIdempotency(db);
  migrateJobs(db);
  migratePayments(db);
  migrateRefunds(db);
  migrateEvents(db);
  return db;
}

/**
 * The shop's own database (SQLite): orders, the refunds seen for them, the webhook events already
 * processed (the dedupe layer of the guide), a log of verified deliveries, and the webhook endpoint's
 * secret. Soxara is not the shop's database: the shop keeps what it needs to render pages on its own.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

export type OrderStatus = 'pending' | 'awaiting_payment' | 'paid' | 'partially_refunded' | 'refunded' | 'canceled';

export interface Order {
  id: number;
  product_id: string;
  quantity: number;
  amount: number;
  currency: 'USD' | 'LRD';
  email: string;
  status: OrderStatus;
  payment_id: string | null;
  paid_at: string | null;
  refunded_amount: number;
  last_error_code: string | null;
  last_error_message: string | null;
  created_at: string;
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export interface RefundRow {
  id: string;
  payment_id: string;
  order_id: number | null;
  amount: number;
  status: RefundStatus;
  updated_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL,
  email TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  payment_id TEXT UNIQUE,
  paid_at TEXT,
  refunded_amount INTEGER NOT NULL DEFAULT 0,
  last_error_code TEXT,
  last_error_message TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS refunds (
  id TEXT PRIMARY KEY,
  payment_id TEXT NOT NULL,
  order_id INTEGER REFERENCES orders(id),
  amount INTEGER NOT NULL,
  status TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS refunds_by_payment ON refunds(payment_id);
CREATE TABLE IF NOT EXISTS processed_events (
  event_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  order_id INTEGER,
  processed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  order_id INTEGER,
  signature TEXT NOT NULL,
  body TEXT NOT NULL,
  outcome TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/**
 * Opens (and creates) the database; `':memory:'` for tests. `orderNumbersFrom` puts a new database's
 * order numbers in a range of their own, for a second shop on the same Soxara account (see below).
 */
export function openDatabase(file: string, { orderNumbersFrom = 0 }: { orderNumbersFrom?: number } = {}): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const fresh = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'orders'`).get() === undefined;
  db.exec(SCHEMA);
  if (fresh) startOrderNumbersFromClock(db, orderNumbersFrom);
  return db;
}

// Payments are created with `X-Idempotency-Key: order-<id>-v1`. If this database is deleted while the
// sandbox keeps its data, order numbers restarting at 1 would collide with keys the API already saw and
// replay an old order's payment. Starting each new database's numbering from the clock avoids that.
// Two shops on one account (the React demo beside this one) also share the webhook events, which name
// their order by number: each shop's own range keeps either from taking the other's payment for its own.
function startOrderNumbersFromClock(db: Db, rangeStart: number): void {
  const start = rangeStart + (Math.floor(Date.now() / 1000) % 100_000_000);
  db.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('orders', ?)`).run(start);
}

export function now(): string {
  return new Date().toISOString();
}

export function getSetting(db: Db, key: string): string | undefined {
  const row = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`).get(key);
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
}

/** Reads one setting from a shop database another process owns (tests, scripts), without writing to it. */
export function readSettingFromFile(file: string, key: string): string | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return getSetting(db, key);
  } finally {
    db.close();
  }
}

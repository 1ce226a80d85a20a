/** Refunds, stored as their wire object beside the columns the "how much is left" check needs. */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';
import type { Refund } from '@soxara/protocol';

export function migrateRefunds(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS refunds (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    payment_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    status TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS refunds_payment ON refunds (payment_id, status);`);
}

export interface RefundRecord {
  refund: Refund;
  accountId: string;
}

interface RefundRow {
  account_id: string;
  data: string;
}

export function insertRefund(db: Database.Database, accountId: string, refund: Refund): void {
  statement(db,
    'INSERT INTO refunds (id, account_id, payment_id, amount, status, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(refund.id, accountId, refund.payment, refund.amount, refund.status, JSON.stringify(refund), refund.created_at);
}

export function saveRefund(db: Database.Database, refund: Refund): void {
  statement(db, 'UPDATE refunds SET status = ?, data = ? WHERE id = ?').run(refund.status, JSON.stringify(refund), refund.id);
}

export function findRefund(db: Database.Database, accountId: string, id: string): Refund | undefined {
  const row = statement<[string, string], RefundRow>(db, 'SELECT account_id, data FROM refunds WHERE id = ? AND account_id = ?').get(id, accountId);
  return row ? (JSON.parse(row.data) as Refund) : undefined;
}

export function findRefundAnyAccount(db: Database.Database, id: string): RefundRecord | undefined {
  const row = statement<[string], RefundRow>(db, 'SELECT account_id, data FROM refunds WHERE id = ?').get(id);
  return row ? { refund: JSON.parse(row.data) as Refund, accountId: row.account_id } : undefined;
}

/** Pending refunds count against what is left, so two concurrent refunds can never exceed the payment. */
export function committedRefundAmount(db: Database.Database, paymentId: string): number {
  const row = statement<[string], { total: number | null }>(db,
      "SELECT SUM(amount) AS total FROM refunds WHERE payment_id = ? AND status IN ('pending', 'succeeded')",
    )
    .get(paymentId);
  return row?.total ?? 0;
}

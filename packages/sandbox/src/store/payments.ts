/**
 * Payments and their customer actions. A payment is stored as its wire object (the secret-key view) in
 * `data`, with the columns queries need beside it; `refunds_fail` is a sandbox-internal test flag.
 * A customer action (3DS challenge, MoMo prompt, wallet approval) is one row per confirm attempt, keyed by
 * its unguessable token; only the newest pending one of a payment counts.
 */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';
import type { Payment } from '@soxara/protocol';
import type { MomoScenario } from '../test-values.ts';

export function migratePayments(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS payments (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    status TEXT NOT NULL,
    refunds_fail INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS payments_account ON payments (account_id, created_at);
  CREATE TABLE IF NOT EXISTS payment_actions (
    token TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    scenario TEXT NOT NULL,
    return_url TEXT,
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS payment_actions_payment ON payment_actions (payment_id, state);`);
}

export interface PaymentRecord {
  payment: Payment;
  accountId: string;
  refundsFail: boolean;
}

interface PaymentRow {
  id: string;
  account_id: string;
  status: string;
  refunds_fail: number;
  data: string;
}

function toRecord(row: PaymentRow): PaymentRecord {
  return { payment: JSON.parse(row.data) as Payment, accountId: row.account_id, refundsFail: row.refunds_fail === 1 };
}

export function insertPayment(db: Database.Database, accountId: string, payment: Payment): void {
  statement(db, 'INSERT INTO payments (id, account_id, status, data, created_at) VALUES (?, ?, ?, ?, ?)').run(
    payment.id, accountId, payment.status, JSON.stringify(payment), payment.created_at,
  );
}

export function savePayment(db: Database.Database, payment: Payment, refundsFail?: boolean): void {
  if (refundsFail === undefined) {
    statement(db, 'UPDATE payments SET status = ?, data = ? WHERE id = ?').run(payment.status, JSON.stringify(payment), payment.id);
  } else {
    statement(db, 'UPDATE payments SET status = ?, data = ?, refunds_fail = ? WHERE id = ?').run(
      payment.status, JSON.stringify(payment), refundsFail ? 1 : 0, payment.id,
    );
  }
}

/** Only the account's own payments exist for it: another account's id reads as unknown. */
export function findPayment(db: Database.Database, accountId: string, id: string): PaymentRecord | undefined {
  const row = statement<[string, string], PaymentRow>(db, 'SELECT * FROM payments WHERE id = ? AND account_id = ?')
    .get(id, accountId);
  return row ? toRecord(row) : undefined;
}

export function findPaymentAnyAccount(db: Database.Database, id: string): PaymentRecord | undefined {
  const row = statement<[string], PaymentRow>(db, 'SELECT * FROM payments WHERE id = ?').get(id);
  return row ? toRecord(row) : undefined;
}

export type ActionKind = 'three_ds' | 'momo' | 'wallet';
export type ActionScenario = MomoScenario | 'customer';
export type ActionState = 'pending' | 'approved' | 'declined' | 'expired' | 'canceled' | 'superseded';

export interface ActionRow {
  token: string;
  payment_id: string;
  account_id: string;
  kind: ActionKind;
  scenario: ActionScenario;
  return_url: string | null;
  state: ActionState;
  created_at: number;
  expires_at: number | null;
}

export function insertAction(db: Database.Database, row: ActionRow): void {
  statement(db,
    `INSERT INTO payment_actions (token, payment_id, account_id, kind, scenario, return_url, state, created_at, expires_at)
     VALUES (@token, @payment_id, @account_id, @kind, @scenario, @return_url, @state, @created_at, @expires_at)`,
  ).run(row);
}

export function findAction(db: Database.Database, token: string): ActionRow | undefined {
  return statement<[string], ActionRow>(db, 'SELECT * FROM payment_actions WHERE token = ?').get(token);
}

export function findPendingAction(db: Database.Database, paymentId: string): ActionRow | undefined {
  return statement<[string], ActionRow>(db,
      "SELECT * FROM payment_actions WHERE payment_id = ? AND state = 'pending' ORDER BY created_at DESC LIMIT 1",
    )
    .get(paymentId);
}

export function setActionState(db: Database.Database, token: string, state: ActionState): void {
  statement(db, 'UPDATE payment_actions SET state = ? WHERE token = ?').run(state, token);
}

export function supersedePendingActions(db: Database.Database, paymentId: string): void {
  statement(db, "UPDATE payment_actions SET state = 'superseded' WHERE payment_id = ? AND state = 'pending'").run(paymentId);
}

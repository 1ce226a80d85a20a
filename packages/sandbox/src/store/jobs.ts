/**
 * Durable timers: every delayed outcome (MoMo answer, prompt expiry, refund settlement) is a row with a
 * `due_at`, so a restart resumes them instead of losing them. The scheduler claims due rows and runs them.
 */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export type JobKind = 'action_outcome' | 'action_expiry' | 'refund_settle';

export interface JobRow {
  id: number;
  kind: JobKind;
  ref: string;
  due_at: number;
}

export function migrateJobs(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS scheduled_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    done_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS scheduled_jobs_due ON scheduled_jobs (done_at, due_at);`);
}

export function scheduleJob(db: Database.Database, kind: JobKind, ref: string, dueAt: number): void {
  statement(db, 'INSERT INTO scheduled_jobs (kind, ref, due_at) VALUES (?, ?, ?)').run(kind, ref, dueAt);
}

export function dueJobs(db: Database.Database, now: number, limit = 50): JobRow[] {
  return statement<[number, number], JobRow>(db,
      // On a tie (both overdue after a restart), an answer beats the expiry it arrived in time for.
      `SELECT id, kind, ref, due_at FROM scheduled_jobs WHERE done_at IS NULL AND due_at <= ?
       ORDER BY due_at, CASE kind WHEN 'action_expiry' THEN 1 ELSE 0 END, id LIMIT ?`,
    )
    .all(now, limit);
}

export function nextDueAt(db: Database.Database): number | null {
  const row = statement<[], { due_at: number | null }>(db, 'SELECT MIN(due_at) AS due_at FROM scheduled_jobs WHERE done_at IS NULL')
    .get();
  return row?.due_at ?? null;
}

export function markJobDone(db: Database.Database, id: number, now: number): void {
  statement(db, 'UPDATE scheduled_jobs SET done_at = ? WHERE id = ?').run(now, id);
}

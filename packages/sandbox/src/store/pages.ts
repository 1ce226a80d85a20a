/**
 * One page of an account's objects, newest first, for the list routes: Stripe's cursors by object id.
 * `starting_after` pages to older objects, `ending_before` to newer ones (fetched oldest-first, then
 * turned round, so the page is still newest first); `hasMore` says whether objects lie beyond the page in
 * the direction it was fetched. Order is the rowid, i.e. creation order, which `created_at` (to the
 * second) cannot break ties in.
 */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export interface PageQuery {
  limit: number;
  /** Ids known to exist in `table` for the account (the route checks, to answer 404). */
  startingAfter?: string | undefined;
  endingBefore?: string | undefined;
}

export interface Filter {
  /** SQL conditions on the table's columns, each with its `?` parameters. */
  where: string[];
  params: (string | number)[];
}

type Table = 'payments' | 'refunds';

export function listPage(db: Database.Database, table: Table, accountId: string, filter: Filter, page: PageQuery): { data: string[]; hasMore: boolean } {
  const where = ['account_id = ?', ...filter.where];
  const params: (string | number)[] = [accountId, ...filter.params];
  const backwards = page.endingBefore !== undefined;
  if (page.startingAfter !== undefined) {
    where.push(`rowid < (SELECT rowid FROM ${table} WHERE id = ?)`);
    params.push(page.startingAfter);
  }
  if (page.endingBefore !== undefined) {
    where.push(`rowid > (SELECT rowid FROM ${table} WHERE id = ?)`);
    params.push(page.endingBefore);
  }
  params.push(page.limit + 1);
  const sql = `SELECT data FROM ${table} WHERE ${where.join(' AND ')} ORDER BY rowid ${backwards ? 'ASC' : 'DESC'} LIMIT ?`;
  const rows = statement<(string | number)[], { data: string }>(db, sql).all(...params);
  const data = rows.slice(0, page.limit).map((row) => row.data);
  return { data: backwards ? data.reverse() : data, hasMore: rows.length > page.limit };
}

export function existsFor(db: Database.Database, table: Table, accountId: string, id: string): boolean {
  return statement<[string, string], { found: number }>(db, `SELECT 1 AS found FROM ${table} WHERE id = ? AND account_id = ?`).get(id, accountId) !== undefined;
}

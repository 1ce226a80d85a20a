/**
 * Prepared statements, compiled once per database and SQL text. `db.prepare` parses and plans the SQL on
 * every call (a measured ~8 % of the API's CPU under load when done per query); a statement is reusable
 * for the connection's life, so each distinct SQL string is prepared on first use and kept.
 */
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

// Only listEvents builds SQL (one variant per number of `type` filters); the cap is a safety net.
const MAX_PER_DATABASE = 500;

export function statement<BindParameters extends unknown[] | object = unknown[], Result = unknown>(
  db: Database.Database,
  sql: string,
): Database.Statement<BindParameters, Result> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) {
    if (cache.size >= MAX_PER_DATABASE) cache.clear();
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared as unknown as Database.Statement<BindParameters, Result>;
}

/**
 * Preload for a child sandbox (`--import`): SIGKILLs the process at the moment a route's change has
 * committed but the idempotency middleware has not yet stored the answer — the narrowest crash window
 * of an idempotent POST. Armed by SOXARA_CRASH_AFTER_COMMIT=1; without it this module changes nothing.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type Prepare = (this: unknown, sql: string) => unknown;

if (process.env['SOXARA_CRASH_AFTER_COMMIT'] === '1') {
  // The sandbox's own copy of better-sqlite3, so the patch reaches the instance it uses.
  const require = createRequire(fileURLToPath(new URL('../../package.json', import.meta.url)));
  const Database = require('better-sqlite3') as { prototype: { prepare: Prepare } };
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: unknown, sql: string) {
    if (sql.startsWith("UPDATE idempotency_keys SET state = 'done'")) process.kill(process.pid, 'SIGKILL');
    return prepare.call(this, sql);
  };
}

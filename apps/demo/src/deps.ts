/** What the routes need, handed in by server.ts (or a test): no module-level state. */
import type { Soxara } from '@soxara/node';
import type { DemoConfig } from './config.ts';
import type { Db } from './db.ts';

export interface Deps {
  db: Db;
  soxara: Soxara;
  config: Pick<DemoConfig, 'publicUrl' | 'jsUrl' | 'publishableKey'>;
  log: (line: string) => void;
}

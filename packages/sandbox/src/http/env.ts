/** The types every route module shares: what a request carries after auth, and what a module is built from. */
import type Database from 'better-sqlite3';
import type { EventBus } from '../events/bus.ts';
import type { SandboxConfig } from '../config.ts';
import type { AccountRow } from '../store/accounts.ts';
import type { PaymentNotifier } from '../payments/notifier.ts';

export type Account = AccountRow;
export type KeyKind = 'publishable' | 'secret';

/** The request's reserved `X-Idempotency-Key`; `stored` once its answer was written with the change. */
export interface IdempotencySlot {
  scope: string;
  key: string;
  stored: boolean;
}

export type AppEnv = {
  Variables: { account: Account; keyKind: KeyKind; idempotency: IdempotencySlot | undefined; requestId: string };
};

export interface Deps {
  db: Database.Database;
  events: EventBus;
  config: SandboxConfig;
  /** Wakes long polls when a payment changes (in-process). Optional so that other modules' tests can omit it. */
  notifier?: PaymentNotifier;
  /** The public origin simulator links are built on (resolved port included). */
  publicUrl?: () => string;
  /** The rate limiters' clock (Date.now when absent); tests move it to see a window end. */
  rateLimitClock?: () => number;
}

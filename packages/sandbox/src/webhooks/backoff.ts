/**
 * The retry schedule of a webhook delivery, in the shape of Stripe's promise: exponential backoff for up
 * to three days. Everything is a multiple of one base (SOXARA_WEBHOOK_RETRY_MS), so that a test which
 * shortens the base shortens the whole schedule, three days included, in proportion:
 *
 * - the nth retry comes `base * 2^(n-1)` after the previous attempt (plus up to 10% jitter), the doubling
 *   capped at MAX_DELAY_FACTOR so that a receiver back after a long outage waits hours, not days;
 * - the schedule ends HORIZON_FACTOR bases after the delivery was made: the last attempt is placed exactly
 *   there, and if it fails too the delivery is `failed`.
 *
 * At the default base, one minute, that is retries after 1, 2, 4 … minutes, at most 12 hours apart,
 * for 3 days.
 */

/** The default base: the first retry after a minute, as Stripe's first retries come minutes apart. */
export const DEFAULT_RETRY_BASE_MS = 60_000;

/** 12 hours at the default base. */
const MAX_DELAY_FACTOR = 720;

/** Three days at the default base. */
const HORIZON_FACTOR = (3 * 24 * 60 * 60 * 1000) / DEFAULT_RETRY_BASE_MS;

/** How long an endpoint's deliveries keep being retried, and how long it may fail before it is disabled. */
export function retryHorizonMs(baseMs: number): number {
  return baseMs * HORIZON_FACTOR;
}

/** Delay before the next attempt, after `failedAttempts` (≥ 1) attempts have failed. */
export function retryDelayMs(baseMs: number, failedAttempts: number, random: () => number = Math.random): number {
  const delay = baseMs * Math.min(2 ** Math.max(0, failedAttempts - 1), MAX_DELAY_FACTOR);
  // Jitter spreads the retries of many deliveries that failed together (a receiver that was down).
  return Math.round(delay + delay * 0.1 * random());
}

/**
 * When the next attempt is due after a failed one made at `attemptAt` (when it was sent, not when it was
 * answered: a receiver that answers slowly does not stretch the schedule), or null when the schedule is over.
 */
export function nextAttemptAt(input: {
  baseMs: number;
  failedAttempts: number;
  attemptAt: number;
  /** When the delivery was made: its schedule ends a horizon later. */
  createdAt: number;
  random?: () => number;
}): number | null {
  const end = input.createdAt + retryHorizonMs(input.baseMs);
  if (input.attemptAt >= end) return null;
  return Math.min(input.attemptAt + retryDelayMs(input.baseMs, input.failedAttempts, input.random), end);
}

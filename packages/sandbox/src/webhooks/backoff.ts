/** Exponential backoff of webhook retries: `base * 2^(attempt-1)` plus up to 10% jitter. */

/** Attempts in all, the first included; then the delivery is marked failed. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** Delay before the next attempt, after `failedAttempts` (≥ 1) attempts have failed. */
export function retryDelayMs(baseMs: number, failedAttempts: number, random: () => number = Math.random): number {
  const delay = baseMs * 2 ** Math.max(0, failedAttempts - 1);
  // Jitter spreads the retries of many deliveries that failed together (a receiver that was down).
  return Math.round(delay + delay * 0.1 * random());
}

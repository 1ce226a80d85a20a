/**
 * Delays between checks. Quick at first (most outcomes arrive within seconds, and a network blip is
 * usually short), then growing to a cap, each delay jittered so that many customers' browsers that lost
 * the network together do not come back in lockstep. "Equal jitter": half the delay fixed, half random,
 * so a retry is never immediate.
 */
export interface BackoffPolicy {
  /** First delay, ms. */
  baseMs: number;
  /** Largest delay, ms. */
  capMs: number;
  factor: number;
}

/** After a network error, a 5xx or a 429: 0.5 s, 1 s, 2 s, 4 s … up to 15 s. */
export const ERROR_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 15_000, factor: 2 };

/**
 * After a check that came back unchanged too early to have been a long poll (a proxy that cut it, a
 * server that does not hold requests): 1 s, 1.5 s, 2.25 s … up to 10 s — polling, but never tight.
 */
export const SHORT_POLL_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 10_000, factor: 1.5 };

/** The delay before retry number `attempt` (0-based); `random` returns [0, 1). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

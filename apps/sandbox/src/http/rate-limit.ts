/**
 * Fixed-window rate limits, in memory. The sandbox models the card-testing defence of real processors
 * (research/security.md D15): a payment accepts at most CONFIRMS_PER_PAYMENT well-formed confirm attempts
 * per window, so a merchant can see and handle a typed 429 `rate_limit_error` before going live.
 */
import { ApiError } from './errors.ts';

export interface RateLimiter {
  /** Counts one hit for `key`; throws a 429 ApiError once the window's limit is passed. */
  hit(key: string): void;
}

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { startedAt: number; count: number }>();
  let sweptAt = -Infinity;

  // Dropping expired windows changes no answer (an expired window restarts on its next hit); it only
  // bounds memory. Past 10,000 keys that are all still live (a load test confirms thousands of payments
  // a minute), sweeping on every hit walked the whole map per request, so it runs at most once a second.
  function sweep(at: number): void {
    sweptAt = at;
    for (const [key, window] of windows) if (at - window.startedAt >= options.windowMs) windows.delete(key);
  }

  return {
    hit(key) {
      const at = now();
      if (windows.size > 10_000 && at - sweptAt >= 1000) sweep(at);
      let window = windows.get(key);
      if (!window || at - window.startedAt >= options.windowMs) {
        window = { startedAt: at, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > options.limit) {
        const retryAfter = Math.max(1, Math.ceil((window.startedAt + options.windowMs - at) / 1000));
        throw new ApiError(
          429,
          {
            type: 'rate_limit_error',
            code: 'rate_limited',
            message: `Too many requests for this object; retry after ${retryAfter} s.`,
          },
          { 'retry-after': String(retryAfter) },
        );
      }
    },
  };
}

export const CONFIRMS_PER_PAYMENT = { limit: 20, windowMs: 60_000 };

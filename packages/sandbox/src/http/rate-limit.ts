/**
 * Fixed-window rate limits, in memory. The sandbox models the card-testing defence of real processors
 * (research/security.md D15), so a merchant can see and handle a typed 429 `rate_limit_error` before
 * going live:
 * - a payment accepts at most CONFIRMS_PER_PAYMENT well-formed confirm attempts per window;
 * - one client (account + connection address) gets at most SOXARA_CARD_TESTING_LIMIT declined card
 *   confirms per window, then every card confirm of that client is refused until the window ends
 *   (see routes/payments.ts for why that key).
 */
import { ApiError } from './errors.ts';

export interface RateLimiter {
  /** Counts one hit for `key`; throws a 429 ApiError once the window's limit is passed. */
  hit(key: string): void;
  /** Throws the 429 while `key`'s window already holds `limit` hits; counts nothing. */
  check(key: string): void;
  /** Counts one hit for `key` and never throws: for outcomes learnt after the request ran (a decline). */
  count(key: string): void;
}

interface Window {
  startedAt: number;
  count: number;
}

export interface RateLimitOptions {
  /** Hits allowed per window; `Infinity` turns the limiter off. */
  limit: number;
  windowMs: number;
  /** The clock (Date.now); tests pass their own to see a window end. */
  now?: (() => number) | undefined;
  /** What was too many, for the error message: "Too many <what>; retry after N s." */
  what?: string;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const what = options.what ?? 'requests for this object';
  const windows = new Map<string, Window>();
  let sweptAt = -Infinity;

  // Dropping expired windows changes no answer (an expired window restarts on its next hit); it only
  // bounds memory. Past 10,000 keys that are all still live (a load test confirms thousands of payments
  // a minute), sweeping on every hit walked the whole map per request, so it runs at most once a second.
  function sweep(at: number): void {
    sweptAt = at;
    for (const [key, window] of windows) if (at - window.startedAt >= options.windowMs) windows.delete(key);
  }

  function live(key: string, at: number): Window | undefined {
    const window = windows.get(key);
    return window && at - window.startedAt < options.windowMs ? window : undefined;
  }

  function counted(key: string): { window: Window; at: number } {
    const at = now();
    if (windows.size > 10_000 && at - sweptAt >= 1000) sweep(at);
    let window = live(key, at);
    if (!window) {
      window = { startedAt: at, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return { window, at };
  }

  function tooMany(window: Window, at: number): ApiError {
    const retryAfter = Math.max(1, Math.ceil((window.startedAt + options.windowMs - at) / 1000));
    return new ApiError(
      429,
      { type: 'rate_limit_error', code: 'rate_limited', message: `Too many ${what}; retry after ${retryAfter} s.` },
      { 'retry-after': String(retryAfter) },
    );
  }

  return {
    hit(key) {
      const { window, at } = counted(key);
      if (window.count > options.limit) throw tooMany(window, at);
    },
    check(key) {
      const at = now();
      const window = live(key, at);
      if (window && window.count >= options.limit) throw tooMany(window, at);
    },
    count(key) {
      counted(key);
    },
  };
}

export const CONFIRMS_PER_PAYMENT = { limit: 20, windowMs: 60_000 };

/**
 * THE poller: waits for a payment to leave a status (`requires_action` while a MoMo PIN prompt, a wallet
 * approval or a 3-D Secure challenge is pending) and says how it ended — or that it could not tell.
 *
 * Why it is shaped this way:
 * - Long polls (`wait=`, `if_status=`): the sandbox answers the moment the status changes, so an outcome
 *   shows at once with about ten requests over a five-minute prompt.
 * - Bounded twice: by a request budget and by the prompt's `expires_at` plus a grace period. Unbounded
 *   or tight polling is the commonest defect in peers' SDKs.
 * - A network error, a 5xx or a 429 is "still waiting", never "failed": the customer may be approving
 *   right now, and a false "failed" makes them pay again. Those are retried with jittered backoff.
 * - When the wait ends without an answer the result is `unknown`, which callers must report as
 *   "not confirmed yet", never as a failure.
 * - Mobile browsers freeze the page while the customer is in the MoMo or wallet app, and a long poll in
 *   flight at that moment can hang. `onVisible` (the merchant page was shown again) drops it and checks
 *   at once; a per-request timeout catches the hangs nobody reported.
 * - Offline (the browser says so): the poll in flight is dropped, nothing is sent and no backoff grows
 *   until the browser is online again, then it checks at once. The wait's deadline still holds.
 */
import { CONNECTION_FAILED, type ClientPayment, type ErrorInfo, type PaymentStatus } from '@soxara/protocol';
import { isTransient } from '../retryable.ts';
import { backoffDelay, ERROR_BACKOFF, SHORT_POLL_BACKOFF } from './backoff.ts';
import { sleep, systemClock, type Clock } from './clock.ts';
import { whenOnline, type Connectivity } from './connectivity.ts';

export type RetrieveAnswer = { ok: true; payment: ClientPayment } | { ok: false; error: ErrorInfo };

export interface RetrieveRequest {
  /** Seconds the server may hold the request while the status is still `ifStatus` (1–30). */
  waitSeconds: number;
  ifStatus: PaymentStatus;
  signal: AbortSignal;
}

export type Retrieve = (request: RetrieveRequest) => Promise<RetrieveAnswer>;

export interface WaitOptions {
  retrieve: Retrieve;
  /** The status being waited out; any other status settles the wait. */
  ifStatus: PaymentStatus;
  /** When the pending action expires (ISO 8601 or epoch ms): the wait ends `graceMs` after it. */
  expiresAt?: string | number;
  signal: AbortSignal;
  clock?: Clock;
  /** [0, 1), for the jitter. */
  random?: () => number;
  /** Subscribes to "the merchant page is visible again"; returns the unsubscribe. */
  onVisible?: (listener: () => void) => () => void;
  /** Told about each retryable error, e.g. to show "Reconnecting…". */
  onRetry?: (error: ErrorInfo) => void;
  connectivity?: Connectivity;
  /** Told true when the wait starts waiting for the network, false when the network is back. */
  onOffline?: (offline: boolean) => void;
  /** Defaults below; overridable for tests and for waits without an expiry (3-D Secure). */
  maxRequests?: number;
  graceMs?: number;
  maxDurationMs?: number;
}

export type WaitOutcome =
  | { kind: 'settled'; payment: ClientPayment }
  | { kind: 'unknown'; reason: 'deadline' | 'request_limit' | 'permanent_error'; lastError?: ErrorInfo }
  | { kind: 'aborted' };

/** The sandbox (like Stripe) caps `wait` at 30 s. */
export const MAX_WAIT_SECONDS = 30;
export const DEFAULT_MAX_REQUESTS = 60;
/** Time after `expires_at` for the server's expiry to land and reach us. */
export const DEFAULT_GRACE_MS = 20_000;
/** Upper bound for any wait, with or without an expiry (MTN's window is 5 minutes). */
export const DEFAULT_MAX_DURATION_MS = 15 * 60_000;
/** A request gets this long beyond its `wait` before we drop it as hung. */
const REQUEST_SLACK_MS = 10_000;
/** Bursts of focus/visibility events cause at most one extra check per second. */
const VISIBLE_MIN_GAP_MS = 1_000;
/** 429s wait at least this long, whatever the backoff says. */
const RATE_LIMIT_FLOOR_MS = 2_000;

export async function waitForOutcome(options: WaitOptions): Promise<WaitOutcome> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  const started = clock.now();
  const deadline = deadlineOf(options, started);
  const { signal } = options;

  let requests = 0;
  let errorStreak = 0;
  let shortStreak = 0;
  let lastError: ErrorInfo | undefined;
  let lastRequestAt = Number.NEGATIVE_INFINITY;
  let phase = linkedController(signal);
  let visibleNow = false;

  const unsubscribe = options.onVisible?.(() => {
    if (clock.now() - lastRequestAt < VISIBLE_MIN_GAP_MS) return;
    visibleNow = true;
    phase.abort();
  });
  // A long poll in flight when the network goes is dead: drop it rather than wait for its timeout.
  const unsubscribeOffline = options.connectivity?.subscribe((online) => online || phase.abort());

  try {
    for (;;) {
      if (signal.aborted) return { kind: 'aborted' };
      const now = clock.now();
      if (now >= deadline) return unknown('deadline', lastError);
      if (requests >= maxRequests) return unknown('request_limit', lastError);

      phase.abort(); // releases its listener on `signal`
      phase = linkedController(signal);
      visibleNow = false;
      requests += 1;
      lastRequestAt = now;
      const waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, Math.ceil((deadline - now) / 1000)));
      const answer = await retrieveWithTimeout(options, clock, phase, waitSeconds);

      if (signal.aborted) return { kind: 'aborted' };
      if (answer.ok && answer.payment.status !== options.ifStatus) return { kind: 'settled', payment: answer.payment };
      if (options.connectivity && !options.connectivity.online()) {
        // Not a request's worth: this check is retaken, not counted.
        requests -= answer.ok ? 0 : 1;
        options.onOffline?.(true);
        await whenOnline(options.connectivity, clock, Math.max(0, deadline - clock.now()), signal);
        options.onOffline?.(false);
        continue;
      }
      if (visibleNow) continue;

      let delay: number;
      if (answer.ok) {
        errorStreak = 0;
        const heldFor = clock.now() - now;
        // A request held for a good part of its wait was a real long poll: ask again at once.
        if (heldFor >= (waitSeconds * 1000) / 2) {
          shortStreak = 0;
          delay = 0;
        } else {
          delay = backoffDelay(SHORT_POLL_BACKOFF, shortStreak++, random);
        }
      } else {
        if (!isTransient(answer.error)) return unknown('permanent_error', answer.error);
        lastError = answer.error;
        options.onRetry?.(answer.error);
        delay = backoffDelay(ERROR_BACKOFF, errorStreak++, random);
        if (answer.error.type === 'rate_limit_error') delay = Math.max(delay, RATE_LIMIT_FLOOR_MS);
      }
      if (delay > 0) await sleep(clock, Math.min(delay, Math.max(0, deadline - clock.now())), phase.signal);
    }
  } finally {
    unsubscribe?.();
    unsubscribeOffline?.();
    phase.abort();
  }
}

function deadlineOf(options: WaitOptions, started: number): number {
  const cap = started + (options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS);
  if (options.expiresAt === undefined) return cap;
  const expires = typeof options.expiresAt === 'number' ? options.expiresAt : Date.parse(options.expiresAt);
  if (!Number.isFinite(expires)) return cap;
  return Math.min(cap, expires + (options.graceMs ?? DEFAULT_GRACE_MS));
}

function unknown(reason: 'deadline' | 'request_limit' | 'permanent_error', lastError: ErrorInfo | undefined): WaitOutcome {
  return lastError ? { kind: 'unknown', reason, lastError } : { kind: 'unknown', reason };
}

/** A retrieve that cannot hang past its wait, and whose exceptions become connection errors. */
async function retrieveWithTimeout(
  options: WaitOptions,
  clock: Clock,
  phase: AbortController,
  waitSeconds: number,
): Promise<RetrieveAnswer> {
  const request = linkedController(phase.signal);
  const timer = clock.setTimeout(() => request.abort(), waitSeconds * 1000 + REQUEST_SLACK_MS);
  try {
    const answer = await options.retrieve({ waitSeconds, ifStatus: options.ifStatus, signal: request.signal });
    if (request.signal.aborted && !answer.ok) return connectionFailed();
    return answer;
  } catch {
    return connectionFailed();
  } finally {
    clock.clearTimeout(timer);
    request.abort();
  }
}

function connectionFailed(): RetrieveAnswer {
  return { ok: false, error: { ...CONNECTION_FAILED } };
}

/** An AbortController that also aborts when `parent` does (AbortSignal.any is too new for Safari < 17.4). */
function linkedController(parent: AbortSignal): AbortController {
  const controller = new AbortController();
  if (parent.aborted) controller.abort();
  else parent.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
  return controller;
}

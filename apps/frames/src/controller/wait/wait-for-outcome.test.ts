import fc from 'fast-check';
import type { ClientPayment, ErrorInfo, PaymentStatus } from '@soxara/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientPayment } from '../client-payment.fixture.ts';
import { waitForOutcome, type RetrieveAnswer, type RetrieveRequest, type WaitOptions } from './wait-for-outcome.ts';

const FIVE_MINUTES = 5 * 60_000;

const payment = (status: PaymentStatus): ClientPayment => clientPayment(status);

const networkError: ErrorInfo = { type: 'api_connection_error', code: 'connection_failed', message: 'offline' };
const rateLimited: ErrorInfo = { type: 'rate_limit_error', code: 'rate_limited', message: 'slow down' };

/**
 * A sandbox that holds long polls until its status changes or `wait` runs out, as the real one does.
 * `behaviour` may replace an answer (to simulate errors); `hang` makes requests never answer.
 */
class FakeServer {
  status: PaymentStatus = 'requires_action';
  requests: { at: number; waitSeconds: number }[] = [];
  hang = false;
  private listeners = new Set<() => void>();

  constructor(private readonly behaviour?: (n: number) => RetrieveAnswer | 'hold' | 'now') {}

  settleAt(ms: number, status: PaymentStatus): void {
    setTimeout(() => {
      this.status = status;
      for (const listener of this.listeners) listener();
    }, ms);
  }

  retrieve = (request: RetrieveRequest): Promise<RetrieveAnswer> => {
    this.requests.push({ at: Date.now(), waitSeconds: request.waitSeconds });
    const scripted = this.behaviour?.(this.requests.length);
    if (scripted && scripted !== 'hold' && scripted !== 'now') return Promise.resolve(scripted);
    return new Promise((resolve) => {
      const answer = () => {
        cleanup();
        resolve({ ok: true, payment: payment(this.status) });
      };
      const timer = setTimeout(answer, request.waitSeconds * 1000);
      const onChange = () => !this.hang && answer();
      const onAbort = () => {
        cleanup();
        resolve({ ok: false, error: networkError });
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(onChange);
        request.signal.removeEventListener('abort', onAbort);
      };
      request.signal.addEventListener('abort', onAbort);
      if (this.hang) clearTimeout(timer);
      else if (scripted === 'now' || this.status !== request.ifStatus) answer();
      else this.listeners.add(onChange);
    });
  };
}

function start(server: FakeServer, extra: Partial<WaitOptions> = {}) {
  const controller = new AbortController();
  const promise = waitForOutcome({
    retrieve: server.retrieve,
    ifStatus: 'requires_action',
    expiresAt: Date.now() + FIVE_MINUTES,
    signal: controller.signal,
    random: () => 0.5,
    ...extra,
  });
  return { controller, promise };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('waitForOutcome', () => {
  it('settles as soon as the status changes, with one long poll', async () => {
    const server = new FakeServer();
    server.settleAt(2_000, 'succeeded');
    const { promise } = start(server);
    await vi.advanceTimersByTimeAsync(2_001);
    await expect(promise).resolves.toMatchObject({ kind: 'settled', payment: { status: 'succeeded' } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.waitSeconds).toBe(30);
  });

  it('returns a failed payment as settled (the caller reads last_payment_error)', async () => {
    const server = new FakeServer();
    server.settleAt(2_000, 'requires_payment_method');
    const { promise } = start(server);
    await vi.advanceTimersByTimeAsync(2_001);
    await expect(promise).resolves.toMatchObject({ kind: 'settled', payment: { status: 'requires_payment_method' } });
  });

  it('stays bounded over a full five-minute prompt nobody answers, and ends unknown, not failed', async () => {
    const server = new FakeServer();
    const { promise } = start(server);
    await vi.advanceTimersByTimeAsync(FIVE_MINUTES + 60_000);
    await expect(promise).resolves.toEqual({ kind: 'unknown', reason: 'deadline' });
    expect(server.requests.length).toBeLessThanOrEqual(12);
    // The last poll never reaches past expiry + grace.
    const last = server.requests.at(-1)!;
    expect(last.at + last.waitSeconds * 1000).toBeLessThanOrEqual(Date.parse('2026-01-01T00:05:20Z'));
  });

  it('backs off against a server that does not hold requests: at most 60 over five minutes', async () => {
    const server = new FakeServer(() => 'now');
    const { promise } = start(server);
    await vi.advanceTimersByTimeAsync(FIVE_MINUTES + 60_000);
    await expect(promise).resolves.toMatchObject({ kind: 'unknown' });
    expect(server.requests.length).toBeLessThanOrEqual(60);
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
  });

  it('treats network errors as still waiting, and sees the outcome when the network returns', async () => {
    const server = new FakeServer((n) => (n <= 6 ? { ok: false, error: networkError } : 'hold'));
    server.settleAt(40_000, 'succeeded');
    const retries: ErrorInfo[] = [];
    const { promise } = start(server, { onRetry: (error) => retries.push(error) });
    await vi.advanceTimersByTimeAsync(41_000);
    await expect(promise).resolves.toMatchObject({ kind: 'settled', payment: { status: 'succeeded' } });
    expect(retries).toHaveLength(6);
    // Quick first retries, then growing delays.
    const gaps = server.requests.slice(1, 6).map((r, i) => r.at - server.requests[i]!.at);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(gaps[0]).toBeLessThan(1_000);
  });

  it('keeps going through a network outage of the whole prompt and reports unknown with the last error', async () => {
    const server = new FakeServer(() => ({ ok: false, error: networkError }));
    const { promise } = start(server);
    await vi.advanceTimersByTimeAsync(FIVE_MINUTES + 60_000);
    await expect(promise).resolves.toEqual({ kind: 'unknown', reason: 'deadline', lastError: networkError });
    expect(server.requests.length).toBeLessThanOrEqual(60);
  });

  it('waits at least two seconds after a 429', async () => {
    const server = new FakeServer((n) => (n === 1 ? { ok: false, error: rateLimited } : 'hold'));
    const { promise, controller } = start(server);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(server.requests).toHaveLength(2);
    controller.abort();
    await expect(promise).resolves.toEqual({ kind: 'aborted' });
  });

  it('checks at once when the page is shown again, dropping a long poll the frozen page left hanging', async () => {
    const server = new FakeServer();
    let fireVisible = () => {};
    const { promise } = start(server, {
      onVisible: (listener) => {
        fireVisible = listener;
        return () => (fireVisible = () => {});
      },
    });
    await vi.advanceTimersByTimeAsync(1_000);
    server.hang = true; // the in-flight request will never answer
    server.settleAt(1_000, 'succeeded');
    await vi.advanceTimersByTimeAsync(5_000);
    server.hang = false;
    fireVisible();
    await vi.advanceTimersByTimeAsync(0);
    await expect(promise).resolves.toMatchObject({ kind: 'settled', payment: { status: 'succeeded' } });
    expect(server.requests).toHaveLength(2);
  });

  it('drops a request that hangs past its wait even without a visibility event', async () => {
    const server = new FakeServer();
    server.hang = true;
    const { promise } = start(server);
    await vi.advanceTimersByTimeAsync(1_000);
    server.hang = false;
    server.status = 'succeeded';
    await vi.advanceTimersByTimeAsync(41_000);
    await expect(promise).resolves.toMatchObject({ kind: 'settled' });
    expect(server.requests).toHaveLength(2);
  });

  it('stops at once when aborted (the customer cancelled)', async () => {
    const server = new FakeServer();
    const { promise, controller } = start(server);
    await vi.advanceTimersByTimeAsync(3_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    await expect(promise).resolves.toEqual({ kind: 'aborted' });
  });

  it('ends with unknown on an error retrying cannot fix', async () => {
    const notFound: ErrorInfo = { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment' };
    const server = new FakeServer(() => ({ ok: false, error: notFound }));
    const { promise } = start(server);
    await vi.advanceTimersByTimeAsync(0);
    await expect(promise).resolves.toEqual({ kind: 'unknown', reason: 'permanent_error', lastError: notFound });
    expect(server.requests).toHaveLength(1);
  });

  it('never exceeds its request budget nor its deadline, whatever the server answers', async () => {
    const answers = fc.constantFrom<'hold' | 'now' | 'error' | '429' | 'visible'>('hold', 'now', 'error', '429', 'visible');
    await fc.assert(
      fc.asyncProperty(fc.array(answers, { minLength: 1, maxLength: 200 }), fc.double({ min: 0, max: 0.999, noNaN: true }), async (script, r) => {
        vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
        let fireVisible = () => {};
        const server = new FakeServer((n) => {
          const step = script[(n - 1) % script.length];
          if (step === 'error') return { ok: false, error: networkError };
          if (step === '429') return { ok: false, error: rateLimited };
          if (step === 'visible') setTimeout(() => fireVisible(), 100);
          return step === 'now' ? 'now' : 'hold';
        });
        const startedAt = Date.now();
        const { promise } = start(server, {
          random: () => r,
          onVisible: (listener) => {
            fireVisible = listener;
            return () => (fireVisible = () => {});
          },
        });
        await vi.advanceTimersByTimeAsync(FIVE_MINUTES + 120_000);
        const outcome = await promise;
        expect(outcome.kind).toBe('unknown');
        expect(server.requests.length).toBeLessThanOrEqual(60);
        expect(Math.max(...server.requests.map((q) => q.at))).toBeLessThan(startedAt + FIVE_MINUTES + 20_000);
      }),
      { numRuns: 40 },
    );
  });
});

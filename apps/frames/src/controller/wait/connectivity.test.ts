/**
 * Offline, as the flows see it: a wait spends no requests and grows no backoff while the browser says
 * it is offline, and checks at once when it is back; a confirm waits for the network and is resent
 * with the same idempotency key. Fake timers and a hand-driven connectivity: no sleeps.
 */
import type { ClientPayment, PaymentStatus } from '@soxara/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientPayment } from '../client-payment.fixture.ts';
import type { ApiClient, ApiResult, ConfirmOptions } from '../api.ts';
import { confirmAttempt } from '../confirm-attempt.ts';
import type { Connectivity } from './connectivity.ts';
import { waitForOutcome, type RetrieveAnswer, type RetrieveRequest } from './wait-for-outcome.ts';

const payment = (status: PaymentStatus): ClientPayment => clientPayment(status);

/** A network switch the test flips, with the browser's events. */
function network(initiallyOnline = true) {
  let online = initiallyOnline;
  const listeners = new Set<(online: boolean) => void>();
  const connectivity: Connectivity = {
    online: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const set = (value: boolean) => {
    online = value;
    for (const listener of [...listeners]) listener(value);
  };
  return { connectivity, goOffline: () => set(false), goOnline: () => set(true), isOnline: () => online };
}

const offlineError = { ok: false, error: { type: 'api_connection_error', code: 'network_error', message: 'offline' } } as const;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a wait while offline', () => {
  it('drops the poll in flight, sends nothing while offline, and checks at once when back', async () => {
    const net = network();
    let status: PaymentStatus = 'requires_action';
    const requests: number[] = [];
    const retrieve = (request: RetrieveRequest): Promise<RetrieveAnswer> => {
      requests.push(Date.now());
      if (!net.isOnline()) return Promise.resolve(offlineError);
      // As the sandbox's long poll: at once when the status already differs.
      if (status !== request.ifStatus) return Promise.resolve({ ok: true, payment: payment(status) });
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ ok: true, payment: payment(status) }), request.waitSeconds * 1000);
        request.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve(offlineError);
        });
      });
    };
    const notices: boolean[] = [];
    const promise = waitForOutcome({
      retrieve,
      ifStatus: 'requires_action',
      expiresAt: Date.now() + 5 * 60_000,
      signal: new AbortController().signal,
      random: () => 0.5,
      connectivity: net.connectivity,
      onOffline: (offline) => notices.push(offline),
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requests).toHaveLength(1);
    net.goOffline();
    // Two minutes offline: the customer approves on the phone meanwhile.
    await vi.advanceTimersByTimeAsync(120_000);
    status = 'succeeded';
    expect(requests).toHaveLength(1);
    expect(notices).toEqual([true]);
    net.goOnline();
    await vi.advanceTimersByTimeAsync(1);
    await expect(promise).resolves.toMatchObject({ kind: 'settled', payment: { status: 'succeeded' } });
    expect(requests).toHaveLength(2);
    expect(notices).toEqual([true, false]);
  });

  it('still ends at its deadline, as unknown (never failed), when the network never comes back', async () => {
    const net = network(false);
    const promise = waitForOutcome({
      retrieve: async () => offlineError,
      ifStatus: 'requires_action',
      expiresAt: Date.now() + 60_000,
      graceMs: 0,
      signal: new AbortController().signal,
      connectivity: net.connectivity,
    });
    await vi.advanceTimersByTimeAsync(61_000);
    await expect(promise).resolves.toMatchObject({ kind: 'unknown', reason: 'deadline' });
  });
});

describe('a confirm while offline', () => {
  it('waits for the network, however long, and is resent with the same idempotency key', async () => {
    const net = network(false);
    const keys: string[] = [];
    const api: ApiClient = {
      apiUrl: 'http://api.test',
      retrievePayment: async () => ({ ok: true, data: payment('requires_payment_method') }),
      async confirmPayment(_secret: string, _method: unknown, options: ConfirmOptions): Promise<ApiResult<ClientPayment>> {
        keys.push(options.idempotencyKey);
        return net.isOnline() ? { ok: true, data: payment('succeeded') } : offlineError;
      },
    };
    const notices: boolean[] = [];
    const promise = confirmAttempt(api, 'pi_test_secret_x', { type: 'soxara_wallet' }, {
      connectivity: net.connectivity,
      onOffline: (offline) => notices.push(offline),
      newKey: () => 'key_1',
    });
    // Longer than the three tries' backoff would have lasted: no try is spent while offline.
    await vi.advanceTimersByTimeAsync(90_000);
    expect(keys).toEqual(['key_1']);
    net.goOnline();
    await vi.advanceTimersByTimeAsync(1);
    await expect(promise).resolves.toMatchObject({ ok: true, data: { status: 'succeeded' } });
    expect(keys).toEqual(['key_1', 'key_1']);
    expect(notices).toEqual([true, false]);
  });
});

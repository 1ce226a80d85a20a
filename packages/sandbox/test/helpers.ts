/**
 * Starts a real sandbox in-process on a loopback port, with a temporary data dir and short timers, and
 * talks to it over HTTP as any client would (support/api.ts). The event bus is wrapped so a test can see
 * every event the sandbox emitted, in order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_CARDS } from '@soxara/protocol/test-values';
import { expect, vi } from 'vitest';
import { DEFAULT_CONFIG, type SandboxConfig } from '../src/config.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../src/server.ts';
import { call, type Answer } from './support/api.ts';

export interface RecordedEvent {
  accountId: string;
  type: string;
  object: Record<string, unknown>;
}

export interface RequestOptions {
  key?: string | null;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (another content type, broken JSON). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export type ApiResponse = Answer;

export interface TestSandbox {
  url: string;
  sk: string;
  pk: string;
  sandbox: RunningSandbox;
  dataDir: string;
  /** Every event emitted since the start (across restarts), in order. */
  events: RecordedEvent[];
  api: (method: string, path: string, options?: RequestOptions) => Promise<ApiResponse>;
  /** `api`, for a call that must succeed: its `data`, or the test fails with the answer. */
  data: (method: string, path: string, options?: RequestOptions) => Promise<any>;
  /** Stops the sandbox and starts it again on the same data dir and port. */
  restart: () => Promise<void>;
  close: (options?: { keepData?: boolean }) => Promise<void>;
}

export function testConfig(overrides: Partial<SandboxConfig> = {}): SandboxConfig {
  return {
    ...DEFAULT_CONFIG,
    port: 0,
    host: '127.0.0.1',
    dataDir: overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'soxara-sandbox-')),
    momoDelayMs: 200,
    momoExpiryMs: 1000,
    refundDelayMs: 100,
    webhookRetryMs: 50,
    ...overrides,
  };
}

function recordEvents(sandbox: RunningSandbox, events: RecordedEvent[]): void {
  const bus = sandbox.deps.events;
  const emit = bus.emit.bind(bus);
  sandbox.deps.events = {
    ...bus,
    start: () => bus.start(),
    stop: () => bus.stop(),
    deliverDue: () => bus.deliverDue(),
    resend: (accountId, eventId, endpointIds) => bus.resend(accountId, eventId, endpointIds),
    emit(accountId, type, object) {
      events.push({ accountId, type, object: structuredClone(object) as Record<string, unknown> });
      return emit(accountId, type, object);
    },
  };
}

export async function startTestSandbox(overrides: Partial<SandboxConfig> = {}, options: SandboxOptions = {}): Promise<TestSandbox> {
  const config = testConfig(overrides);
  const events: RecordedEvent[] = [];
  let sandbox = await startSandbox(config, options);
  recordEvents(sandbox, events);
  const url = `http://127.0.0.1:${sandbox.port}`;
  const sk = sandbox.defaultAccount.secret_key;

  const api = (method: string, path: string, request: RequestOptions = {}): Promise<ApiResponse> =>
    call(url, method, path, {
      key: request.key === undefined ? sk : request.key,
      ...(request.headers && { headers: request.headers }),
      ...((request.body !== undefined || request.rawBody !== undefined) && {
        body: request.body !== undefined ? JSON.stringify(request.body) : request.rawBody,
      }),
    });

  const handle: TestSandbox = {
    url,
    sk,
    pk: sandbox.defaultAccount.publishable_key,
    sandbox,
    dataDir: config.dataDir,
    events,
    api,
    async data(method, path, request) {
      const answer = await api(method, path, request);
      expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300);
      return answer.json.data;
    },
    async restart() {
      await sandbox.close();
      sandbox = await startSandbox({ ...config, port: handle.sandbox.port }, options);
      recordEvents(sandbox, events);
      handle.sandbox = sandbox;
    },
    async close(closing = {}) {
      await sandbox.close();
      if (!closing.keepData) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

export const CARD = (number: string, extra: Record<string, unknown> = {}) => ({
  type: 'card',
  card: { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123', ...extra },
});

/** Every decline card of the test values as `[number, code, decline_code]` (protocol's test holds the table to the contract). */
export const DECLINE_CARDS = Object.values(TEST_CARDS).flatMap((card) =>
  card.outcome.kind === 'decline' ? [[card.number, card.outcome.code, card.outcome.declineCode] as const] : [],
);

export const MOMO = (phone_number: string, provider: 'mtn' | 'orange' = 'mtn') => ({
  type: 'momo',
  momo: { provider, phone_number },
});

export async function createPayment(t: TestSandbox, body: Record<string, unknown> = {}, key?: string) {
  const res = await t.api('POST', '/v1/payments', {
    key: key ?? t.sk,
    body: { amount: 1250, currency: 'USD', description: 'Order #1', metadata: { order_id: '1' }, ...body },
  });
  if (res.status !== 200) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.json.data as { id: string; client_secret: string; [k: string]: unknown };
}

/** Long-polls the payment (secret key) until its status leaves `status`. */
export async function waitForStatusChange(t: TestSandbox, id: string, status: string) {
  for (let i = 0; i < 10; i++) {
    const res = await t.api('GET', `/v1/payments/${id}?wait=5&if_status=${status}`);
    if (res.json.data.status !== status) return res.json.data;
  }
  throw new Error(`payment ${id} stayed ${status}`);
}

export interface LongPollWatch {
  /** Each long poll that started waiting inside the sandbox, with the time it asked to wait. */
  polls: Array<{ paymentId: string; timeoutMs: number }>;
  /** Resolves once `count` long polls are waiting: a change made after that must wake them. */
  waiting(count?: number): Promise<void>;
}

/** Watches the sandbox's long polls as they start waiting (its notifier), so a test knows when one is parked. */
export function watchLongPolls(t: TestSandbox): LongPollWatch {
  const notifier = t.sandbox.deps.notifier!;
  const polls: LongPollWatch['polls'] = [];
  t.sandbox.deps.notifier = {
    ...notifier,
    waitForChange(paymentId, timeoutMs, signal) {
      polls.push({ paymentId, timeoutMs });
      return notifier.waitForChange(paymentId, timeoutMs, signal);
    },
  };
  return {
    polls,
    waiting: (count = 1) => vi.waitFor(() => expect(polls.length).toBeGreaterThanOrEqual(count)),
  };
}

/** Starts a real sandbox on a loopback port with a temporary data dir and short timers, and talks to it over HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type SandboxConfig } from '../src/config.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../src/server.ts';

export interface RecordedEvent {
  accountId: string;
  type: string;
  object: Record<string, unknown>;
}

export interface TestSandbox {
  url: string;
  sk: string;
  pk: string;
  sandbox: RunningSandbox;
  dataDir: string;
  events: RecordedEvent[];
  api: (method: string, path: string, options?: RequestOptions) => Promise<ApiResponse>;
  close: (options?: { keepData?: boolean }) => Promise<void>;
}

export interface RequestOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // Tests read arbitrary fields of the envelope.
  json: any;
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

export async function startTestSandbox(overrides: Partial<SandboxConfig> = {}, options: SandboxOptions = {}): Promise<TestSandbox> {
  const config = testConfig(overrides);
  const sandbox = await startSandbox(config, options);
  const events: RecordedEvent[] = [];
  const bus = sandbox.deps.events;
  const emit = bus.emit.bind(bus);
  sandbox.deps.events = {
    ...bus,
    start: () => bus.start(),
    stop: () => bus.stop(),
    emit(accountId, type, object) {
      events.push({ accountId, type, object: structuredClone(object) as Record<string, unknown> });
      return emit(accountId, type, object);
    },
  };
  const sk = sandbox.defaultAccount.secret_key;
  const pk = sandbox.defaultAccount.publishable_key;
  const url = `http://127.0.0.1:${sandbox.port}`;

  async function api(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? sk : options.key;
    if (key !== null) headers['authorization'] = `Bearer ${key}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  return {
    url,
    sk,
    pk,
    sandbox,
    dataDir: config.dataDir,
    events,
    api,
    async close(options = {}) {
      await sandbox.close();
      if (!options.keepData) rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

export const CARD = (number: string, extra: Record<string, unknown> = {}) => ({
  type: 'card',
  card: { number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123', ...extra },
});

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

export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Long-polls the payment (secret key) until its status leaves `status`. */
export async function waitForStatusChange(t: TestSandbox, id: string, status: string) {
  for (let i = 0; i < 10; i++) {
    const res = await t.api('GET', `/v1/payments/${id}?wait=5&if_status=${status}`);
    if (res.json.data.status !== status) return res.json.data;
  }
  throw new Error(`payment ${id} stayed ${status}`);
}

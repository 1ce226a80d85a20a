/**
 * The HTTP layer: one request function for every resource. It authenticates, encodes JSON, unwraps the
 * `{success, data}` envelope, maps errors to classes, and retries what is safe to retry.
 *
 * Retries follow stripe-node (shared/research/security.md §4.2): connection errors, 409 and 5xx are
 * retried with exponential backoff and jitter. Every POST carries an idempotency key when retries are
 * enabled, so that a retry of a request the API did process (its answer was lost) replays the first
 * answer instead of charging twice.
 */
import { randomUUID } from 'node:crypto';
import { errorFromResponse, SoxaraConnectionError, SoxaraAPIError } from './errors.ts';

export interface SoxaraConfig {
  /** Origin of the API, e.g. `http://localhost:4010`. */
  baseUrl: string;
  /** Retries of a failed request (connection error, 409, 5xx). Default 2. */
  maxNetworkRetries?: number;
  /** Per attempt. Default 60 s, above the API's 30 s long-poll limit. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Sent as `X-Idempotency-Key`; the API answers a repeat with the first answer. */
  idempotencyKey?: string;
}

export interface ListResult<T> {
  data: T[];
  has_more: boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

export interface ApiRequest {
  method: HttpMethod;
  path: string;
  query?: Query | undefined;
  body?: object | undefined;
  options?: RequestOptions | undefined;
}

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;
const INITIAL_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 5_000;
const USER_AGENT = 'soxara-node/0.1.0';

type Attempt = { kind: 'response'; status: number; body: unknown } | { kind: 'network'; error: unknown };

export class ApiClient {
  readonly #secretKey: string;
  readonly #baseUrl: string;
  readonly #maxRetries: number;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(secretKey: string, config: SoxaraConfig) {
    if (typeof secretKey !== 'string' || !secretKey.startsWith('sxs_')) {
      throw new TypeError('Soxara: pass your secret key (sxs_test_…) as the first argument');
    }
    if (!config?.baseUrl) throw new TypeError('Soxara: config.baseUrl is required, e.g. http://localhost:4010');
    this.#secretKey = secretKey;
    this.#baseUrl = config.baseUrl.replace(/\/+$/, '');
    this.#maxRetries = Math.max(0, Math.floor(config.maxNetworkRetries ?? DEFAULT_MAX_RETRIES));
    this.#timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = config.fetch ?? globalThis.fetch;
  }

  /** Performs the request; resolves to `data` of the envelope, or to `{data, has_more}` for lists. */
  async request<T>(req: ApiRequest): Promise<T> {
    const url = this.#url(req.path, req.query);
    const headers = this.#headers(req);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    for (let attempt = 0; ; attempt++) {
      const result = await this.#attempt(url, req.method, headers, body);
      if (attempt < this.#maxRetries && shouldRetry(result)) {
        await sleep(retryDelayMs(attempt));
        continue;
      }
      return unwrap<T>(result);
    }
  }

  #url(path: string, query: Query | undefined): string {
    const url = new URL(this.#baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  #headers(req: ApiRequest): Record<string, string> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.#secretKey}`,
      Accept: 'application/json',
      'User-Agent': USER_AGENT,
    };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    const key = req.options?.idempotencyKey ?? (req.method === 'POST' && this.#maxRetries > 0 ? `soxara-node-retry-${randomUUID()}` : undefined);
    if (key !== undefined) headers['X-Idempotency-Key'] = key;
    return headers;
  }

  async #attempt(url: string, method: HttpMethod, headers: Record<string, string>, body: string | undefined): Promise<Attempt> {
    try {
      const response = await this.#fetch(url, { method, headers, body, signal: AbortSignal.timeout(this.#timeoutMs) });
      const text = await response.text();
      return { kind: 'response', status: response.status, body: parseJson(text) };
    } catch (error) {
      return { kind: 'network', error };
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON (a proxy's HTML error page): keep the text so the error can show it.
    return text;
  }
}

function shouldRetry(result: Attempt): boolean {
  if (result.kind === 'network') return true;
  // 409: a concurrent request with the same idempotency key is still running (idempotency_key_in_use).
  return result.status === 409 || result.status >= 500;
}

function retryDelayMs(attempt: number): number {
  const delay = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** attempt, MAX_RETRY_DELAY_MS);
  // Jitter in [0.5, 1) so that many clients retrying together spread out; never below the initial delay.
  return Math.max(INITIAL_RETRY_DELAY_MS, delay * (0.5 + Math.random() / 2));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function unwrap<T>(result: Attempt): T {
  if (result.kind === 'network') {
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new SoxaraConnectionError({ message: `Could not reach the Soxara API: ${cause}`, code: 'connection_error', raw: result.error });
  }
  const { status, body } = result;
  const envelope = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  if (status >= 200 && status < 300 && envelope?.success === true) {
    if ('has_more' in envelope) return { data: envelope.data, has_more: envelope.has_more === true } as T;
    return envelope.data as T;
  }
  if (status >= 200 && status < 300) {
    throw new SoxaraAPIError({ message: 'Unexpected response from the Soxara API', code: 'invalid_response', statusCode: status, raw: body });
  }
  throw errorFromResponse(status, envelope?.error ?? body);
}

/**
 * The HTTP layer: one request function for every resource. It authenticates, encodes JSON, unwraps the
 * `{success, data}` envelope, maps errors to classes, and retries what is safe to retry.
 *
 * Retries follow stripe-node (shared/research/security.md §4.2): connection errors, 409, 429 and 5xx are
 * retried with exponential backoff and jitter; a 429 or 503 that says `Retry-After` is retried after
 * that long instead, unless it is longer than a caller would want to wait (MAX_RETRY_AFTER_MS), when the
 * error is thrown at once. Every POST carries an idempotency key when retries are enabled, so that a
 * retry of a request the API did process (its answer was lost) replays the first answer instead of
 * charging twice.
 */
import { randomUUID } from 'node:crypto';
import { errorFromResponse, SoxaraConnectionError, SoxaraAPIError } from './errors.ts';

export interface SoxaraConfig {
  /** Origin of the API, e.g. `http://localhost:4010`. Default: the `SOXARA_API_URL` environment variable. */
  baseUrl?: string;
  /** Retries of a failed request (connection error, 409, 429, 5xx). Default 2. */
  maxNetworkRetries?: number;
  /** Milliseconds per attempt (stripe-node's name). Default 60 s, above the API's 30 s long-poll limit. */
  timeout?: number;
  /** The same as `timeout`; `timeout` wins when both are given. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Sent as `X-Idempotency-Key`; the API answers a repeat with the first answer. */
  idempotencyKey?: string;
}

/** A page of a list: Stripe's list object. */
export interface ListResult<T> {
  object: 'list';
  /** The list's path, e.g. `/v1/payments`. */
  url: string;
  data: T[];
  /** Whether more objects lie beyond this page, in the direction it was fetched. */
  has_more: boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE';
type QueryValue = string | number | boolean | undefined;
/** Values, or one level of `name[key]` (Stripe's `created[gte]`). */
export type Query = Record<string, QueryValue | Record<string, QueryValue>>;

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
/** stripe-node's bound: a server asking for a longer pause gets its error to the caller instead. */
const MAX_RETRY_AFTER_MS = 60_000;
const USER_AGENT = 'soxara-node/0.1.0';

type Attempt =
  | { kind: 'response'; status: number; body: unknown; requestId: string | undefined; retryAfterMs: number | undefined }
  | { kind: 'network'; error: unknown };

function baseUrlFrom(config: SoxaraConfig | undefined): string {
  const configured = config?.baseUrl ?? (typeof process === 'undefined' ? undefined : process.env['SOXARA_API_URL']);
  if (!configured) {
    throw new TypeError('Soxara: pass config.baseUrl (e.g. http://localhost:4010) or set SOXARA_API_URL');
  }
  return configured.replace(/\/+$/, '');
}

export class ApiClient {
  readonly #secretKey: string;
  readonly #baseUrl: string;
  readonly #maxRetries: number;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(secretKey: string, config?: SoxaraConfig) {
    if (typeof secretKey !== 'string' || !secretKey.startsWith('sxs_')) {
      throw new TypeError('Soxara: pass your secret key (sxs_test_…) as the first argument');
    }
    this.#secretKey = secretKey;
    this.#baseUrl = baseUrlFrom(config);
    this.#maxRetries = Math.max(0, Math.floor(config?.maxNetworkRetries ?? DEFAULT_MAX_RETRIES));
    this.#timeoutMs = config?.timeout ?? config?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = config?.fetch ?? globalThis.fetch;
  }

  /** Performs the request; resolves to `data` of the envelope, or to the list object for lists. */
  async request<T>(req: ApiRequest): Promise<T> {
    const url = this.#url(req.path, req.query);
    const headers = this.#headers(req);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    for (let attempt = 0; ; attempt++) {
      const result = await this.#attempt(url, req.method, headers, body);
      const delay = attempt < this.#maxRetries ? retryDelayMs(result, attempt) : null;
      if (delay !== null) {
        await sleep(delay);
        continue;
      }
      return unwrap<T>(result);
    }
  }

  #url(path: string, query: Query | undefined): string {
    const url = new URL(this.#baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (typeof value === 'object') {
        for (const [inner, innerValue] of Object.entries(value)) {
          if (innerValue !== undefined) url.searchParams.set(`${key}[${inner}]`, String(innerValue));
        }
      } else if (value !== undefined) {
        url.searchParams.set(key, String(value));
      }
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
      return {
        kind: 'response',
        status: response.status,
        body: parseJson(text),
        requestId: response.headers.get('request-id') ?? undefined,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      };
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

/** `Retry-After` is delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before the next attempt, or null when this result is not retried. */
function retryDelayMs(result: Attempt, attempt: number): number | null {
  if (result.kind === 'response') {
    const { status, retryAfterMs } = result;
    // 409: a concurrent request with the same idempotency key is still running (idempotency_key_in_use).
    if (status !== 409 && status !== 429 && status < 500) return null;
    if ((status === 429 || status === 503) && retryAfterMs !== undefined) {
      return retryAfterMs <= MAX_RETRY_AFTER_MS ? retryAfterMs : null;
    }
  }
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
  const { status, body, requestId } = result;
  const envelope = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  if (status >= 200 && status < 300 && envelope?.success === true) {
    if ('has_more' in envelope) {
      const list: ListResult<unknown> = {
        object: 'list',
        url: typeof envelope.url === 'string' ? envelope.url : '',
        data: Array.isArray(envelope.data) ? envelope.data : [],
        has_more: envelope.has_more === true,
      };
      return list as T;
    }
    return envelope.data as T;
  }
  if (status >= 200 && status < 300) {
    throw new SoxaraAPIError({ message: 'Unexpected response from the Soxara API', code: 'invalid_response', statusCode: status, raw: body, requestId });
  }
  throw errorFromResponse(status, envelope?.error ?? body, requestId);
}

/**
 * The one API client of the frames. Every call resolves to an `ApiResult`, never rejects: a payment
 * flow must be able to turn any failure into a `{error}` for the merchant without a try/catch at
 * each step. Responses are parsed at this edge, so callers handle typed values only.
 *
 * Only the controller frame imports this module: the card and payment frames never talk to the API.
 */
import * as v from 'valibot';
import {
  ErrorInfo,
  INVALID_CLIENT_SECRET,
  NETWORK_ERROR,
  paymentIdFromClientSecret,
  RATE_LIMITED,
  REQUEST_ABORTED,
  UNEXPECTED_RESPONSE,
  type ClientPayment,
  type MomoProvider,
} from '@soxara/protocol';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo; status?: number };

/** The `payment_method` body of a confirm, as DESIGN.md's REST contract spells it. */
export type PaymentMethodInput =
  | { type: 'card'; card: { number: string; exp_month: number; exp_year: number; cvc: string } }
  | { type: 'momo'; momo: { provider: MomoProvider; phone_number: string } }
  | { type: 'soxara_wallet' };

export interface RetrieveOptions {
  /** Long-poll: answer as soon as the status differs from `ifStatus`, or after this many seconds (≤ 30). */
  waitSeconds?: number;
  ifStatus?: ClientPayment['status'];
  signal?: AbortSignal;
}

export interface ConfirmOptions {
  returnUrl?: string;
  /** One per confirm attempt, reused when that attempt is retried after a network failure. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface ApiClient {
  readonly apiUrl: string;
  retrievePayment(clientSecret: string, options?: RetrieveOptions): Promise<ApiResult<ClientPayment>>;
  confirmPayment(clientSecret: string, paymentMethod: PaymentMethodInput, options: ConfirmOptions): Promise<ApiResult<ClientPayment>>;
  /**
   * Withdraws the pending customer action (PIN prompt, wallet approval, 3-D Secure challenge) so that a
   * late approval cannot charge a customer who cancelled: `POST /v1/payments/:id/cancel_action`.
   * A sandbox without the route answers 404, which callers treat as "could not withdraw". Optional in
   * the type so that test doubles written before it existed still fit.
   */
  cancelAction?(clientSecret: string, options: { idempotencyKey: string; signal?: AbortSignal }): Promise<ApiResult<ClientPayment>>;
}

export interface ApiClientConfig {
  apiUrl: string;
  publishableKey: string;
  /** Injected by tests; the browser's `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Added to a long-poll's `wait` before the request is given up as a network failure. */
  slackMs?: number;
  /** How long a confirm (or a withdrawal) may take before it is given up as a network failure. */
  requestTimeoutMs?: number;
}

const MAX_WAIT_SECONDS = 30;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

// The client-safe payment: checked loosely (the API may add fields) but the fields the frames read must be there.
const PaymentSchema = v.looseObject({
  id: v.string(),
  object: v.literal('payment'),
  amount: v.number(),
  currency: v.picklist(['USD', 'LRD']),
  status: v.picklist(['requires_payment_method', 'requires_action', 'succeeded', 'canceled']),
});
const Envelope = v.variant('success', [
  v.looseObject({ success: v.literal(true), data: PaymentSchema }),
  v.looseObject({ success: v.literal(false), error: v.looseObject({ type: v.string(), code: v.string(), message: v.string() }) }),
]);

export function createApiClient(config: ApiClientConfig): ApiClient {
  const apiUrl = config.apiUrl.replace(/\/+$/, '');
  const doFetch = config.fetch ?? ((input, init) => fetch(input, init));
  const slackMs = config.slackMs ?? 10_000;
  const requestTimeoutMs = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  async function send(path: string, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<ApiResult<ClientPayment>> {
    // Not AbortSignal.any/timeout: Safari < 17.4 lacks the first.
    const request = new AbortController();
    const abort = () => request.abort();
    const timer = setTimeout(abort, timeoutMs);
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      return await sendOnce(path, init, request.signal, signal);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }

  async function sendOnce(path: string, init: RequestInit, combined: AbortSignal, signal?: AbortSignal): Promise<ApiResult<ClientPayment>> {
    let response: Response;
    try {
      response = await doFetch(`${apiUrl}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${config.publishableKey}`, ...init.headers },
        signal: combined,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      // fetch rejects only for network failures and aborts; neither has a body to read.
      return { ok: false, error: { ...(signal?.aborted ? REQUEST_ABORTED : NETWORK_ERROR) } };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    return toResult(response.status, body);
  }

  return {
    apiUrl,
    retrievePayment(clientSecret, options = {}) {
      const id = paymentIdFromClientSecret(clientSecret);
      if (!id) return Promise.resolve(invalidClientSecret());
      const query = new URLSearchParams({ client_secret: clientSecret });
      const wait = options.waitSeconds === undefined ? 0 : Math.max(0, Math.min(MAX_WAIT_SECONDS, Math.floor(options.waitSeconds)));
      if (wait > 0) query.set('wait', String(wait));
      if (options.ifStatus) query.set('if_status', options.ifStatus);
      return send(`/v1/payments/${encodeURIComponent(id)}?${query}`, { method: 'GET' }, wait * 1000 + slackMs, options.signal);
    },
    confirmPayment(clientSecret, paymentMethod, options) {
      const id = paymentIdFromClientSecret(clientSecret);
      if (!id) return Promise.resolve(invalidClientSecret());
      const body = {
        client_secret: clientSecret,
        payment_method: paymentMethod,
        ...(options.returnUrl ? { return_url: options.returnUrl } : {}),
      };
      return send(
        `/v1/payments/${encodeURIComponent(id)}/confirm`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Idempotency-Key': options.idempotencyKey },
          body: JSON.stringify(body),
        },
        requestTimeoutMs,
        options.signal,
      );
    },
    cancelAction(clientSecret, options) {
      const id = paymentIdFromClientSecret(clientSecret);
      if (!id) return Promise.resolve(invalidClientSecret());
      return send(
        `/v1/payments/${encodeURIComponent(id)}/cancel_action`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Idempotency-Key': options.idempotencyKey },
          body: JSON.stringify({ client_secret: clientSecret }),
        },
        requestTimeoutMs,
        options.signal,
      );
    },
  };
}

/** Turns an HTTP answer into an ApiResult. Exported for tests. */
export function toResult(status: number, body: unknown): ApiResult<ClientPayment> {
  const parsed = v.safeParse(Envelope, body);
  if (parsed.success && parsed.output.success && status < 300) {
    return { ok: true, data: parsed.output.data as unknown as ClientPayment };
  }
  if (parsed.success && !parsed.output.success) {
    const error = v.safeParse(ErrorInfo, sanitiseError(parsed.output.error));
    if (error.success) return { ok: false, error: error.output, status };
  }
  if (status === 429) return { ok: false, status, error: { ...RATE_LIMITED } };
  return { ok: false, status, error: { ...UNEXPECTED_RESPONSE, message: `${UNEXPECTED_RESPONSE.message} (HTTP ${status})` } };
}

/** Keeps the fields the browser may see, in the lengths the frame protocol allows. */
function sanitiseError(raw: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = {
    type: raw.type,
    code: String(raw.code).slice(0, 100),
    message: String(raw.message).slice(0, 2000),
  };
  if (typeof raw.param === 'string') out.param = raw.param.slice(0, 100);
  if (typeof raw.decline_code === 'string') out.decline_code = raw.decline_code.slice(0, 100);
  const pi = raw.payment_intent;
  if (pi && typeof pi === 'object' && typeof (pi as { id?: unknown }).id === 'string') out.payment_intent = pi;
  return out;
}

function invalidClientSecret(): ApiResult<never> {
  return { ok: false, error: { ...INVALID_CLIENT_SECRET } };
}

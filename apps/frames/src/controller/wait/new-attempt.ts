/**
 * One confirm attempt: a fresh idempotency key, reused for the network retries of that attempt and
 * for nothing else. A retry after a lost answer then replays the first outcome instead of sending the
 * customer a second PIN prompt; a deliberate new attempt (resend, refreshed wallet code) gets a new key.
 */
import type { ClientPayment } from '@soxara/protocol';
import type { ApiClient, ApiResult, PaymentMethodInput } from '../api.ts';
import { backoffDelay, ERROR_BACKOFF } from './backoff.ts';
import { sleep, systemClock, type Clock } from './clock.ts';

const MAX_TRIES = 3;

export interface AttemptOptions {
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  newKey?: () => string;
}

function isRetryable(result: ApiResult<ClientPayment>): boolean {
  if (result.ok) return false;
  if (result.error.type === 'api_connection_error' || result.error.type === 'api_error' || result.error.type === 'rate_limit_error') return true;
  // The first try is still running on the server: ask again with the same key for its answer.
  return result.error.code === 'idempotency_key_in_use';
}

export async function confirmAttempt(
  api: ApiClient,
  clientSecret: string,
  paymentMethod: PaymentMethodInput,
  options: AttemptOptions = {},
): Promise<ApiResult<ClientPayment>> {
  const clock = options.clock ?? systemClock;
  const idempotencyKey = (options.newKey ?? (() => `sxjs_${crypto.randomUUID()}`))();
  const signal = options.signal ?? new AbortController().signal;
  let result = await api.confirmPayment(clientSecret, paymentMethod, { idempotencyKey, signal });
  for (let retry = 0; retry < MAX_TRIES - 1 && isRetryable(result) && !signal.aborted; retry++) {
    await sleep(clock, backoffDelay(ERROR_BACKOFF, retry, options.random ?? Math.random), signal);
    result = await api.confirmPayment(clientSecret, paymentMethod, { idempotencyKey, signal });
  }
  return result;
}

/**
 * One confirm attempt, for every payment method: a fresh idempotency key, reused for the network
 * retries of that attempt and for nothing else. A retry after a lost answer then replays the first
 * outcome instead of charging again or sending the customer a second PIN prompt; a deliberate new
 * attempt (Pay pressed again, a resent prompt, a refreshed wallet code) gets a new key.
 */
import type { ClientPayment } from '@soxara/protocol';
import type { ApiClient, ApiResult, PaymentMethodInput } from './api.ts';
import { mayResendConfirm } from './retryable.ts';
import { backoffDelay, ERROR_BACKOFF } from './wait/backoff.ts';
import { sleep, systemClock, type Clock } from './wait/clock.ts';

const MAX_TRIES = 3;

export interface AttemptOptions {
  returnUrl?: string;
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  newKey?: () => string;
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
  const request = { idempotencyKey, signal, ...(options.returnUrl ? { returnUrl: options.returnUrl } : {}) };
  let result = await api.confirmPayment(clientSecret, paymentMethod, request);
  for (let retry = 0; retry < MAX_TRIES - 1 && !result.ok && mayResendConfirm(result) && !signal.aborted; retry++) {
    await sleep(clock, backoffDelay(ERROR_BACKOFF, retry, options.random ?? Math.random), signal);
    result = await api.confirmPayment(clientSecret, paymentMethod, request);
  }
  return result;
}

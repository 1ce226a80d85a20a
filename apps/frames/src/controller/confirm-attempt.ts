/**
 * One confirm attempt, for every payment method: a fresh idempotency key, reused for the network
 * retries of that attempt and for nothing else. A retry after a lost answer then replays the first
 * outcome instead of charging again or sending the customer a second PIN prompt; a deliberate new
 * attempt (Pay pressed again, a resent prompt, a refreshed wallet code) gets a new key.
 *
 * A confirm that fails while the browser is offline waits for the network (not counted as a try) and
 * is then sent again with the same key: the first may have reached the API before the drop.
 */
import type { ClientPayment } from '@soxara/protocol';
import type { ApiClient, ApiResult, PaymentMethodInput } from './api.ts';
import type { ControllerContext, ElementHandle } from './context.ts';
import { waitCopy } from './wait/copy.ts';
import { mayResendConfirm } from './retryable.ts';
import { backoffDelay, ERROR_BACKOFF } from './wait/backoff.ts';
import { sleep, systemClock, type Clock } from './wait/clock.ts';
import { whenOnline, type Connectivity } from './wait/connectivity.ts';

const MAX_TRIES = 3;
/** How long a confirm waits for the network to come back before it reports the connection error. */
export const MAX_OFFLINE_WAIT_MS = 10 * 60_000;

export interface AttemptOptions {
  returnUrl?: string;
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  newKey?: () => string;
  connectivity?: Connectivity;
  /** Told true when the confirm starts waiting for the network, false when it stops. */
  onOffline?: (offline: boolean) => void;
}

/** The offline wait of a confirm, with the calm line in the form the customer pressed Pay in, if any. */
export function offlineWait(ctx: ControllerContext, form?: ElementHandle): Pick<AttemptOptions, 'connectivity' | 'onOffline'> {
  if (!ctx.connectivity) return {};
  const line = waitCopy[ctx.locale].offline;
  return { connectivity: ctx.connectivity, onOffline: (offline) => form?.send({ type: 'notice', message: offline ? line : null }) };
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
  let retry = 0;
  while (!result.ok && mayResendConfirm(result) && !signal.aborted) {
    if (options.connectivity && !options.connectivity.online()) {
      options.onOffline?.(true);
      const back = await whenOnline(options.connectivity, clock, MAX_OFFLINE_WAIT_MS, signal);
      options.onOffline?.(false);
      if (!back) break;
    } else {
      if (retry >= MAX_TRIES - 1) break;
      await sleep(clock, backoffDelay(ERROR_BACKOFF, retry++, options.random ?? Math.random), signal);
    }
    result = await api.confirmPayment(clientSecret, paymentMethod, request);
  }
  return result;
}

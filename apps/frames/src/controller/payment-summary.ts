/**
 * The amount on an element's pay button: read once the element attaches, and sent to its frame. A
 * transient failure is retried with the waits' backoff, a few times only: the button works without
 * the amount (it reads "Pay"), and the confirm reads the payment anyway.
 */
import type { ApiClient } from './api.ts';
import type { ElementHandle } from './context.ts';
import { isTransient } from './retryable.ts';
import { backoffDelay, ERROR_BACKOFF } from './wait/backoff.ts';
import { sleep, systemClock, type Clock } from './wait/clock.ts';

const ATTEMPTS = 3;

export interface SummaryOptions {
  /** False once the element detached (or was replaced): nothing more is sent or asked. */
  stillAttached(): boolean;
  clock?: Clock;
  random?: () => number;
}

export async function sendPaymentSummary(api: ApiClient, element: ElementHandle, options: SummaryOptions): Promise<void> {
  const clock = options.clock ?? systemClock;
  const clientSecret = element.clientSecret;
  // A deferred form has no payment yet: its frame shows the amount the merchant configured.
  if (clientSecret === null) return;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) await sleep(clock, backoffDelay(ERROR_BACKOFF, attempt - 1, options.random ?? Math.random), new AbortController().signal);
    if (!options.stillAttached()) return;
    const result = await api.retrievePayment(clientSecret);
    if (result.ok) {
      if (options.stillAttached()) element.send({ type: 'payment-summary', amount: result.data.amount, currency: result.data.currency });
      return;
    }
    if (!isTransient(result.error)) return;
  }
}

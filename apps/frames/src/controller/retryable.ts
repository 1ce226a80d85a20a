/**
 * Which failed requests are worth sending again, said once for every flow. Two questions, because
 * sending a confirm again can charge and reading a payment again cannot.
 */
import type { ErrorInfo } from '@soxara/protocol';

/**
 * A read (a retrieve, a check of a wait) that failed this way may be asked again after a backoff: no
 * answer, the service failing, or a rate limit that will lift. Anything else will not change by asking.
 */
export function isTransient(error: ErrorInfo): boolean {
  return error.type === 'api_connection_error' || error.type === 'api_error' || error.type === 'rate_limit_error';
}

/**
 * A confirm that failed this way may not have run, or is still running: it is safe to send again with
 * the same idempotency key, which makes the API replay the first outcome instead of charging twice.
 * Not a 429: its window lasts seconds to minutes (Retry-After), a retry within the backoff would only
 * be refused again, and a card-testing refusal must not be hammered; the customer is told to wait.
 */
export function mayResendConfirm(failure: { error: ErrorInfo; status?: number }): boolean {
  const { error, status } = failure;
  return (
    error.type === 'api_connection_error' ||
    (error.type === 'api_error' && (status === undefined || status >= 500)) ||
    // The first try is still running on the server: ask again with the same key for its answer.
    error.code === 'idempotency_key_in_use'
  );
}

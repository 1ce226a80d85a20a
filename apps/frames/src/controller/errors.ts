/** The controller's last line of defence: every request gets an answer. */
import { UNEXPECTED_ERROR, type PaymentResult } from '@soxara/protocol';

/** A bug in a flow must still answer the merchant: it becomes an api_error, never a hung promise. */
export function unexpectedError(cause: unknown): PaymentResult {
  console.error('[soxara] unexpected error in the controller', cause);
  return { error: { ...UNEXPECTED_ERROR } };
}

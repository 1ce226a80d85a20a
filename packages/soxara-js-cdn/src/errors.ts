/**
 * Two kinds of failure, kept apart as Stripe.js does: programming mistakes are thrown as
 * `IntegrationError` (the merchant must fix their code), payment outcomes and network trouble are
 * returned as `{error}` values (the customer may try again).
 */
import type { PaymentIntentResult } from '@soxara/soxara-js';

export class IntegrationError extends Error {
  override readonly name = 'IntegrationError' as const;
}

/** What a call resolves to when the controller frame never answers or never loaded. */
export function connectionError(message: string): PaymentIntentResult {
  return { error: { type: 'api_connection_error', code: 'frame_unavailable', message } };
}

/**
 * Two kinds of failure, kept apart as Stripe.js does: programming mistakes are thrown as
 * `IntegrationError` (the merchant must fix their code), payment outcomes and network trouble are
 * returned as `{error}` values (the customer may try again).
 */
import { FRAME_UNAVAILABLE } from '@soxara/protocol';
import type { PaymentIntentResult } from '@soxara/soxara-js';

export class IntegrationError extends Error {
  override readonly name = 'IntegrationError' as const;
  /** Set for the misuses the frames detect, from the @soxara/protocol registry (`elements_not_submitted`). */
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/** What a call resolves to when the controller frame never answers or never loaded. */
export function controllerUnavailable(): PaymentIntentResult {
  return { error: { ...FRAME_UNAVAILABLE } };
}

/** The payment the controller's unit tests start from: what the API answers a publishable key. */
import type { ClientPayment } from '@soxara/protocol';

export function clientPayment(status: ClientPayment['status'], extra: Partial<ClientPayment> = {}): ClientPayment {
  return {
    id: 'pi_abc123',
    object: 'payment',
    amount: 1250,
    currency: 'USD',
    status,
    description: null,
    next_action: null,
    last_payment_error: null,
    payment_method: null,
    payment_method_details: null,
    created_at: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

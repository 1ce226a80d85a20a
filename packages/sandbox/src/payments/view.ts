/** The two views of a payment: the secret key's full object, and the publishable key's client-safe subset. */
import { CLIENT_SAFE_PAYMENT_FIELDS, type ClientPayment, type Payment } from '@soxara/protocol';

export function clientView(payment: Payment): ClientPayment {
  const view: Record<string, unknown> = {};
  for (const field of CLIENT_SAFE_PAYMENT_FIELDS) view[field] = payment[field];
  return view as ClientPayment;
}

/**
 * `POST /v1/payments/:id`: the merchant's server changes what the customer will pay before they pay it
 * (the browser's `elements.fetchUpdates()` then reads the new amount). Metadata merges as Stripe's does:
 * a key set to "" is removed, `null` clears them all, so a server can change one key without resending
 * the rest. No event: the event reference has no `payment.updated`.
 */
import type { Payment } from '@soxara/protocol';
import type { Deps } from '../http/env.ts';
import { invalidRequest } from '../http/errors.ts';
import { MAX_METADATA_KEYS } from '../http/schemas.ts';
import { savePayment } from '../store/payments.ts';

export interface PaymentUpdate {
  amount?: number | undefined;
  description?: string | null | undefined;
  metadata?: Record<string, string> | null | undefined;
}

function mergeMetadata(current: Record<string, string>, change: Record<string, string> | null): Record<string, string> {
  const merged: Record<string, string> = Object.create(null) as Record<string, string>;
  if (change === null) return merged;
  for (const key of Object.keys(current)) merged[key] = current[key]!;
  for (const key of Object.keys(change)) {
    if (change[key] === '') delete merged[key];
    else merged[key] = change[key]!;
  }
  if (Object.keys(merged).length > MAX_METADATA_KEYS) {
    throw invalidRequest('parameter_invalid', `Invalid metadata: must have at most ${MAX_METADATA_KEYS} keys once merged`, 'metadata');
  }
  return merged;
}

export function updatePayment(deps: Deps, payment: Payment, update: PaymentUpdate): Payment {
  if (update.amount !== undefined && update.amount !== payment.amount && payment.status !== 'requires_payment_method') {
    throw invalidRequest(
      'payment_unexpected_state',
      `This payment's status is ${payment.status}: its amount can change only while no payment method is confirmed (requires_payment_method).`,
      'amount',
    );
  }
  const updated: Payment = {
    ...payment,
    ...(update.amount !== undefined && { amount: update.amount }),
    ...(update.description !== undefined && { description: update.description }),
    ...(update.metadata !== undefined && { metadata: mergeMetadata(payment.metadata, update.metadata) }),
  };
  savePayment(deps.db, updated);
  return updated;
}

/**
 * The customer pressed Cancel while a prompt was pending. Stopping the wait is not enough: the prompt
 * is still on their phone, and a late approval would charge them while the checkout says "cancelled".
 * So the pending attempt is withdrawn with `POST /v1/payments/:id/cancel_action` (publishable key +
 * client secret) when the API client offers it; then, or otherwise, the payment is read once more so
 * that a late approval that won the race is reported as the success it is.
 */
import { CUSTOMER_CANCELED, type ErrorInfo, type Locale, type PaymentResult } from '@soxara/protocol';
import type { ApiClient } from '../api.ts';
import { inLocale } from '../error-copy.ts';
import { waitCopy } from './copy.ts';
import { resultOfPayment } from './payment-result.ts';

export async function cancelAttempt(
  api: ApiClient,
  clientSecret: string,
  kind: 'momo' | 'wallet',
  locale: Locale,
): Promise<PaymentResult> {
  let withdrawn = false;
  if (api.cancelAction) {
    const result = await api.cancelAction(clientSecret, { idempotencyKey: `sxjs_${crypto.randomUUID()}` });
    if (result.ok && result.data.status === 'succeeded') return { paymentIntent: result.data };
    withdrawn = result.ok && result.data.status !== 'requires_action';
  }
  const latest = await api.retrievePayment(clientSecret);
  if (latest.ok && latest.data.status === 'succeeded') return { paymentIntent: latest.data };
  // Declined or expired while the customer was cancelling: that is the real outcome.
  if (latest.ok && latest.data.status === 'requires_payment_method' && latest.data.last_payment_error && !withdrawn) {
    return resultOfPayment(latest.data, locale);
  }
  const error: ErrorInfo = inLocale({ ...CUSTOMER_CANCELED, type: kind === 'momo' ? 'momo_error' : 'wallet_error' }, locale);
  if (!withdrawn) error.message = waitCopy[locale].canceledPromptActive;
  if (latest.ok) error.payment_intent = { id: latest.data.id, status: latest.data.status };
  return { error };
}

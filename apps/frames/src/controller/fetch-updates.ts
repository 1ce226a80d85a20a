/**
 * `elements.fetchUpdates()`: after the merchant's server changed the payment (`POST /v1/payments/:id`),
 * read it again and send the pay button its new amount. A deferred form has no payment to read: the
 * merchant changes its amount with `elements.update()`, so there is nothing to fetch.
 */
import { ELEMENT_UNAVAILABLE, type CallResult, type ControllerCall } from '@soxara/protocol';
import type { ControllerContext } from './context.ts';

export async function fetchUpdates(ctx: ControllerContext, call: Extract<ControllerCall, { method: 'fetch-updates' }>): Promise<CallResult> {
  const element = ctx.element(call.elementId);
  if (!element) return { error: { ...ELEMENT_UNAVAILABLE } };
  if (element.clientSecret === null) return { done: true };
  const payment = await ctx.api.retrievePayment(element.clientSecret);
  if (!payment.ok) return { error: payment.error };
  element.send({ type: 'payment-summary', amount: payment.data.amount, currency: payment.data.currency });
  return { done: true };
}

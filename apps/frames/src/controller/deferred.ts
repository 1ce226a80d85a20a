/**
 * The checks a deferred form (`elements({ mode: 'payment', amount, currency })`) passes before its
 * confirm reaches the API: `elements.submit()` succeeded since the last confirm, and the payment the
 * merchant's server made is for exactly the amount and currency the customer was shown. Here, in the
 * frame that makes the charge, rather than on the merchant page: the merchant script stays small, and
 * no version of it can skip them.
 */
import { AMOUNT_MISMATCH, CURRENCY_MISMATCH, ELEMENTS_NOT_SUBMITTED, type ClientPayment, type ErrorInfo } from '@soxara/protocol';
import type { ControllerContext, ElementHandle, ElementSettings } from './context.ts';

/** Null when the payment fits the form; else the error naming the field that differs. */
export function paymentMismatch(form: Pick<ElementSettings, 'amount' | 'currency'> | null, payment: Pick<ClientPayment, 'amount' | 'currency'>): ErrorInfo | null {
  if (form?.currency !== payment.currency) return { ...CURRENCY_MISMATCH };
  if (form.amount !== payment.amount) return { ...AMOUNT_MISMATCH };
  return null;
}

/**
 * Whether a refusal is news for the customer as well as the merchant: the amount or currency they
 * were shown is not what the payment asks, so the form says so ("the amount to pay has changed"). A
 * missing `submit()` is the developer's alone.
 */
export function isMismatch(error: ErrorInfo): boolean {
  return error.code === AMOUNT_MISMATCH.code || error.code === CURRENCY_MISMATCH.code;
}

/**
 * Null when a confirm of `element` with `clientSecret` may go ahead. Uses up the submit, so the next
 * confirm (after a decline, say) needs a new `submit()`, which checks the fields again.
 */
export async function deferredConfirmError(ctx: ControllerContext, element: ElementHandle, clientSecret: string): Promise<ErrorInfo | null> {
  if (element.clientSecret !== null) return null;
  if (!element.submitted) return { ...ELEMENTS_NOT_SUBMITTED };
  element.submitted = false;
  const payment = await ctx.api.retrievePayment(clientSecret);
  if (!payment.ok) return payment.error;
  const mismatch = paymentMismatch(element.settings, payment.data);
  return mismatch && { ...mismatch, payment_intent: payment.data };
}

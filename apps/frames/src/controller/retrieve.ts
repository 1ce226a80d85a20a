/** `retrievePaymentIntent`: the payment as the publishable key sees it. */
import type { ControllerCall, PaymentResult } from '@soxara/protocol';
import type { ControllerContext } from './context.ts';

export async function retrievePayment(ctx: ControllerContext, call: Extract<ControllerCall, { method: 'retrieve-payment' }>): Promise<PaymentResult> {
  const result = await ctx.api.retrievePayment(call.clientSecret);
  return result.ok ? { paymentIntent: result.data } : { error: result.error };
}

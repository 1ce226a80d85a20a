/**
 * `confirmPayment({ clientSecret, paymentMethod: { type: 'momo', momo: { provider, phone_number } } })`:
 * check the number in the browser (a typo never reaches the API nor touches the payment), send the PIN
 * prompt, then show the "check your phone" modal and wait for the customer's answer.
 */
import { paymentIdFromClientSecret, type ClientPayment, type ControllerCall, type ModalView, type PaymentResult } from '@soxara/protocol';
import type { ControllerContext, ElementHandle } from './context.ts';
import { checkMomoNumber, phoneErrorMessage } from '../shared/phone.ts';
import { awaitCustomerAction } from './wait/await-customer-action.ts';
import { confirmAttempt, offlineWait } from './confirm-attempt.ts';
import { resultOfPayment, unknownOutcome } from './wait/payment-result.ts';
import type { ApiResult } from './api.ts';

type MomoCall = Extract<ControllerCall, { method: 'confirm-momo' }>;

/** `form`: the tabbed form the customer pressed Pay in, which shows the offline line. */
export async function confirmMomo(ctx: ControllerContext, call: MomoCall, form?: ElementHandle): Promise<PaymentResult> {
  const check = checkMomoNumber(call.phoneNumber, call.provider);
  if (!check.ok) {
    return {
      error: {
        type: 'validation_error',
        code: check.code,
        param: 'phone_number',
        message: phoneErrorMessage(check.code, call.provider, ctx.locale),
      },
    };
  }
  const newAttempt = () =>
    confirmAttempt(ctx.api, call.clientSecret, { type: 'momo', momo: { provider: call.provider, phone_number: check.e164 } }, offlineWait(ctx, form));
  const next = afterConfirm(ctx, call.clientSecret, await newAttempt());
  if ('result' in next) return next.result;
  return awaitCustomerAction(ctx, next.pending, {
    kind: 'momo',
    clientSecret: call.clientSecret,
    view: (payment) => momoView(payment, true),
    newAttempt,
  });
}

/**
 * What a confirm's answer leads to: a payment to wait on, or already a result (an API error, a
 * payment that ended at once). A confirm that got no answer at all may still have sent the prompt,
 * so it is "not confirmed yet", not a failure.
 */
export function afterConfirm(
  ctx: ControllerContext,
  clientSecret: string,
  confirmed: ApiResult<ClientPayment>,
): { pending: ClientPayment } | { result: PaymentResult } {
  if (!confirmed.ok) {
    if (confirmed.error.type === 'api_connection_error' || confirmed.error.type === 'api_error') {
      return { result: unknownOutcome(paymentIdFromClientSecret(clientSecret), ctx.locale, confirmed.error) };
    }
    return { result: { error: confirmed.error } };
  }
  if (confirmed.data.status !== 'requires_action') return { result: resultOfPayment(confirmed.data, ctx.locale) };
  return { pending: confirmed.data };
}

export function momoView(payment: ClientPayment, canResend: boolean): ModalView | null {
  const action = payment.next_action;
  if (payment.status !== 'requires_action' || action?.type !== 'momo_pin_prompt') return null;
  const prompt = action.momo_pin_prompt;
  return {
    kind: 'momo',
    provider: prompt.provider,
    phoneNumberMasked: prompt.phone_number_masked,
    amount: payment.amount,
    currency: payment.currency,
    expiresAt: prompt.expires_at,
    ussdCode: prompt.ussd_code,
    canResend,
  };
}

/**
 * `handleNextAction({ clientSecret })`: pick up the wait of a payment left in `requires_action` — the
 * page was reloaded during a MoMo prompt, or the customer came back from the wallet app in a new tab —
 * without sending a second prompt. A MoMo wait resumed this way cannot send a new prompt (the full
 * number is not readable with the publishable key); a wallet wait can refresh its code; a pending
 * 3-D Secure challenge opens in a modal.
 */
import { NEXT_ACTION_UNSUPPORTED, type ClientPayment, type ControllerCall, type PaymentResult } from '@soxara/protocol';
import type { ControllerContext } from './context.ts';
import { challengeUrl } from './confirm-card.ts';
import { momoView } from './confirm-momo.ts';
import { awaitWallet } from './confirm-wallet.ts';
import { authenticateInModal } from './three-ds.ts';
import { awaitCustomerAction } from './wait/await-customer-action.ts';
import { resultOfPayment } from './wait/payment-result.ts';

type ResumeCall = Extract<ControllerCall, { method: 'handle-next-action' }>;

export async function handleNextAction(ctx: ControllerContext, call: ResumeCall): Promise<PaymentResult> {
  const current = await ctx.api.retrievePayment(call.clientSecret);
  if (!current.ok) return { error: current.error };
  const payment = current.data;
  if (payment.status !== 'requires_action') return resultOfPayment(payment, ctx.locale);
  switch (payment.next_action?.type) {
    case 'momo_pin_prompt':
      return awaitCustomerAction(ctx, payment, { kind: 'momo', clientSecret: call.clientSecret, view: (p) => momoView(p, false) });
    case 'soxara_wallet_approval':
      return awaitWallet(ctx, call.clientSecret, payment);
    case 'redirect_to_url': {
      // The 3-D Secure challenge, in a modal as with `redirect: 'if_required'` (only on the API origin).
      const challenge = challengeUrl(payment.next_action.redirect_to_url.url, ctx.apiOrigin);
      if (challenge) return authenticateInModal(ctx, call.clientSecret, payment, challenge);
      return unsupported(payment);
    }
    default:
      return unsupported(payment);
  }
}

function unsupported(payment: ClientPayment): PaymentResult {
  return { error: { ...NEXT_ACTION_UNSUPPORTED, payment_intent: { id: payment.id, status: payment.status } } };
}

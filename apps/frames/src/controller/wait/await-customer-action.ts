/**
 * The part every "approve it elsewhere" flow shares (MoMo PIN prompt, wallet approval, and their
 * resumed forms): show the modal, wait for the outcome with THE poller, and handle what the customer
 * does meanwhile — Cancel (withdraw the attempt), "send a new prompt" (a new attempt, which replaces
 * the old one server-side), and, for the wallet, a fresh code when the old one expires.
 */
import type { ClientPayment, ModalView, PaymentResult } from '@soxara/protocol';
import type { ApiResult } from '../api.ts';
import { ModalOpenError, type ControllerContext, type ModalHandle } from '../context.ts';
import { cancelAttempt } from './cancel-attempt.ts';
import { waitCopy } from './copy.ts';
import { resultOfPayment, resultOfWait } from './payment-result.ts';
import { retrieveFromApi } from './retrieve-from-api.ts';
import { waitForOutcome } from './wait-for-outcome.ts';

/** Enough for a customer whose first prompt never arrived, not enough to flood their phone. */
const MAX_NEW_ATTEMPTS = 3;

export interface CustomerActionFlow {
  kind: 'momo' | 'wallet';
  clientSecret: string;
  /** The modal's content for a payment in `requires_action`; null when its next_action is not of this flow. */
  view(payment: ClientPayment): ModalView | null;
  /** Starts a new attempt; absent when the flow cannot (a resumed MoMo wait never saw the full number). */
  newAttempt?: () => Promise<ApiResult<ClientPayment>>;
  /** The wallet's code is worthless once expired: make a new one instead of reporting the expiry. */
  refreshOnExpiry?: boolean;
}

type Interruption = 'cancel' | 'resend' | null;

export async function awaitCustomerAction(ctx: ControllerContext, pending: ClientPayment, flow: CustomerActionFlow): Promise<PaymentResult> {
  const copy = waitCopy[ctx.locale];
  const firstView = flow.view(pending);
  if (!firstView) return resultOfPayment(pending, ctx.locale);

  let modal: ModalHandle;
  try {
    modal = await ctx.openModal(flow.kind);
  } catch (error) {
    if (!(error instanceof ModalOpenError)) throw error;
    // The customer cannot see what to do: withdraw the attempt rather than leave it pending unseen.
    return cancelAttempt(ctx.api, flow.clientSecret, flow.kind, ctx.locale);
  }

  let current = pending;
  let newAttempts = 0;
  modal.show(firstView);
  try {
    for (;;) {
      const attempt = new AbortController();
      let interruption = null as Interruption;
      const interrupt = (why: Exclude<Interruption, null>) => {
        if (interruption) return;
        interruption = why;
        attempt.abort();
      };
      const offCancel = modal.onCancel(() => interrupt('cancel'));
      const offResend = modal.onResend(() => {
        if (flow.newAttempt && newAttempts < MAX_NEW_ATTEMPTS) interrupt('resend');
      });
      const expiresAt = expiresAtOf(current);
      const outcome = await waitForOutcome({
        retrieve: retrieveFromApi(ctx.api, flow.clientSecret),
        ifStatus: 'requires_action',
        ...(expiresAt ? { expiresAt } : {}),
        signal: attempt.signal,
        onVisible: (listener) => ctx.pageVisible.subscribe(listener),
        onRetry: () => modal.status(copy.reconnecting),
        ...(ctx.connectivity ? { connectivity: ctx.connectivity } : {}),
        onOffline: (offline) => modal.status(offline ? copy.offline : ''),
      });
      offCancel();
      offResend();

      if (outcome.kind === 'aborted') {
        if (interruption === 'cancel') return await cancelAttempt(ctx.api, flow.clientSecret, flow.kind, ctx.locale);
        modal.status(copy.sendingNewPrompt);
      } else if (!(outcome.kind === 'settled' && flow.refreshOnExpiry && isExpired(outcome.payment) && newAttempts < MAX_NEW_ATTEMPTS)) {
        return resultOfWait(outcome, current.id, ctx.locale);
      }
      // Only reachable with a newAttempt (the resend listener and refreshOnExpiry require one).
      if (!flow.newAttempt) return await cancelAttempt(ctx.api, flow.clientSecret, flow.kind, ctx.locale);
      newAttempts += 1;
      const next = await flow.newAttempt();
      if (!next.ok) {
        modal.status(copy.newPromptFailed);
        continue;
      }
      const nextView = flow.view(next.data);
      if (next.data.status !== 'requires_action' || !nextView) return resultOfPayment(next.data, ctx.locale);
      current = next.data;
      modal.show(nextView);
      modal.status(interruption === 'resend' ? copy.newPromptSent : copy.refreshed);
    }
  } finally {
    modal.close();
  }
}

function expiresAtOf(payment: ClientPayment): string | undefined {
  const action = payment.next_action;
  if (action?.type === 'momo_pin_prompt') return action.momo_pin_prompt.expires_at;
  if (action?.type === 'soxara_wallet_approval') return action.soxara_wallet_approval.expires_at;
  return undefined;
}

function isExpired(payment: ClientPayment): boolean {
  return payment.status === 'requires_payment_method' && payment.last_payment_error?.code === 'prompt_expired';
}

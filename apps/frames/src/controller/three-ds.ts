/**
 * 3-D Secure in a modal (`redirect: 'if_required'`): the sandbox's challenge page, framed inside our
 * own modal frame, while THE poller (wait/) long-polls the payment until it leaves `requires_action`.
 * The customer closing the modal ends the wait with the error Stripe gives for an abandoned challenge.
 */
import { MODAL_UNAVAILABLE, PAYMENT_INTENT_AUTHENTICATION_FAILURE, type ClientPayment, type PaymentResult } from '@soxara/protocol';
import { ModalOpenError, type ControllerContext, type ModalHandle } from './context.ts';
import { inLocale } from './error-copy.ts';
import { resultOfPayment, resultOfWait } from './wait/payment-result.ts';
import { retrieveFromApi } from './wait/retrieve-from-api.ts';
import { waitForOutcome } from './wait/wait-for-outcome.ts';

/** A challenge has no expiry of its own; the customer gets this long before we stop waiting. */
const CHALLENGE_MAX_MS = 15 * 60_000;

export async function authenticateInModal(ctx: ControllerContext, clientSecret: string, payment: ClientPayment, challenge: URL): Promise<PaymentResult> {
  let modal: ModalHandle;
  try {
    modal = await ctx.openModal('three-ds');
  } catch (error) {
    if (!(error instanceof ModalOpenError)) throw error;
    return { error: { ...MODAL_UNAVAILABLE, payment_intent: { id: payment.id, status: payment.status } } };
  }
  const embedded = new URL(challenge);
  // Tells the sandbox page it is framed: it reports the outcome in place instead of redirecting.
  embedded.searchParams.set('embedded', '1');
  modal.show({ kind: 'three-ds', url: embedded.href });

  const stop = new AbortController();
  const unsubscribe = modal.onCancel(() => stop.abort());
  try {
    const outcome = await waitForOutcome({
      ifStatus: 'requires_action',
      signal: stop.signal,
      maxDurationMs: CHALLENGE_MAX_MS,
      onVisible: (listener) => ctx.pageVisible.subscribe(listener),
      retrieve: retrieveFromApi(ctx.api, clientSecret),
    });
    if (outcome.kind !== 'aborted') return resultOfWait(outcome, payment.id, ctx.locale);
  } finally {
    unsubscribe();
    modal.close();
  }
  return abandon(ctx, clientSecret, payment);
}

/**
 * The customer closed the challenge. The attempt is withdrawn when the API allows it, and the payment
 * read once more: a challenge completed a moment before the click is the success it is.
 */
async function abandon(ctx: ControllerContext, clientSecret: string, payment: ClientPayment): Promise<PaymentResult> {
  await ctx.api.cancelAction?.(clientSecret, { idempotencyKey: crypto.randomUUID() });
  const latest = await ctx.api.retrievePayment(clientSecret);
  if (latest.ok && latest.data.status === 'succeeded') return resultOfPayment(latest.data, ctx.locale);
  const current = latest.ok ? latest.data : payment;
  // A card_error, as for declines: merchants following the usual "show card_error messages" pattern show it.
  return { error: inLocale({ ...PAYMENT_INTENT_AUTHENTICATION_FAILURE, payment_intent: { id: current.id, status: current.status } }, ctx.locale) };
}

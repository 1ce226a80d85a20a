/**
 * Card confirmation: collect the card from the element frame (the only place it exists), confirm it
 * as one attempt (one idempotency key, its network retries), and carry out 3-D Secure either by
 * sending the whole page to the challenge (`redirect: 'always'`) or in a modal (`'if_required'`).
 */
import { INVALID_REDIRECT, type ClientPayment, type ControllerCall, type ErrorInfo, type PaymentResult } from '@soxara/protocol';
import type { ControllerContext, ElementHandle } from './context.ts';
import { confirmAttempt, offlineWait } from './confirm-attempt.ts';
import { inLocale } from './error-copy.ts';
import { authenticateInModal } from './three-ds.ts';
import { resultOfPayment } from './wait/payment-result.ts';

/** What a card confirm needs of `confirm-element`: the payment, and where the page goes afterwards. */
export type CardConfirm = Pick<Extract<ControllerCall, { method: 'confirm-element' }>, 'clientSecret' | 'returnUrl' | 'redirect'>;

const LEAVING_GRACE_MS = 5_000;

export async function confirmCard(ctx: ControllerContext, element: ElementHandle, call: CardConfirm): Promise<PaymentResult> {
  element.send({ type: 'show-error', error: null });
  const collected = await element.collectCard();
  if ('error' in collected) return { error: collected.error };

  const { card } = collected;
  const method = { type: 'card', card: { number: card.number, exp_month: card.expMonth, exp_year: card.expYear, cvc: card.cvc } } as const;
  element.send({ type: 'busy', busy: true });
  let leaving = false;
  try {
    let confirmed = await confirmAttempt(ctx.api, call.clientSecret, method, {
      ...offlineWait(ctx, element),
      ...(call.returnUrl ? { returnUrl: call.returnUrl } : {}),
    });
    // Every answer of this attempt was lost: the charge may have happened. Look before saying it failed.
    if (!confirmed.ok && confirmed.error.type === 'api_connection_error') {
      const now = await ctx.api.retrievePayment(call.clientSecret);
      if (now.ok && (now.data.status === 'succeeded' || now.data.status === 'requires_action')) confirmed = now;
    }
    if (!confirmed.ok) return failed(ctx, element, call.clientSecret, inLocale(confirmed.error, ctx.locale));
    const result = await afterConfirm(ctx, call, confirmed.data);
    if (!('error' in result)) {
      // With redirect 'always' the page is about to leave (to the challenge or to return_url).
      leaving = call.redirect === 'always' && (result.paymentIntent.status === 'succeeded' || result.paymentIntent.status === 'requires_action');
      return result;
    }
    const error = inLocale(result.error, ctx.locale);
    showToCustomer(element, error);
    return { error };
  } finally {
    // A page that is leaving keeps the button busy, so that no second click starts a new attempt on
    // the way out; should it stay after all (navigation refused), the form comes back to life.
    if (leaving) setTimeout(() => element.send({ type: 'busy', busy: false }), LEAVING_GRACE_MS);
    else element.send({ type: 'busy', busy: false });
  }
}

async function afterConfirm(ctx: ControllerContext, call: CardConfirm, payment: ClientPayment): Promise<PaymentResult> {
  const action = payment.next_action;
  if (payment.status !== 'requires_action' || action?.type !== 'redirect_to_url') return resultOfPayment(payment, ctx.locale);
  const url = challengeUrl(action.redirect_to_url.url, ctx.apiOrigin);
  if (!url) return { error: { ...INVALID_REDIRECT, payment_intent: payment } };
  if (call.redirect === 'always') {
    ctx.navigate(url.href);
    return { paymentIntent: payment };
  }
  return authenticateInModal(ctx, call.clientSecret, payment, url);
}

/** Only a challenge page on the API origin is ever shown or navigated to. */
export function challengeUrl(raw: string, apiOrigin: string): URL | null {
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== apiOrigin) return null;
    return url;
  } catch {
    return null;
  }
}

async function failed(ctx: ControllerContext, element: ElementHandle, clientSecret: string, error: ErrorInfo): Promise<PaymentResult> {
  let full = error;
  // Declines come with the payment so the merchant can read its state; fetch it if the API left it out.
  // So is a confirm refused because the payment already moved on (another tab paid it, or a lost answer).
  if ((error.type === 'card_error' || error.code === 'payment_unexpected_state') && !error.payment_intent) {
    const payment = await ctx.api.retrievePayment(clientSecret);
    if (payment.ok) full = { ...error, payment_intent: payment.data };
  }
  showToCustomer(element, full);
  return { error: full };
}

/** Declines and rate limits are the customer's to read; the rest (integration, network) the merchant's. */
function showToCustomer(element: ElementHandle, error: ErrorInfo): void {
  if (error.type === 'card_error' || error.type === 'rate_limit_error') element.send({ type: 'show-error', error });
}

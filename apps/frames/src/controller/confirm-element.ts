/**
 * `confirmPayment({ elements })`: the one place that decides how a mounted element is confirmed, from
 * the element the controller holds. A card element is confirmed as a card; the tabbed form with the
 * tab the customer is on (it reports each switch; its first tab, the card, until it has): the card
 * flow collects the card from the frame, MoMo and the wallet use what was typed there. An outcome
 * error of MoMo or the wallet is shown in the form, as the card flow shows declines, and so is a
 * deferred form's refusal of a payment of another amount or currency.
 */
import { ELEMENT_UNAVAILABLE, type ControllerCall, type Locale, type PaymentResult } from '@soxara/protocol';
import { inLocale } from './error-copy.ts';
import type { ControllerContext, ElementHandle } from './context.ts';
import { confirmCard } from './confirm-card.ts';
import { confirmMomo } from './confirm-momo.ts';
import { confirmWallet } from './confirm-wallet.ts';
import { deferredConfirmError, isMismatch } from './deferred.ts';

type ElementCall = Extract<ControllerCall, { method: 'confirm-element' }>;

export async function confirmElement(ctx: ControllerContext, call: ElementCall): Promise<PaymentResult> {
  const element = ctx.element(call.elementId);
  // Unmounted, or its frame replaced (the merchant script detached it), since the call left the page.
  if (!element) return { error: { ...ELEMENT_UNAVAILABLE } };
  const refused = await deferredConfirmError(ctx, element, call.clientSecret);
  if (refused) {
    if (isMismatch(refused)) element.send({ type: 'show-error', error: inLocale(refused, ctx.locale) });
    return { error: refused };
  }
  switch (element.kind === 'card' ? 'card' : (element.selectedMethod ?? 'card')) {
    case 'card':
      return confirmCard(ctx, element, call);
    case 'momo': {
      const details = element.momoDetails;
      const momo = { method: 'confirm-momo', clientSecret: call.clientSecret, provider: details?.provider ?? 'mtn', phoneNumber: details?.phoneNumber ?? '' } as const;
      return inForm(element, ctx.locale, () => confirmMomo(ctx, momo, element));
    }
    case 'soxara_wallet':
      return inForm(element, ctx.locale, () => confirmWallet(ctx, { method: 'confirm-wallet', clientSecret: call.clientSecret }, element));
  }
}

/** Runs a flow with the form busy, and shows its outcome error there. */
async function inForm(element: ElementHandle, locale: Locale, flow: () => Promise<PaymentResult>): Promise<PaymentResult> {
  element.send({ type: 'show-error', error: null });
  element.send({ type: 'busy', busy: true });
  try {
    const result = await flow();
    if (!('error' in result)) return result;
    const error = inLocale(result.error, locale);
    element.send({ type: 'show-error', error });
    return { error };
  } finally {
    element.send({ type: 'busy', busy: false });
  }
}

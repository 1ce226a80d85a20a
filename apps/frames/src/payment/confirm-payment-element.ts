/**
 * `confirmPayment({ elements })` for the tabbed payment form: confirm with whichever method the
 * customer chose — the card (the card flow, which collects it from this element), or MoMo / the
 * wallet with the details typed in the frame — and show an outcome error in the form.
 */
import type { ControllerCall, PaymentResult } from '@soxara/protocol';
import type { ControllerContext, ElementHandle } from '../controller/context.ts';
import { confirmCard } from '../controller/confirm-card.ts';
import { confirmMomo } from '../controller/confirm-momo.ts';
import { confirmWallet } from '../controller/confirm-wallet.ts';

type ElementCall = Extract<ControllerCall, { method: 'confirm-element' }>;

export async function confirmPaymentElement(ctx: ControllerContext, call: ElementCall): Promise<PaymentResult> {
  const element = ctx.element(call.elementId);
  if (!element) {
    return { error: { type: 'invalid_request_error', code: 'element_unavailable', message: 'The payment form is not mounted.' } };
  }
  // The frame reports its tab as soon as it renders; the first tab (card) until then.
  const method = element.selectedMethod ?? 'card';
  if (method === 'card') return confirmCard(ctx, { ...call, method: 'confirm-card' });

  element.send({ type: 'show-error', error: null });
  element.send({ type: 'busy', busy: true });
  try {
    const result =
      method === 'momo'
        ? await confirmMomo(ctx, {
            method: 'confirm-momo',
            clientSecret: call.clientSecret,
            provider: element.momoDetails?.provider ?? 'mtn',
            phoneNumber: element.momoDetails?.phoneNumber ?? '',
          })
        : await confirmWallet(ctx, { method: 'confirm-wallet', clientSecret: call.clientSecret });
    if ('error' in result) element.send({ type: 'show-error', error: result.error });
    return result;
  } finally {
    element.send({ type: 'busy', busy: false });
  }
}


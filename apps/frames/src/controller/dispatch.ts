/**
 * Which flow answers which call: one module per payment method; the tabbed form's flow lives with
 * the form (src/payment).
 */
import type { ControllerCall, PaymentResult } from '@soxara/protocol';
import type { ControllerContext } from './context.ts';
import { confirmCard } from './confirm-card.ts';
import { retrievePayment } from './retrieve.ts';
import { confirmMomo } from './confirm-momo.ts';
import { confirmWallet } from './confirm-wallet.ts';
import { handleNextAction } from './handle-next-action.ts';
import { confirmPaymentElement } from '../payment/confirm-payment-element.ts';

export function dispatchCall(ctx: ControllerContext, call: ControllerCall): Promise<PaymentResult> {
  switch (call.method) {
    case 'retrieve-payment':
      return retrievePayment(ctx, call);
    case 'confirm-card':
      return confirmCard(ctx, call);
    case 'confirm-element': {
      const element = ctx.element(call.elementId);
      if (element?.kind === 'payment') {
        return confirmPaymentElement(ctx, call);
      }
      return confirmCard(ctx, { ...call, method: 'confirm-card' });
    }
    case 'confirm-momo':
      return confirmMomo(ctx, call);
    case 'confirm-wallet':
      return confirmWallet(ctx, call);
    case 'handle-next-action':
      return handleNextAction(ctx, call);
  }
}

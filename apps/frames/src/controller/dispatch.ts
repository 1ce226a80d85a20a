/** Which flow answers which call: one module per call. */
import type { ControllerCall, PaymentResult } from '@soxara/protocol';
import type { ControllerContext } from './context.ts';
import { confirmElement } from './confirm-element.ts';
import { confirmMomo } from './confirm-momo.ts';
import { confirmWallet } from './confirm-wallet.ts';
import { handleNextAction } from './handle-next-action.ts';
import { retrievePayment } from './retrieve.ts';

export function dispatchCall(ctx: ControllerContext, call: ControllerCall): Promise<PaymentResult> {
  switch (call.method) {
    case 'retrieve-payment':
      return retrievePayment(ctx, call);
    case 'confirm-element':
      return confirmElement(ctx, call);
    case 'confirm-momo':
      return confirmMomo(ctx, call);
    case 'confirm-wallet':
      return confirmWallet(ctx, call);
    case 'handle-next-action':
      return handleNextAction(ctx, call);
  }
}

/** Which flow answers which call: one module per call. */
import type { CallResult, ControllerCall } from '@soxara/protocol';
import type { ControllerContext } from './context.ts';
import { confirmElement } from './confirm-element.ts';
import { confirmMomo } from './confirm-momo.ts';
import { confirmWallet } from './confirm-wallet.ts';
import { handleNextAction } from './handle-next-action.ts';
import { fetchUpdates } from './fetch-updates.ts';
import { retrievePayment } from './retrieve.ts';
import { submitElement } from './submit-element.ts';

export function dispatchCall(ctx: ControllerContext, call: ControllerCall): Promise<CallResult> {
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
    case 'submit-element':
      return submitElement(ctx, call);
    case 'fetch-updates':
      return fetchUpdates(ctx, call);
  }
}

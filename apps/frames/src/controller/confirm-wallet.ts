/**
 * `confirmPayment({ clientSecret, paymentMethod: { type: 'soxara_wallet' } })`: start a wallet approval,
 * show it in a modal (an "Open Soxara" button on a phone, a QR code of the universal link on a
 * desktop, both reachable either way) and wait. An expired code is replaced by a fresh one.
 */
import type { ClientPayment, ControllerCall, ModalView, PaymentResult } from '@soxara/protocol';
import type { ControllerContext, ElementHandle } from './context.ts';
import { detectDevice, type DeviceKind } from './device.ts';
import { awaitCustomerAction } from './wait/await-customer-action.ts';
import { confirmAttempt, offlineWait } from './confirm-attempt.ts';
import { afterConfirm } from './confirm-momo.ts';

type WalletCall = Extract<ControllerCall, { method: 'confirm-wallet' }>;

/** `form`: the tabbed form the customer pressed Pay in, which shows the offline line. */
export async function confirmWallet(ctx: ControllerContext, call: WalletCall, form?: ElementHandle): Promise<PaymentResult> {
  const newAttempt = () => confirmAttempt(ctx.api, call.clientSecret, { type: 'soxara_wallet' }, offlineWait(ctx, form));
  const next = afterConfirm(ctx, call.clientSecret, await newAttempt());
  if ('result' in next) return next.result;
  return awaitWallet(ctx, call.clientSecret, next.pending);
}

export function awaitWallet(ctx: ControllerContext, clientSecret: string, pending: ClientPayment): Promise<PaymentResult> {
  const device = detectDevice();
  return awaitCustomerAction(ctx, pending, {
    kind: 'wallet',
    clientSecret,
    view: (payment) => walletView(payment, device, ctx.apiOrigin),
    newAttempt: () => confirmAttempt(ctx.api, clientSecret, { type: 'soxara_wallet' }, offlineWait(ctx)),
    refreshOnExpiry: true,
  });
}

/**
 * Only links the modal may safely open: the universal link over https (or on the API origin itself,
 * which is http in development) and the app link on the wallet's own scheme.
 */
export function walletView(payment: ClientPayment, device: DeviceKind, apiOrigin: string): ModalView | null {
  const action = payment.next_action;
  if (payment.status !== 'requires_action' || action?.type !== 'soxara_wallet_approval') return null;
  const { universal_link: universalLink, app_link: appLink, expires_at: expiresAt } = action.soxara_wallet_approval;
  if (!isSafeUniversalLink(universalLink, apiOrigin) || !/^soxara:\/\/[\w/?=&.-]+$/.test(appLink)) return null;
  return { kind: 'wallet', universalLink, appLink, amount: payment.amount, currency: payment.currency, expiresAt, device };
}

function isSafeUniversalLink(link: string, apiOrigin: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.origin === apiOrigin;
  } catch {
    return false;
  }
}

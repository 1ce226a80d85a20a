/** Settles a pending refund (run by the scheduler): the money moves back, or it fails for the test card. */
import type { Deps } from '../http/env.ts';
import { findPaymentAnyAccount, savePayment } from '../store/payments.ts';
import { findRefundAnyAccount, saveRefund } from '../store/refunds.ts';
import { REFUND_FAILURE_REASON } from '../test-values.ts';
import { notifyChanged } from '../payments/transitions.ts';

export function settleRefund(deps: Deps, refundId: string): void {
  const paymentId = deps.db.transaction((): string | null => {
    const record = findRefundAnyAccount(deps.db, refundId);
    if (!record || record.refund.status !== 'pending') return null;
    const { refund, accountId } = record;
    const payment = findPaymentAnyAccount(deps.db, refund.payment);
    if (!payment) return null;
    if (payment.refundsFail) {
      const failed = { ...refund, status: 'failed' as const, failure_reason: REFUND_FAILURE_REASON };
      saveRefund(deps.db, failed);
      deps.events.emit(accountId, 'refund.failed', failed);
      return null;
    }
    const succeeded = { ...refund, status: 'succeeded' as const };
    saveRefund(deps.db, succeeded);
    savePayment(deps.db, { ...payment.payment, amount_refunded: payment.payment.amount_refunded + refund.amount });
    deps.events.emit(accountId, 'refund.succeeded', succeeded);
    return payment.payment.id;
  })();
  if (paymentId) notifyChanged(deps, paymentId);
}

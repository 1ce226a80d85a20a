/**
 * Refunding a succeeded payment: the refund is created `pending` (refund.created) and settles shortly after
 * through a durable job (refund.succeeded, or refund.failed for the test card of test-values.ts).
 */
import type { Refund } from '@soxara/protocol';
import type { Deps } from '../http/env.ts';
import { ApiError, invalidRequest, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { findPayment } from '../store/payments.ts';
import { committedRefundAmount, insertRefund } from '../store/refunds.ts';
import { scheduleJob } from '../store/jobs.ts';
import { isoSeconds } from '../time.ts';

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface RefundInput {
  payment: string;
  amount?: number | undefined;
  reason?: RefundReason | undefined;
  metadata?: Record<string, string> | undefined;
}

export function createRefund(deps: Deps, accountId: string, input: RefundInput): Refund {
  return deps.db.transaction((): Refund => {
    const record = findPayment(deps.db, accountId, input.payment);
    if (!record) throw notFound(`payment: '${input.payment}'`, 'payment');
    const { payment } = record;
    if (payment.status !== 'succeeded') {
      throw invalidRequest(
        'payment_unexpected_state',
        `Only succeeded payments can be refunded; this payment's status is ${payment.status}.`,
        'payment',
      );
    }
    const left = payment.amount - committedRefundAmount(deps.db, payment.id);
    if (left <= 0) {
      throw invalidRequest('payment_already_refunded', 'This payment has already been refunded in full.', 'payment');
    }
    const amount = input.amount ?? left;
    if (amount > left) {
      throw new ApiError(400, {
        type: 'invalid_request_error',
        code: 'amount_too_large',
        message: `Refund amount (${amount}) is greater than what is left to refund on this payment (${left}).`,
        param: 'amount',
      });
    }
    const refund: Refund = {
      id: newId('re'),
      object: 'refund',
      payment: payment.id,
      amount,
      currency: payment.currency,
      status: 'pending',
      reason: input.reason ?? null,
      failure_reason: null,
      metadata: input.metadata ?? {},
      created_at: isoSeconds(),
    };
    insertRefund(deps.db, accountId, refund);
    deps.events.emit(accountId, 'refund.created', refund);
    scheduleJob(deps.db, 'refund_settle', refund.id, Date.now() + deps.config.refundDelayMs);
    return refund;
  })();
}

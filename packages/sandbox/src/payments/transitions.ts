/**
 * The status machine of a payment (DESIGN.md): requires_payment_method → requires_action → succeeded;
 * a failure returns to requires_payment_method with last_payment_error; canceled from any non-final state.
 * Each function changes the state, saves it and emits its event; the caller runs it inside one SQLite
 * transaction (so a committed change always has its event) and calls `notifyChanged` after the commit.
 */
import type { NextAction, Payment, PaymentError, PaymentMethodDetails } from '@soxara/protocol';
import type { Deps } from '../http/env.ts';
import { savePayment, supersedePendingActions } from '../store/payments.ts';
import { isoSeconds } from '../time.ts';

export type Customer = NonNullable<Payment['customer']>;

function save(deps: Deps, accountId: string, payment: Payment, eventType: string, refundsFail?: boolean): Payment {
  savePayment(deps.db, payment, refundsFail);
  deps.events.emit(accountId, eventType, payment);
  return payment;
}

export function toRequiresAction(
  deps: Deps,
  accountId: string,
  payment: Payment,
  method: PaymentMethodDetails,
  nextAction: NextAction,
  customer: Customer | null,
): Payment {
  return save(deps, accountId, {
    ...payment,
    status: 'requires_action',
    payment_method: method,
    next_action: nextAction,
    last_payment_error: null,
    customer: customer ?? payment.customer,
  }, 'payment.requires_action');
}

export function toSucceeded(
  deps: Deps,
  accountId: string,
  payment: Payment,
  method: PaymentMethodDetails,
  customer: Customer | null,
  refundsFail = false,
): Payment {
  supersedePendingActions(deps.db, payment.id);
  return save(deps, accountId, {
    ...payment,
    status: 'succeeded',
    payment_method: method,
    next_action: null,
    last_payment_error: null,
    customer: customer ?? payment.customer,
    succeeded_at: isoSeconds(),
  }, 'payment.succeeded', refundsFail);
}

export function toFailed(
  deps: Deps,
  accountId: string,
  payment: Payment,
  method: PaymentMethodDetails,
  error: PaymentError,
): Payment {
  supersedePendingActions(deps.db, payment.id);
  return save(deps, accountId, {
    ...payment,
    status: 'requires_payment_method',
    payment_method: method,
    next_action: null,
    last_payment_error: error,
  }, 'payment.failed');
}

export function toCanceled(deps: Deps, accountId: string, payment: Payment): Payment {
  supersedePendingActions(deps.db, payment.id);
  return save(deps, accountId, {
    ...payment,
    status: 'canceled',
    next_action: null,
    canceled_at: isoSeconds(),
  }, 'payment.canceled');
}

export function notifyChanged(deps: Deps, paymentId: string): void {
  deps.notifier?.notify(paymentId);
}

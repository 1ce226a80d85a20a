/**
 * How a payment that stopped waiting becomes what `confirmPayment` resolves to. Shared by every flow
 * that waits (MoMo, wallet, 3-D Secure in a modal, resume), so the same outcome always reads the same.
 */
import type { ClientPayment, ErrorInfo, Locale, PaymentResult } from '@soxara/protocol';
import { waitCopy } from './copy.ts';
import type { WaitOutcome } from './wait-for-outcome.ts';

function paymentRef(payment: Pick<ClientPayment, 'id' | 'status'>): { id: string; status: string } {
  return { id: payment.id, status: payment.status };
}

/** A payment that is no longer `requires_action`. */
export function resultOfPayment(payment: ClientPayment, locale: Locale): PaymentResult {
  const copy = waitCopy(locale);
  switch (payment.status) {
    case 'succeeded':
      return { paymentIntent: payment };
    case 'requires_payment_method': {
      const failure = payment.last_payment_error;
      if (failure) {
        const error: ErrorInfo = { type: failure.type, code: failure.code, message: failure.message, payment_intent: paymentRef(payment) };
        if (failure.decline_code) error.decline_code = failure.decline_code;
        if (failure.param) error.param = failure.param;
        return { error };
      }
      return { error: { type: 'invalid_request_error', code: 'payment_unexpected_state', message: copy.unexpectedState, payment_intent: paymentRef(payment) } };
    }
    case 'canceled':
      return { error: { type: 'invalid_request_error', code: 'payment_canceled', message: copy.paymentCanceled, payment_intent: paymentRef(payment) } };
    case 'requires_action':
      return { error: { type: 'invalid_request_error', code: 'payment_unexpected_state', message: copy.unexpectedState, payment_intent: paymentRef(payment) } };
  }
}

/**
 * The wait ended without an answer. Never "failed": the customer may have approved, and a false
 * failure makes them pay twice (shared/research/momo-wallet.md §5.1).
 */
export function unknownOutcome(paymentId: string | null, locale: Locale, lastError?: ErrorInfo): PaymentResult {
  const error: ErrorInfo = {
    type: lastError?.type === 'api_connection_error' ? 'api_connection_error' : 'api_error',
    code: 'payment_outcome_unknown',
    message: waitCopy(locale).outcomeUnknown,
  };
  if (paymentId) error.payment_intent = { id: paymentId, status: 'requires_action' };
  return { error };
}

export function resultOfWait(outcome: Exclude<WaitOutcome, { kind: 'aborted' }>, paymentId: string, locale: Locale): PaymentResult {
  return outcome.kind === 'settled' ? resultOfPayment(outcome.payment, locale) : unknownOutcome(paymentId, locale, outcome.lastError);
}

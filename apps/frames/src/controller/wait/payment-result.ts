/**
 * How a payment that stopped waiting becomes what `confirmPayment` resolves to. Shared by every flow
 * that waits (MoMo, wallet, 3-D Secure in a modal, resume), so the same outcome always reads the same.
 */
import {
  PAYMENT_CANCELED,
  PAYMENT_OUTCOME_UNKNOWN,
  PAYMENT_UNEXPECTED_STATE,
  type ClientPayment,
  type ErrorInfo,
  type Locale,
  type PaymentResult,
} from '@soxara/protocol';
import { inLocale } from '../error-copy.ts';
import type { WaitOutcome } from './wait-for-outcome.ts';

function paymentRef(payment: Pick<ClientPayment, 'id' | 'status'>): { id: string; status: string } {
  return { id: payment.id, status: payment.status };
}

/** A payment that is no longer `requires_action`. */
export function resultOfPayment(payment: ClientPayment, locale: Locale): PaymentResult {
  switch (payment.status) {
    case 'succeeded':
      return { paymentIntent: payment };
    case 'requires_payment_method': {
      const failure = payment.last_payment_error;
      if (failure) {
        const error: ErrorInfo = { type: failure.type, code: failure.code, message: failure.message, payment_intent: paymentRef(payment) };
        if (failure.decline_code) error.decline_code = failure.decline_code;
        if (failure.param) error.param = failure.param;
        return { error: inLocale(error, locale) };
      }
      return { error: inLocale({ ...PAYMENT_UNEXPECTED_STATE, payment_intent: paymentRef(payment) }, locale) };
    }
    case 'canceled':
      return { error: inLocale({ ...PAYMENT_CANCELED, payment_intent: paymentRef(payment) }, locale) };
    case 'requires_action':
      return { error: inLocale({ ...PAYMENT_UNEXPECTED_STATE, payment_intent: paymentRef(payment) }, locale) };
  }
}

/**
 * The wait ended without an answer. Never "failed": the customer may have approved, and a false
 * failure makes them pay twice.
 */
export function unknownOutcome(paymentId: string | null, locale: Locale, lastError?: ErrorInfo): PaymentResult {
  const error: ErrorInfo = { ...PAYMENT_OUTCOME_UNKNOWN };
  if (lastError?.type === 'api_connection_error') error.type = 'api_connection_error';
  if (paymentId) error.payment_intent = { id: paymentId, status: 'requires_action' };
  return { error: inLocale(error, locale) };
}

export function resultOfWait(outcome: Exclude<WaitOutcome, { kind: 'aborted' }>, paymentId: string, locale: Locale): PaymentResult {
  return outcome.kind === 'settled' ? resultOfPayment(outcome.payment, locale) : unknownOutcome(paymentId, locale, outcome.lastError);
}

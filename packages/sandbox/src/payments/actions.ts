/**
 * Ending a pending customer action: the customer approves or declines (simulator page or test helper),
 * the operator answers (a scheduled MoMo outcome), the prompt expires, or the checkout withdraws it (the
 * customer pressed Cancel: a late approval on the phone must not charge them). Only a still-pending action of a
 * payment still in requires_action counts; anything else is stale and ignored (returns null).
 */
import type { Payment, PaymentError } from '@soxara/protocol';
import type { Deps } from '../http/env.ts';
import { findAction, findPaymentAnyAccount, setActionState, type ActionKind, type ActionRow } from '../store/payments.ts';
import { customerId } from './confirm.ts';
import { notifyChanged, toFailed, toSucceeded } from './transitions.ts';

export type ActionOutcome = 'approve' | 'decline' | 'insufficient_funds' | 'expire' | 'cancel';

function failureOf(kind: ActionKind, outcome: Exclude<ActionOutcome, 'approve'>): PaymentError {
  if (kind === 'three_ds') {
    return outcome === 'cancel'
      ? { type: 'card_error', code: 'payment_intent_authentication_failure', message: 'The customer closed the 3-D Secure challenge.' }
      : { type: 'card_error', code: 'authentication_failed', message: '3-D Secure authentication failed.' };
  }
  const type = kind === 'momo' ? 'momo_error' : 'wallet_error';
  const who = kind === 'momo' ? 'MoMo PIN prompt' : 'Soxara wallet request';
  switch (outcome) {
    case 'cancel':
      return { type, code: 'customer_canceled', message: `The customer canceled the ${who} at checkout.` };
    case 'decline':
      return { type, code: 'approval_rejected', message: `The customer declined the ${who}.` };
    case 'insufficient_funds':
      return { type, code: 'insufficient_funds', message: 'The mobile money account has insufficient funds.' };
    case 'expire':
      return { type, code: 'prompt_expired', message: `The ${who} expired before the customer answered.` };
  }
}

export function resolveAction(deps: Deps, token: string, outcome: ActionOutcome): { action: ActionRow; payment: Payment } | null {
  const result = deps.db.transaction(() => {
    const action = findAction(deps.db, token);
    if (!action || action.state !== 'pending') return null;
    if (outcome === 'expire' && action.kind === 'three_ds') return null;
    const record = findPaymentAnyAccount(deps.db, action.payment_id);
    if (!record || record.payment.status !== 'requires_action' || !record.payment.payment_method) return null;
    const { payment } = record;
    const method = record.payment.payment_method;
    if (outcome === 'approve') {
      setActionState(deps.db, token, 'approved');
      const customer =
        action.kind === 'wallet'
          ? { id: customerId(action.account_id, `wallet:${payment.id}`), phone_number: null, country_code: 'LR' }
          : null;
      return { action, payment: toSucceeded(deps, action.account_id, payment, method, customer) };
    }
    setActionState(deps.db, token, outcome === 'expire' ? 'expired' : outcome === 'cancel' ? 'canceled' : 'declined');
    return { action, payment: toFailed(deps, action.account_id, payment, method, failureOf(action.kind, outcome)) };
  })();
  if (result) notifyChanged(deps, result.payment.id);
  return result;
}

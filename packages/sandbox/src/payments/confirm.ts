/**
 * Confirming a payment with a payment method: the card outcome is immediate (or a 3-D Secure challenge);
 * MoMo and the wallet start a customer action whose outcome a durable job (or the customer) decides.
 *
 * Confirming while a previous attempt is still `requires_action` replaces that attempt (as Stripe allows):
 * its token stops working and its scheduled outcome is ignored. That lets a customer who gave up on a
 * MoMo prompt pay by card without waiting for the prompt to expire.
 */
import { createHash } from 'node:crypto';
import type { MomoProvider, Payment, PaymentError, PaymentMethodDetails } from '@soxara/protocol';
import type { Deps } from '../http/env.ts';
import { invalidRequest } from '../http/errors.ts';
import { newActionToken } from '../ids.ts';
import { insertAction, supersedePendingActions, type ActionKind, type ActionScenario } from '../store/payments.ts';
import { scheduleJob } from '../store/jobs.ts';
import { cardOutcome, momoScenario } from '../test-values.ts';
import { maskPhoneNumber, USSD_CODES } from '../phone.ts';
import { isoSeconds } from '../time.ts';
import { publicUrlOf } from '../public-url.ts';
import { toFailed, toRequiresAction, toSucceeded, type Customer } from './transitions.ts';

export interface CardInput {
  number: string;
  brand: string;
  expMonth: number;
  expYear: number;
}

export type ConfirmMethod =
  | { type: 'card'; card: CardInput }
  | { type: 'momo'; provider: MomoProvider; e164: string }
  | { type: 'soxara_wallet' };

export interface ConfirmResult {
  payment: Payment;
  /** Set when the confirm itself was declined (a card decline): the route answers 402. */
  decline: PaymentError | null;
}

export function assertConfirmable(payment: Payment): void {
  if (payment.status === 'succeeded' || payment.status === 'canceled') {
    throw invalidRequest(
      'payment_unexpected_state',
      `This payment's status is ${payment.status}, so it cannot be confirmed.`,
    );
  }
}

/** Runs inside the caller's transaction. */
export function confirmPayment(
  deps: Deps,
  accountId: string,
  payment: Payment,
  method: ConfirmMethod,
  returnUrl: string | null,
): ConfirmResult {
  assertConfirmable(payment);
  supersedePendingActions(deps.db, payment.id);
  switch (method.type) {
    case 'card':
      return confirmCard(deps, accountId, payment, method.card, returnUrl);
    case 'momo':
      return confirmMomo(deps, accountId, payment, method.provider, method.e164);
    case 'soxara_wallet':
      return confirmWallet(deps, accountId, payment);
  }
}

function confirmCard(deps: Deps, accountId: string, payment: Payment, card: CardInput, returnUrl: string | null): ConfirmResult {
  const details: PaymentMethodDetails = {
    type: 'card',
    card: { brand: card.brand, last4: card.number.slice(-4), exp_month: card.expMonth, exp_year: card.expYear },
  };
  const outcome = cardOutcome(card.number);
  switch (outcome.kind) {
    case 'succeed':
    case 'succeed_refunds_fail':
      return {
        payment: toSucceeded(deps, accountId, payment, details, null, outcome.kind === 'succeed_refunds_fail'),
        decline: null,
      };
    case 'decline': {
      const error: PaymentError = {
        type: 'card_error',
        code: outcome.code,
        decline_code: outcome.declineCode,
        message: outcome.message,
      };
      return { payment: toFailed(deps, accountId, payment, details, error), decline: error };
    }
    case 'three_ds': {
      const token = startAction(deps, payment, accountId, 'three_ds', 'customer', returnUrl, null);
      const base = publicUrlOf(deps);
      const next = {
        type: 'redirect_to_url' as const,
        redirect_to_url: {
          url: `${base}/simulators/3ds/${token}`,
          return_url: returnUrl ?? `${base}/simulators/3ds/${token}/done`,
        },
      };
      return { payment: toRequiresAction(deps, accountId, payment, details, next, null), decline: null };
    }
  }
}

function confirmMomo(deps: Deps, accountId: string, payment: Payment, provider: MomoProvider, e164: string): ConfirmResult {
  const masked = maskPhoneNumber(e164);
  const details: PaymentMethodDetails = { type: 'momo', momo: { provider, phone_number_masked: masked } };
  const scenario = momoScenario(e164);
  const now = Date.now();
  const expiresAt = now + deps.config.momoExpiryMs;
  const token = startAction(deps, payment, accountId, 'momo', scenario, null, expiresAt);
  if (scenario !== 'no_answer') scheduleJob(deps.db, 'action_outcome', token, now + deps.config.momoDelayMs);
  const next = {
    type: 'momo_pin_prompt' as const,
    momo_pin_prompt: {
      provider,
      phone_number_masked: masked,
      expires_at: isoSeconds(expiresAt),
      ussd_code: USSD_CODES[provider],
      simulator_url: `${publicUrlOf(deps)}/simulators/momo/${token}`,
    },
  };
  const customer: Customer = { id: customerId(accountId, e164), phone_number: e164, country_code: 'LR' };
  return { payment: toRequiresAction(deps, accountId, payment, details, next, customer), decline: null };
}

function confirmWallet(deps: Deps, accountId: string, payment: Payment): ConfirmResult {
  const expiresAt = Date.now() + deps.config.momoExpiryMs;
  const token = startAction(deps, payment, accountId, 'wallet', 'customer', null, expiresAt);
  const details: PaymentMethodDetails = { type: 'soxara_wallet', soxara_wallet: {} };
  const next = {
    type: 'soxara_wallet_approval' as const,
    soxara_wallet_approval: {
      universal_link: `${publicUrlOf(deps)}/simulators/wallet/${token}`,
      app_link: `soxara://pay/${token}`,
      expires_at: isoSeconds(expiresAt),
    },
  };
  return { payment: toRequiresAction(deps, accountId, payment, details, next, null), decline: null };
}

function startAction(
  deps: Deps,
  payment: Payment,
  accountId: string,
  kind: ActionKind,
  scenario: ActionScenario,
  returnUrl: string | null,
  expiresAt: number | null,
): string {
  const token = newActionToken();
  insertAction(deps.db, {
    token,
    payment_id: payment.id,
    account_id: accountId,
    kind,
    scenario,
    return_url: returnUrl,
    state: 'pending',
    created_at: Date.now(),
    expires_at: expiresAt,
  });
  if (expiresAt !== null) scheduleJob(deps.db, 'action_expiry', token, expiresAt);
  return token;
}

/** The same phone number is the same sandbox customer within an account. */
export function customerId(accountId: string, phoneNumber: string): string {
  return `usr_${createHash('sha256').update(`${accountId}:${phoneNumber}`).digest('hex').slice(0, 20)}`;
}

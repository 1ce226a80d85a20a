/**
 * Answering the customer's step of a MoMo or wallet payment — the PIN prompt on their phone, the
 * approval in their wallet app — through the sandbox's test-helper routes, as the customer would.
 *
 * The payment is named by its id or client secret, or found from a Playwright page: the Soxara
 * controller frame's `POST /v1/payments/:id/confirm` is among the page's recent requests.
 */
import type { Page } from '@playwright/test';
import type { Payment } from '@soxara/protocol/rest';
import { resolveOptions, sandboxClient, type SandboxOptions } from './config.ts';

export type PaymentTarget = string | Page;

const PAYMENT_ID = /^(pi_[A-Za-z0-9]+)(?:_secret_[A-Za-z0-9]+)?$/;
const CONFIRM_PATH = /\/v1\/payments\/(pi_[A-Za-z0-9]+)\/confirm(?:\?|$)/;

export async function approveMomo(target: PaymentTarget, options?: SandboxOptions): Promise<Payment> {
  return answer(target, 'approve', 'momo', options);
}
export async function declineMomo(target: PaymentTarget, options?: SandboxOptions): Promise<Payment> {
  return answer(target, 'decline', 'momo', options);
}
export async function approveWallet(target: PaymentTarget, options?: SandboxOptions): Promise<Payment> {
  return answer(target, 'approve', 'soxara_wallet', options);
}
export async function declineWallet(target: PaymentTarget, options?: SandboxOptions): Promise<Payment> {
  return answer(target, 'decline', 'soxara_wallet', options);
}

async function answer(
  target: PaymentTarget,
  decision: 'approve' | 'decline',
  method: 'momo' | 'soxara_wallet',
  options?: SandboxOptions,
): Promise<Payment> {
  const resolved = resolveOptions(options);
  const deadline = Date.now() + resolved.timeoutMs;
  const paymentId = typeof target === 'string' ? paymentIdOf(target) : await paymentIdFromPage(target, deadline);
  const soxara = sandboxClient(resolved);
  const payment = await waitForCustomerAction(soxara, paymentId, deadline);
  // The sandbox approves by itself after SOXARA_MOMO_DELAY_MS: an approval that comes second is moot.
  if (payment.status === 'succeeded' && decision === 'approve') return payment;
  if (payment.status === 'succeeded') throw new Error(`${paymentId} already succeeded (the sandbox's synthetic delay ran out); use a test number that never answers to decline`);
  if (payment.payment_method !== method) {
    throw new Error(`${paymentId} waits for a ${payment.payment_method ?? 'unknown'} action, not ${method}`);
  }
  return decision === 'approve' ? soxara.testHelpers.payments.approve(paymentId) : soxara.testHelpers.payments.decline(paymentId);
}

export function paymentIdOf(idOrClientSecret: string): string {
  const match = PAYMENT_ID.exec(idOrClientSecret);
  if (!match?.[1]) throw new Error(`Not a payment id or client secret: ${idOrClientSecret}`);
  return match[1];
}

/** The payment most recently confirmed from this page (by any of its frames). */
export async function paymentIdFromPage(page: Page, deadline = Date.now() + 15_000): Promise<string> {
  for (;;) {
    const requests = await page.requests();
    for (let i = requests.length - 1; i >= 0; i--) {
      const request = requests[i]!;
      const match = request.method() === 'POST' ? CONFIRM_PATH.exec(request.url()) : null;
      if (match?.[1]) return match[1];
    }
    if (Date.now() > deadline) throw new Error('No Soxara payment was confirmed from this page');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Long-polls until the payment waits for the customer (`requires_action`), or has already succeeded. */
async function waitForCustomerAction(soxara: ReturnType<typeof sandboxClient>, paymentId: string, deadline: number): Promise<Payment> {
  let payment = await soxara.payments.retrieve(paymentId);
  while (payment.status !== 'requires_action') {
    if (payment.status === 'succeeded') return payment;
    const left = Math.ceil((deadline - Date.now()) / 1000);
    if (left <= 0 || payment.status === 'canceled') {
      throw new Error(`${paymentId} is ${payment.status}, not waiting for the customer`);
    }
    payment = await soxara.payments.retrieve(paymentId, { wait: Math.min(left, 5), if_status: payment.status });
  }
  return payment;
}

/** The test merchant's pages and server-side reads (e2e/support/merchant-server.ts). */
import type { Page } from '@playwright/test';
import { stack } from '../stack.ts';

export type CheckoutPage =
  | 'guide' | 'result' | 'modal' | 'own-button' | 'one-line' | 'strict-csp' | 'no-frames' | 'momo' | 'tabs' | 'momo-guide'
  | 'look' | 'layout-shift' | 'phone' | 'phone-tabs';

export interface PaymentView {
  id: string;
  status: string;
  amount: number;
  last_payment_error: { code: string; decline_code?: string } | null;
  payment_method: 'card' | 'momo' | 'soxara_wallet' | null;
  payment_method_details:
    | { type: 'card'; card: { brand: string; last4: string } }
    | { type: 'momo'; momo: { provider: string; phone_number_masked: string } }
    | { type: 'soxara_wallet' }
    | null;
}

/** A checkout page of the test merchant; each visit makes a new payment (unless `payment=pi_…`). */
export function checkoutUrl(name: CheckoutPage | 'clickjack', query: Record<string, string> = {}): string {
  const url = new URL(`/${name}`, stack.merchantUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}

export async function openCheckout(page: Page, name: CheckoutPage, query: Record<string, string> = {}): Promise<{ paymentId: string }> {
  await page.goto(checkoutUrl(name, query));
  const paymentId = await page.locator('meta[name="payment-id"]').getAttribute('content');
  if (!paymentId) throw new Error('checkout page has no payment id');
  return { paymentId };
}

/** Server-side reads go to the loopback address the server binds (Node may try ::1 for localhost). */
const merchantServer = stack.merchantUrl.replace('localhost', '127.0.0.1');

/** The payment as the merchant's server sees it (secret key). */
export async function serverPayment(paymentId: string): Promise<PaymentView> {
  const response = await fetch(`${merchantServer}/payments/${paymentId}`);
  const body = (await response.json()) as { data: PaymentView };
  return body.data;
}

/** Events of one payment, newest first, as the merchant's server sees them (the one paged reader). */
export { eventsOf as serverEvents } from '../events.ts';

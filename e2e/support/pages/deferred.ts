/**
 * The deferred checkout of the test merchant (`/deferred`, fixtures/deferred.html): a form made with
 * `elements({ mode: 'payment', amount, currency })` before any payment exists, submitted, then
 * confirmed with the payment the merchant's server makes on submit. What the page saw is kept in
 * `window.__soxara`; these helpers wait for it to arrive, never for a duration.
 */
import { expect, type Page } from '@playwright/test';
import { stack } from '../stack.ts';
import { CardFrame, FRAME_TITLES } from './card-frame.ts';

export interface DeferredOutcome {
  submits: Array<{ error?: { type: string; code: string; message: string } }>;
  results: Array<{ paymentIntent?: { id: string; status: string; amount: number }; error?: { type: string; code: string; param?: string; message: string } }>;
  thrown: Array<{ name: string; code?: string; message: string }>;
  /** Ids of the payments the merchant's server created, in order. */
  payments: string[];
}

export interface DeferredQuery {
  amount?: number;
  currency?: 'USD' | 'LRD';
  methods?: string;
  redirect?: 'always' | 'if_required';
  server_amount?: number;
  server_currency?: 'USD' | 'LRD';
  submit?: 'skip';
}

export class DeferredCheckout {
  readonly card: CardFrame;

  constructor(readonly page: Page, tabbed = false) {
    this.card = new CardFrame(page, tabbed ? FRAME_TITLES.payment : FRAME_TITLES.card);
  }

  static async open(page: Page, query: DeferredQuery = {}): Promise<DeferredCheckout> {
    const url = new URL('/deferred', stack.merchantUrl);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    await page.goto(url.href);
    const checkout = new DeferredCheckout(page, query.methods !== undefined);
    await checkout.card.frame.locator('body').waitFor();
    return checkout;
  }

  get frame() {
    return this.card.frame;
  }

  outcome(): Promise<DeferredOutcome> {
    return this.page.evaluate(() => (window as unknown as { __soxara: DeferredOutcome }).__soxara);
  }

  /** Waits until the page has recorded `count` entries in `key`, then returns the outcome. */
  async waitFor(key: keyof DeferredOutcome, count = 1, timeout = 20_000): Promise<DeferredOutcome> {
    await expect.poll(async () => (await this.outcome())[key].length, { timeout }).toBeGreaterThanOrEqual(count);
    return this.outcome();
  }
}

/** The payment as the merchant's server sees it (secret key), via the test merchant. */
export async function changePaymentAmount(paymentId: string, amount: number): Promise<void> {
  const response = await fetch(`${stack.merchantUrl.replace('localhost', '127.0.0.1')}/payments/${paymentId}?amount=${amount}`, { method: 'POST' });
  if (!response.ok) throw new Error(`payment update failed: ${response.status} ${await response.text()}`);
}

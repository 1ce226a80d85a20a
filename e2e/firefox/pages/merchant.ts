/** The test merchant's pages as the Firefox suite opens them (the Chromium suite's URLs and reads). */
import type { Page } from 'puppeteer-core';
import { stack } from '../../support/stack.ts';
import { checkoutUrl, type CheckoutPage } from '../../support/pages/merchant.ts';

export { serverPayment, serverEvents } from '../../support/pages/merchant.ts';

export async function openCheckout(page: Page, name: CheckoutPage | 'clickjack', query: Record<string, string> = {}): Promise<{ paymentId: string }> {
  await page.goto(checkoutUrl(name, query));
  const paymentId = await page.$eval('meta[name="payment-id"]', (meta) => meta.getAttribute('content'));
  if (!paymentId) throw new Error('checkout page has no payment id');
  return { paymentId };
}

/** The text the fixtures' `<output id="result">` shows once `confirmPayment` settles. */
export async function pageResult(page: Page, timeout = 20_000): Promise<string> {
  const handle = await page.waitForFunction(() => document.getElementById('result')?.textContent || null, { timeout });
  return String(await handle.jsonValue());
}

/** Resolves with the merchant return page's query once the browser lands there. */
export async function returnParams(page: Page, timeout = 20_000): Promise<URLSearchParams> {
  await urlStartsWith(page, `${stack.merchantUrl}/return?`, timeout);
  return new URL(page.url()).searchParams;
}

/** Resolves once the top-level page is at a URL starting `prefix` (read from outside: it survives navigations). */
export async function urlStartsWith(page: Page, prefix: string, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!page.url().startsWith(prefix)) {
    if (Date.now() > deadline) throw new Error(`the page stayed at ${page.url()}, not ${prefix}…`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

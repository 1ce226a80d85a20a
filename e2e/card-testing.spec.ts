/**
 * Checklist D15 in the browser: after a card-testing burst (SOXARA_CARD_TESTING_LIMIT declined card
 * confirms from one client, 50 on the e2e stack), the sandbox answers 429 `rate_limit_error`, and the
 * checkout must show the customer something they can act on, resolve `{error}` for the merchant, and
 * charge nothing. The burst runs on a sandbox account of its own (the merchant server's
 * `/own-account` page), so the limit it trips never reaches the other suites' account.
 */
import { expect, test, type Page } from '@playwright/test';
import { CardFrame, TEST_CARDS } from './support/pages/card-frame.ts';
import { stack } from './support/stack.ts';

const LIMIT = 50;
/** Under the sandbox's per-payment limit of 20 confirms a minute, so only the card-testing limit trips. */
const CONFIRMS_PER_PAYMENT = 17;
const SPARE_PAYMENTS = Math.ceil(LIMIT / CONFIRMS_PER_PAYMENT);

/** What a card tester does with the page's publishable key: declined confirms, straight at the API. */
async function confirmDeclined(publishableKey: string, clientSecret: string): Promise<number> {
  const paymentId = clientSecret.split('_secret_')[0]!;
  const response = await fetch(`${stack.apiUrl}/v1/payments/${paymentId}/confirm`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${publishableKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_secret: clientSecret,
      payment_method: { type: 'card', card: { number: '4000000000000002', exp_month: 12, exp_year: 2034, cvc: '123' } },
    }),
  });
  return response.status;
}

async function clientStatus(publishableKey: string, paymentId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/v1/payments/${paymentId}?client_secret=${encodeURIComponent(clientSecret)}`, {
    headers: { Authorization: `Bearer ${publishableKey}` },
  });
  return ((await response.json()) as { data: { status: string } }).data.status;
}

const meta = (page: Page, name: string) => page.locator(`meta[name="${name}"]`);

test('D15 after a card-testing burst the checkout says to wait, resolves rate_limit_error and charges nothing', async ({ page }) => {
  test.setTimeout(60_000);
  const confirms: number[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && /\/v1\/payments\/[^/]+\/confirm$/.test(new URL(response.url()).pathname)) confirms.push(response.status());
  });
  await page.goto(`${stack.merchantUrl}/own-account?spare=${SPARE_PAYMENTS}`);
  const publishableKey = (await meta(page, 'publishable-key').getAttribute('content'))!;
  const paymentId = (await meta(page, 'payment-id').getAttribute('content'))!;
  const spares = await meta(page, 'spare-payment').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content')!));

  // The burst, from this machine's address as the browser's is: LIMIT declines over the spare payments.
  const statuses: number[] = [];
  for (const clientSecret of spares) {
    for (let i = 0; i < CONFIRMS_PER_PAYMENT && statuses.length < LIMIT; i++) statuses.push(await confirmDeclined(publishableKey, clientSecret));
  }
  expect(statuses).toEqual(Array(LIMIT).fill(402));

  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await card.cvc.press('Enter');

  await expect(page.getByLabel('result')).toHaveText(/^error rate_limit_error rate_limited/);
  await expect(card.alert).toContainText('Too many attempts in a short time. Wait a few minutes, then try again.');
  // One request: a 429 is not retried inside the window that refused it.
  expect(confirms).toEqual([429]);
  // Nothing charged: the checkout's payment, read as the page may (publishable key + its client secret).
  const checkoutSecret = new RegExp(`${paymentId}_secret_\\w+`).exec(await page.content())![0];
  expect(await clientStatus(publishableKey, paymentId, checkoutSecret)).toBe('requires_payment_method');
});

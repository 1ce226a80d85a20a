/**
 * The React bindings with the real Soxara.js in Chromium, under StrictMode in React's development
 * build (mount → unmount → mount of every component, here of a `<PaymentElement>` shown once its
 * form exists, so the real form is mounted, unmounted and mounted again): one form frame and one controller frame on the
 * page, each event delivered to its prop once, a payment that goes through, and nothing of Soxara's
 * left in the page once React unmounts the checkout. The merchant page is a bare page of the test
 * merchant's origin; everything of Soxara's is the real stack.
 */
import { expect, test, type Page } from '@playwright/test';
import { bundleReactCheckoutForBrowser, type BrowserCheckout, type CheckoutRecord } from '../packages/react-soxara-js/test/browser-bundle.ts';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { serverPayment } from './support/pages/merchant.ts';
import { stack } from './support/stack.ts';

type Window = { ReactCheckout: BrowserCheckout; record: CheckoutRecord };

async function createPayment(): Promise<{ id: string; client_secret: string }> {
  const response = await fetch(`${stack.apiUrl}/v1/payments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ amount: 1250, currency: 'USD', description: 'React StrictMode e2e' }),
  });
  return ((await response.json()) as { data: { id: string; client_secret: string } }).data;
}

async function mountStrictCheckout(page: Page): Promise<{ paymentId: string; record: () => Promise<CheckoutRecord> }> {
  // A page of a real server (as e2e/demo-loader.spec.ts explains), with the checkout script added.
  await page.goto(`${stack.merchantUrl}/health`);
  await page.addScriptTag({ content: await bundleReactCheckoutForBrowser() });
  const payment = await createPayment();
  await page.evaluate(
    ({ jsUrl, publishableKey, clientSecret }) => {
      const w = window as unknown as Window;
      w.record = w.ReactCheckout.mount({ jsUrl, publishableKey, clientSecret });
    },
    { jsUrl: stack.jsUrl, publishableKey: stack.publishableKey, clientSecret: payment.client_secret },
  );
  // The form exists once Soxara.js has loaded; the customer then moves on to the payment step.
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  return { paymentId: payment.id, record: () => page.evaluate(() => ({ ...(window as unknown as Window).record })) };
}

const soxaraFrames = (page: Page) => page.locator(`iframe[title="${FRAME_TITLES.card}"], iframe[title="${FRAME_TITLES.payment}"]`);

test('StrictMode: one form frame, one controller, one ready, one change per state change; the payment goes through', async ({ page }) => {
  const { paymentId, record } = await mountStrictCheckout(page);
  const card = new CardFrame(page);
  await card.waitUntilReady();
  await expect(soxaraFrames(page)).toHaveCount(1);
  await expect(page.locator(`iframe[title="${FRAME_TITLES.controller}"]`)).toHaveCount(1);
  await expect.poll(async () => (await record()).readies).toBe(1);

  // Empty → not empty is one state change: one change event, one call of the prop.
  await card.number.pressSequentially('4');
  await expect.poll(async () => (await record()).changes).toBe(1);

  await card.fill({ number: TEST_CARDS.success });
  await page.getByRole('button', { name: 'Pay from the page' }).click();
  await expect.poll(async () => (await record()).result, { timeout: 20_000 }).toBe('paymentIntent succeeded');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
});

test('unmounting the React checkout removes its frame from the page', async ({ page }) => {
  await mountStrictCheckout(page);
  await new CardFrame(page).waitUntilReady();
  await page.evaluate(() => (window as unknown as Window).ReactCheckout.unmount());
  await expect(soxaraFrames(page)).toHaveCount(0);
});

/**
 * The React shop (apps/react-demo: Vite + React on @soxara/react-soxara-js) paying through
 * `<PaymentElement>` across the three origins: card, 3-D Secure in the modal, MoMo and the Soxara
 * wallet, each ending with the order paid by the webhook; and an options change (the language)
 * reaching the mounted form through `elements.update()` without a remount.
 */
import { expect, test, type Page } from '@playwright/test';
import { approveMomo, approveWallet, configureSoxaraTesting, TEST_PHONES } from '../packages/testing/src/index.ts';
import { clickPayButton, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { ReactShop } from './support/pages/react-shop.ts';
import { ThreeDsModal } from './support/pages/three-ds.ts';
import { stack } from './support/stack.ts';

const shop = new ReactShop(stack.reactDemoUrl);
configureSoxaraTesting({ apiUrl: stack.apiUrl, secretKey: stack.secretKey });

test.beforeAll(async () => {
  // scripts/start.ts starts the shop beside the JS origin Playwright waits for.
  await expect.poll(() => fetch(`${shop.serverUrl}/health`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);
});

/** CSP reports of the shop's own page (the frames have their own policy and tests). */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function thanks(page: Page, orderId: number): Promise<void> {
  await page.waitForURL(`${stack.reactDemoUrl}/orders/${orderId}`);
  await expect(page.getByRole('heading', { name: `Thank you: payment received for order #${orderId}` })).toBeVisible({ timeout: 20_000 });
  const order = await shop.waitForStatus(orderId, 'paid');
  expect(order.events.map((event) => event.type)).toContain('payment.succeeded');
}

test('card 4242: paid from <PaymentElement>, the webhook marks the order paid, under a strict CSP', async ({ page }) => {
  const violations = collectCspViolations(page);
  const orderId = await shop.placeOrder(page, 2);
  await expect(page.getByTestId('order-total')).toHaveText(/\$25\.00$/);
  const form = shop.paymentElement(page);
  await expect(form.iframe).toHaveCount(1);
  await form.fill({ number: TEST_CARDS.success });
  await form.pay();
  await thanks(page, orderId);
  expect((await shop.order(orderId)).amount).toBe(2500);
  expect(violations).toEqual([]);
});

test('3-D Secure: the challenge opens over the React page, is completed, and the order is paid', async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  const form = shop.paymentElement(page);
  await form.fill({ number: TEST_CARDS.threeDSecure });
  await form.pay();
  const modal = new ThreeDsModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await modal.challenge.complete.click();
  await thanks(page, orderId);
});

test('3-D Secure failed: the page shows the error under the form and the order stays unpaid', async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  const form = shop.paymentElement(page);
  await form.fill({ number: TEST_CARDS.threeDSecure });
  await form.pay();
  await new ThreeDsModal(page).challenge.fail.click();
  await expect(page.getByTestId('payment-error')).not.toBeEmpty({ timeout: 15_000 });
  expect(page.url()).toBe(`${stack.reactDemoUrl}/orders/${orderId}/checkout`);
  await expect.poll(async () => (await shop.order(orderId)).last_error_code, { timeout: 15_000 }).not.toBeNull();
  expect((await shop.order(orderId)).status).toBe('awaiting_payment');
});

test('MoMo tab: number typed in the frame, the prompt approved on the phone, the order paid', async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  const frame = shop.paymentElement(page).frame;
  await frame.getByRole('tab', { name: 'Mobile money' }).click();
  // A number that never answers by itself: the approval below cannot race the synthetic delay.
  await frame.getByLabel('Mobile number').fill(TEST_PHONES.expires);
  await clickPayButton(frame);
  const modal = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  await expect(modal.getByRole('dialog', { name: 'Approve on your phone' })).toBeVisible({ timeout: 15_000 });
  await approveMomo(await shop.paymentId(orderId));
  await thanks(page, orderId);
});

test('wallet tab: approved in the wallet app, the order paid', async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  const frame = shop.paymentElement(page).frame;
  await frame.getByRole('tab', { name: 'Soxara wallet' }).click();
  await clickPayButton(frame);
  const modal = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  await expect(modal.getByRole('img', { name: /QR code/ })).toBeVisible({ timeout: 15_000 });
  await approveWallet(await shop.paymentId(orderId));
  await thanks(page, orderId);
});

test('changing options.locale relocalises the mounted form in place: same frame, the typed card kept', async ({ page }) => {
  await shop.placeOrder(page);
  const form = shop.paymentElement(page);
  await form.waitUntilReady();
  await form.number.fill(TEST_CARDS.success);
  const frameBefore = await form.iframe.elementHandle();

  await page.getByLabel('Language').selectOption('fr');
  await expect(form.frame.getByLabel('Numéro de carte')).toHaveValue(TEST_CARDS.success);
  await expect(form.iframe).toHaveCount(1);
  expect(await form.iframe.evaluate((iframe, before) => iframe === before, frameBefore)).toBe(true);
});

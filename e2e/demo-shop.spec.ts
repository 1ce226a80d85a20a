/**
 * The demo shop beyond the guide's list: the Soxara wallet and a refused MoMo prompt answered with
 * @soxara/testing, the shop's strict CSP holding on every page, accessibility, and a server that
 * takes the price from its own catalogue whatever the browser posts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  approveMomo,
  approveWallet,
  configureSoxaraTesting,
  declineMomo,
  failThreeDS,
  fillCard,
  submitCard,
  TEST_CARDS,
  TEST_PHONES,
} from '../packages/testing/src/index.ts';
import { DemoShop } from '../apps/demo/test/shop-page.ts';
import { clickPayButton } from './support/pages/card-frame.ts';
import { stack } from './support/stack.ts';

const shop = new DemoShop(stack.demoUrl);
const paymentForm = (page: Page) => page.frameLocator('iframe[title="Secure payment input frame"]');

/** The customer picks a tab of the shop's one form and presses its pay button. */
async function payWith(page: Page, tab: 'Mobile money' | 'Soxara wallet', phone?: string): Promise<void> {
  const form = paymentForm(page);
  await form.getByRole('tab', { name: tab }).click({ timeout: 20_000 });
  if (phone) await form.getByLabel('Mobile number').fill(phone);
  await clickPayButton(form);
}
configureSoxaraTesting({ apiUrl: stack.apiUrl, secretKey: stack.secretKey });

/** CSP reports of the shop's own page (the Soxara frames have their own policy and tests). */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    const fromShop = message.location().url.startsWith(stack.demoUrl) || message.location().url === '';
    if (fromShop && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('Soxara wallet: approved in the wallet app (approveWallet), the order is paid', async ({ page }) => {
  const violations = collectCspViolations(page);
  const orderId = await shop.placeOrder(page);
  await payWith(page, 'Soxara wallet');
  await approveWallet(page);
  await page.waitForURL(`${stack.demoUrl}/orders/${orderId}/thanks`, { timeout: 20_000 });
  const order = await shop.waitForStatus(orderId, 'paid');
  expect(order.events.map((e) => e.type)).toContain('payment.succeeded');
  expect(violations).toEqual([]);
});

test('MoMo refused on the phone (declineMomo): the customer reads it once, in their words, and the order is not paid', async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  // A number that never answers by itself, so the decline cannot lose a race with the synthetic delay.
  await payWith(page, 'Mobile money', TEST_PHONES.expires);
  await declineMomo(page);
  const refused = 'The payment request was declined on your phone. No money was taken. You can try again.';
  await expect(paymentForm(page).getByRole('alert')).toHaveText(refused, { timeout: 20_000 });
  // Said once: the shop's page does not repeat what the form shows.
  await expect(page.locator('#payment-errors')).toBeEmpty();
  await expect(page.locator('main')).not.toContainText(refused);
  await expect.poll(async () => (await shop.order(orderId)).last_error_code, { timeout: 15_000 }).not.toBeNull();
  expect((await shop.order(orderId)).status).toBe('awaiting_payment');
});

test('3-D Secure failed (failThreeDS): back on the shop, the thanks page shows the failure', async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  await fillCard(page, { number: TEST_CARDS.threeDSecure });
  await submitCard(page);
  await failThreeDS(page);
  await page.waitForURL(`${stack.demoUrl}/orders/${orderId}/thanks`, { timeout: 20_000 });
  // Whether payment.failed landed before the redirect or after (the page then refreshes itself).
  await expect(page.getByRole('heading', { name: 'Payment failed' })).toBeVisible({ timeout: 15_000 });
  expect((await shop.order(orderId)).status).toBe('awaiting_payment');
});

test('the thanks page says "processing" until the webhook lands, then shows the receipt by itself', async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  const { payment_id: paymentId } = await shop.order(orderId);
  // A MoMo number that never answers: the payment waits for the customer until approveMomo.
  await payWith(page, 'Mobile money', TEST_PHONES.expires);
  await expect.poll(async () => (await shop.order(orderId)).events.map((e) => e.type)).toContain('payment.requires_action');

  const thanks = await page.context().newPage();
  await thanks.goto(`${stack.demoUrl}/orders/${orderId}/thanks`);
  await expect(thanks.getByRole('heading', { name: "Processing — we'll email you when it's confirmed" })).toBeVisible();
  await approveMomo(paymentId!);
  await expect(thanks.getByRole('heading', { name: /payment received/i })).toBeVisible({ timeout: 15_000 });
  expect((await shop.order(orderId)).status).toBe('paid');
});

test('the checkout runs under the shop\'s strict nonce CSP without a single violation', async ({ page }) => {
  const violations = collectCspViolations(page);
  const response = await page.goto(`${stack.demoUrl}/`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(new RegExp(`script-src 'nonce-[^']+' ${stack.jsUrl.replace(/[.]/g, '\\.')}`));
  expect(csp).toContain(`frame-src ${stack.jsUrl}`);
  expect(csp).toContain("connect-src 'self'");
  await shop.placeOrder(page);
  await expect(paymentForm(page).getByLabel('Card number')).toBeEditable({ timeout: 20_000 });
  expect(violations).toEqual([]);
});

test('at 390 px the checkout reads as one product: one form for every method, a one-line header, no merchant link', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const orderId = await shop.placeOrder(page);
  const form = paymentForm(page);
  // One Soxara form, holding every method; the shop draws no payment fields of its own.
  await expect(form.getByRole('tab')).toHaveText(['Card', 'Mobile money', 'Soxara wallet'], { timeout: 20_000 });
  await expect(page.locator('iframe[title^="Secure"]')).toHaveCount(1);
  await expect(page.locator('main input, main select')).toHaveCount(0);
  // The button says which dollar, as the shop's summary does.
  await expect(page.getByTestId('order-total')).toHaveText('US$12.50');
  await expect(form.getByRole('button', { name: /^Pay/ })).toHaveText('Pay US$12.50');
  // The operator comes from the number: no picker for an Orange number, and it pays as Orange.
  await form.getByRole('tab', { name: 'Mobile money' }).click();
  await form.getByLabel('Mobile number').fill('077 012 3456');
  await form.getByLabel('Mobile number').blur();
  await expect(form.getByRole('radio')).toHaveCount(0);
  await expect(form.getByText('Orange Money.')).toBeVisible();

  for (const path of [`/orders/${orderId}/checkout`, '/']) {
    if (path === '/') await page.goto(`${stack.demoUrl}/`);
    const header = page.locator('header.site-header');
    const [brand, nav] = [header.locator('.brand'), header.locator('nav')];
    const [brandBox, navBox] = [await brand.boundingBox(), await nav.boundingBox()];
    // One line: the nav beside the brand, not under it, and nothing wider than the phone.
    expect(Math.abs(brandBox!.y + brandBox!.height - (navBox!.y + navBox!.height)), path).toBeLessThan(8);
    expect(navBox!.x, path).toBeGreaterThan(brandBox!.x + brandBox!.width - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    await expect(header.getByRole('link', { name: /orders/i }), path).toHaveCount(0);
  }
  await context.close();
});

test('shop, checkout, thanks and orders pages have no axe violations (WCAG 2 A/AA)', async ({ page }) => {
  const scan = async () => {
    // The Soxara frames are tested on their own; this is about the shop's markup.
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('iframe').analyze();
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  await page.goto(`${stack.demoUrl}/`);
  expect(await scan()).toEqual([]);
  const orderId = await shop.placeOrder(page);
  expect(await scan()).toEqual([]);
  await page.goto(`${stack.demoUrl}/orders/${orderId}/thanks`);
  await expect(page.getByRole('heading', { name: /Processing/ })).toBeVisible();
  expect(await scan()).toEqual([]);
  await page.goto(`${stack.demoUrl}/orders`);
  expect(await scan()).toEqual([]);
});

test('the browser cannot set the amount: the server prices the order from its catalogue', async ({ request }) => {
  const response = await request.post(`${stack.demoUrl}/orders`, {
    form: { product_id: 'coffee-250g', quantity: '3', email: 'mallory@example.com', amount: '1', currency: 'LRD' },
    headers: { Origin: stack.demoUrl },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  const orderId = Number(/\/orders\/(\d+)\/checkout/.exec(response.headers().location ?? '')?.[1]);
  const order = await shop.order(orderId);
  expect(order).toMatchObject({ amount: 3750, currency: 'USD', status: 'awaiting_payment' });
  const payment = await (await fetch(`${stack.apiUrl}/v1/payments/${order.payment_id}`, { headers: { Authorization: `Bearer ${stack.secretKey}` } })).json() as { data: { amount: number; currency: string; metadata: Record<string, string> } };
  expect(payment.data).toMatchObject({ amount: 3750, currency: 'USD', metadata: { order_id: String(orderId) } });
});

test('every one of the 27 event types of the reference is acknowledged by the shop\'s webhook handler', async () => {
  const { EVENT_TYPES } = await import('../packages/protocol/src/events.ts');
  expect(EVENT_TYPES).toHaveLength(27);
  const emitted: string[] = [];
  for (const type of EVENT_TYPES) {
    const response = await fetch(`${stack.apiUrl}/v1/test_helpers/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type }),
    });
    expect(response.status, type).toBe(200);
    emitted.push(((await response.json()) as { data: { id: string } }).data.id);
  }
  for (const id of emitted) {
    await expect.poll(async () => (await fetch(`${shop.serverUrl}/api/webhook-events/${id}`)).status, { timeout: 15_000, message: id }).toBe(200);
  }
});

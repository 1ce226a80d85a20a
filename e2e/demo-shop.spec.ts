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
import { stack } from './support/stack.ts';

const shop = new DemoShop(stack.demoUrl);
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
  await page.getByRole('button', { name: 'Pay with Soxara' }).click();
  await approveWallet(page);
  await page.waitForURL(`${stack.demoUrl}/orders/${orderId}/thanks`, { timeout: 20_000 });
  const order = await shop.waitForStatus(orderId, 'paid');
  expect(order.events.map((e) => e.type)).toContain('payment.succeeded');
  expect(violations).toEqual([]);
});

test('MoMo refused on the phone (declineMomo): the customer sees the error and the order is not paid', async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  // A number that never answers by itself, so the decline cannot lose a race with the synthetic delay.
  await page.getByLabel('Mobile number').fill(TEST_PHONES.expires);
  await page.getByRole('button', { name: 'Pay with mobile money' }).click();
  await declineMomo(page);
  await expect(page.locator('#momo-errors')).not.toBeEmpty({ timeout: 20_000 });
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
  await page.getByLabel('Mobile number').fill(TEST_PHONES.expires);
  await page.getByRole('button', { name: 'Pay with mobile money' }).click();
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
  await expect(page.frameLocator('iframe[title="Secure card payment input frame"]').getByLabel('Card number')).toBeEditable({ timeout: 20_000 });
  expect(violations).toEqual([]);
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

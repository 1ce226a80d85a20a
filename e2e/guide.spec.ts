/**
 * The "What to test" list of the "Accept a payment" guide (shared/seeds/000_…), one test per item, run
 * against the demo shop (apps/demo) on the real three-origin stack. Each test asserts what the shop's
 * own database says after Soxara's webhooks, since the guide makes the webhook the source of truth.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateTestHeaderString } from '../packages/node/src/index.ts';
import {
  completeThreeDS,
  configureSoxaraTesting,
  fillCard,
  submitCard,
  TEST_CARDS,
  TEST_PHONES,
} from '../packages/testing/src/index.ts';
import { readSettingFromFile } from '../apps/demo/src/db.ts';
import { DemoShop } from '../apps/demo/test/shop-page.ts';
import { clickPayButton } from './support/pages/card-frame.ts';
import { stack, stackEnv } from './support/stack.ts';

const shop = new DemoShop(stack.demoUrl);
configureSoxaraTesting({ apiUrl: stack.apiUrl, secretKey: stack.secretKey });

async function payByCard(page: import('@playwright/test').Page, number: string): Promise<number> {
  const orderId = await shop.placeOrder(page);
  await fillCard(page, { number, exp: '12 / 34', cvc: '123' });
  await submitCard(page);
  return orderId;
}

async function expectOnThanksPage(page: import('@playwright/test').Page, orderId: number): Promise<void> {
  await page.waitForURL(`${stack.demoUrl}/orders/${orderId}/thanks`, { timeout: 20_000 });
}

test('1. happy path card (4242 4242 4242 4242): the webhook fires and the order is paid', async ({ page }) => {
  const orderId = await payByCard(page, TEST_CARDS.success);
  await expectOnThanksPage(page, orderId);
  const order = await shop.waitForStatus(orderId, 'paid');
  expect(order.events.map((e) => e.type)).toContain('payment.succeeded');
  expect(order.paid_at).not.toBeNull();
  await expect(page.getByRole('heading', { name: /payment received/i })).toBeVisible();
});

test('2. card declined (4000 0000 0000 0002): payment.failed fires and the customer sees the error', async ({ page }) => {
  const orderId = await payByCard(page, TEST_CARDS.declined);
  // The shop's one form shows the decline under its button, in the customer's words.
  await expect(page.frameLocator('iframe[title="Secure payment input frame"]').getByRole('alert')).toContainText(/declined/i);
  await expect.poll(async () => (await shop.order(orderId)).last_error_code, { timeout: 15_000 }).toBe('generic_decline');
  const order = await shop.order(orderId);
  expect(order.status).toBe('awaiting_payment');
  expect(order.events.map((e) => e.type)).toContain('payment.failed');
  await page.goto(`${stack.demoUrl}/orders/${orderId}/thanks`);
  await expect(page.getByRole('heading', { name: 'Payment failed' })).toBeVisible();
});

test('3. 3-D Secure (4000 0027 6000 3184): the redirect flow lands back on the shop, order paid', async ({ page }) => {
  const orderId = await payByCard(page, TEST_CARDS.threeDSecure);
  await page.waitForURL(new RegExp(`^${stack.apiUrl}/simulators/3ds/`), { timeout: 20_000 });
  await completeThreeDS(page);
  await expectOnThanksPage(page, orderId);
  await shop.waitForStatus(orderId, 'paid');
  await expect(page.getByRole('heading', { name: /payment received/i })).toBeVisible();
});

test(`4. MoMo happy path: payment.succeeded fires after the synthetic delay (${stack.momoDelayMs / 1000} s in the e2e stack, 5 s by default)`, async ({ page }) => {
  const orderId = await shop.placeOrder(page);
  const form = page.frameLocator('iframe[title="Secure payment input frame"]');
  await form.getByRole('tab', { name: 'Mobile money' }).click({ timeout: 20_000 });
  await form.getByLabel('Mobile number').fill(TEST_PHONES.mtnSuccess);
  const submittedAt = Date.now();
  await clickPayButton(form);
  await expectOnThanksPage(page, orderId);
  const order = await shop.waitForStatus(orderId, 'paid');
  // The sandbox approves the PIN prompt by itself after SOXARA_MOMO_DELAY_MS: nobody approved it here.
  expect(Date.now() - submittedAt).toBeGreaterThanOrEqual(stack.momoDelayMs - 100);
  expect(order.events.map((e) => e.type)).toEqual(expect.arrayContaining(['payment.requires_action', 'payment.succeeded']));
});

test('5. refund: POST /v1/refunds against a succeeded payment fires refund.succeeded', async ({ page }) => {
  const orderId = await payByCard(page, TEST_CARDS.success);
  await expectOnThanksPage(page, orderId);
  await shop.waitForStatus(orderId, 'paid');

  await page.goto(`${stack.demoUrl}/orders`);
  await page.getByRole('button', { name: `Refund order #${orderId}` }).click();
  await expect(page.getByRole('status')).toContainText('Refund requested');
  const order = await shop.waitForStatus(orderId, 'refunded');
  expect(order.refunded_amount).toBe(order.amount);
  expect(order.events.map((e) => e.type)).toContain('refund.succeeded');
  expect(order.refunds).toEqual([expect.objectContaining({ status: 'succeeded', amount: order.amount })]);
});

test('6. idempotent retry: the same signed payment.succeeded replayed through the handler does not pay twice', async ({ page }) => {
  const orderId = await payByCard(page, TEST_CARDS.success);
  const paid = await shop.waitForStatus(orderId, 'paid');
  const delivered = (await shop.deliveries(orderId)).find((d) => d.event_type === 'payment.succeeded' && d.outcome === 'processed');
  expect(delivered, 'the shop logged the signed delivery it received').toBeTruthy();

  // The exact bytes and signature Soxara sent, twice more.
  for (let i = 0; i < 2; i++) {
    const replay = await shop.deliver(delivered!.body, delivered!.signature);
    expect(replay).toEqual({ status: 200, json: { received: true, duplicate: true } });
  }
  const after = await shop.order(orderId);
  expect(after).toMatchObject({ status: 'paid', paid_at: paid.paid_at, amount: paid.amount });
  expect(after.events.filter((e) => e.type === 'payment.succeeded')).toHaveLength(1);
});

test('7. out-of-order delivery: refund.succeeded processed before payment.succeeded, no crash, order ends refunded', async ({ page }) => {
  // Soxara delivers in order on a healthy network, so the reordering is staged: both events are built
  // for this order's real payment and signed with the shop's own endpoint secret, as a delayed
  // delivery or a retry would bring them.
  const orderId = await shop.placeOrder(page);
  const { payment_id: paymentId, amount, currency } = await shop.order(orderId);
  const secret = readSettingFromFile(path.resolve(stackEnv.SOXARA_STACK_DIR!, 'demo', 'demo.sqlite'), 'webhook_secret');
  expect(secret).toMatch(/^whsec_/);
  const send = (type: string, object: object) => {
    const body = JSON.stringify({ id: `evt_e2e${type.replace('.', '')}${orderId}`, object: 'event', type, livemode: false, created_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), data: { object } });
    return shop.deliver(body, generateTestHeaderString({ payload: body, secret: secret! }));
  };

  const refund = { id: `re_e2e${orderId}`, object: 'refund', payment: paymentId, amount, currency, status: 'succeeded', reason: null, failure_reason: null, metadata: {}, created_at: new Date().toISOString() };
  expect(await send('refund.succeeded', refund)).toEqual({ status: 200, json: { received: true } });
  expect((await shop.order(orderId)).status).toBe('awaiting_payment');

  const payment = {
    id: paymentId, object: 'payment', livemode: false, amount, amount_refunded: amount, currency, status: 'succeeded',
    client_secret: `${paymentId}_secret_redacted`, description: `Order #${orderId}`, metadata: { order_id: String(orderId) },
    payment_method: 'card', payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034 } }, next_action: null,
    last_payment_error: null, customer: null, created_at: new Date().toISOString(), succeeded_at: new Date().toISOString(), canceled_at: null,
  };
  expect(await send('payment.succeeded', payment)).toEqual({ status: 200, json: { received: true } });

  const order = await shop.order(orderId);
  expect(order).toMatchObject({ status: 'refunded', refunded_amount: amount });
  expect(order.paid_at).not.toBeNull();
  await page.goto(`${stack.demoUrl}/orders/${orderId}/thanks`);
  await expect(page.getByText(/Refunded/)).toBeVisible();
});

/**
 * The tabbed payment element (card | Mobile money | Soxara wallet) on a merchant page, confirmed with
 * `confirmPayment({ elements, redirect: 'if_required' })`: whichever tab the customer chose is the
 * method the payment is confirmed with. MoMo provider and number are typed inside the frame.
 */
import { expect, test, type Page } from '@playwright/test';
import { CardFrame, clickPayButton, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { holdStatusChecks } from './support/hold-status-checks.ts';

interface Result {
  paymentIntent?: { id: string; status: string };
  error?: { type: string; code: string };
}

/** The merchant mounts a payment element offering all three methods and confirms on its submit. */
async function paymentElement(page: Page) {
  const { paymentId } = await openCheckout(page, 'result');
  const { client_secret: clientSecret } = (await serverPayment(paymentId)) as unknown as { client_secret: string };
  await page.evaluate((clientSecret) => {
    const host = document.createElement('div');
    host.id = 'payment-element';
    document.body.append(host);
    // @ts-expect-error `soxara` is the page's global
    const elements = soxara.elements({ clientSecret, paymentMethods: ['card', 'momo', 'soxara_wallet'] });
    elements.mount('#payment-element');
    const w = window as unknown as { __pe: { changes: unknown[]; results: unknown[] } };
    w.__pe = { changes: [], results: [] };
    elements.on('change', (event: unknown) => w.__pe.changes.push(event));
    elements.on('submit', async (event: { preventDefault(): void }) => {
      event.preventDefault();
      // @ts-expect-error `soxara` is the page's global
      w.__pe.results.push(await soxara.confirmPayment({ elements, redirect: 'if_required' }));
    });
  }, clientSecret);
  const frame = page.frameLocator(`iframe[title="${FRAME_TITLES.payment}"]`);
  const result = () =>
    expect
      .poll(() => page.evaluate(() => (window as unknown as { __pe: { results: Result[] } }).__pe.results[0] ?? null), { timeout: 20_000 })
      .not.toBeNull()
      .then(() => page.evaluate(() => (window as unknown as { __pe: { results: Result[] } }).__pe.results[0]!));
  return { paymentId, frame, result, card: new CardFrame(page, FRAME_TITLES.payment) };
}

test('MoMo tab: the number typed in the frame names its network (no picker), prompt approved, payment succeeded', async ({ page }) => {
  // The dialog stays as first shown until the test has read it: the sandbox approves after a few
  // seconds, and on a loaded machine the dialog could come and go between two polls of the assertion.
  const release = await holdStatusChecks(page);
  const { paymentId, frame, result } = await paymentElement(page);
  await frame.getByRole('tab', { name: 'Mobile money' }).click();
  await expect(frame.getByRole('tab', { name: 'Mobile money' })).toHaveAttribute('aria-selected', 'true');
  await frame.getByLabel('Mobile number').fill('077 012 3456');
  await expect(frame.getByText('Orange Money.')).toBeVisible();
  await expect(frame.getByRole('radio')).toHaveCount(0);
  await clickPayButton(frame);

  const modal = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  await expect(modal.getByRole('dialog', { name: 'Approve on your phone' })).toContainText('Orange Money', { timeout: 15_000 });
  release();
  expect(await result()).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
  const server = await serverPayment(paymentId);
  expect(server).toMatchObject({ payment_method: 'momo', payment_method_details: { type: 'momo', momo: { provider: 'orange' } } });
  // The merchant saw state, never the number.
  const changes = JSON.stringify(await page.evaluate(() => (window as unknown as { __pe: { changes: unknown[] } }).__pe.changes));
  expect(changes).toContain('"paymentMethod":"momo"');
  expect(changes).not.toContain('0123456');
});

test('MoMo tab: a number that is no Liberian mobile is refused in the frame, without any request, and only then asks for the network', async ({ page }) => {
  const { paymentId, frame } = await paymentElement(page);
  const confirms: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/confirm')) confirms.push(request.url());
  });
  await frame.getByRole('tab', { name: 'Mobile money' }).click();
  await expect(frame.getByRole('radio')).toHaveCount(0);
  await frame.getByLabel('Mobile number').fill('0123 456');
  await clickPayButton(frame);
  await expect(frame.getByText('Enter a valid Liberian mobile number')).toBeVisible();
  await expect(frame.getByLabel('Mobile number')).toHaveAttribute('aria-invalid', 'true');
  // The number cannot tell its network: the picker is offered.
  await expect(frame.getByRole('radio')).toHaveCount(2);
  expect(confirms).toEqual([]);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
});

test('wallet tab: pay opens the wallet modal; approving on the wallet page succeeds', async ({ page, context }) => {
  const { paymentId, frame, result } = await paymentElement(page);
  await frame.getByRole('tab', { name: 'Soxara wallet' }).click();
  await clickPayButton(frame);
  const modal = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  await expect(modal.getByRole('img', { name: /QR code/ })).toBeVisible({ timeout: 15_000 });
  const [walletPage] = await Promise.all([context.waitForEvent('page'), modal.getByRole('link', { name: 'Open Soxara on this device' }).click()]);
  await walletPage.getByRole('button', { name: 'Approve' }).click();
  expect(await result()).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
});

test('card tab: the card is confirmed as with the card form', async ({ page }) => {
  const { paymentId, frame, result, card } = await paymentElement(page);
  await expect(frame.getByRole('tab', { name: 'Card' })).toHaveAttribute('aria-selected', 'true');
  await card.fill({ number: TEST_CARDS.success });
  await card.pay();
  expect(await result()).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
});

test('tabs follow the ARIA pattern: arrow keys move between them', async ({ page }) => {
  const { frame } = await paymentElement(page);
  await frame.getByRole('tab', { name: 'Card' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(frame.getByRole('tab', { name: 'Mobile money' })).toBeFocused();
  await expect(frame.getByRole('tab', { name: 'Mobile money' })).toHaveAttribute('aria-selected', 'true');
  await expect(frame.getByLabel('Mobile number')).toBeVisible();
});

/**
 * The Soxara wallet against the real stack: desktop (QR code + "open on this device"), a phone profile
 * ("Open Soxara": the app link, then the universal link in a new tab when no app takes it), decline,
 * an expired code replaced by a fresh one, and resume. Approval happens on the sandbox's wallet page,
 * the page `next_action.soxara_wallet_approval.universal_link` points to.
 */
import { devices, expect, test, type Page } from '@playwright/test';
import { FRAME_TITLES } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

interface Result {
  paymentIntent?: { id: string; status: string };
  error?: { type: string; code: string; message: string; payment_intent?: { id: string; status: string } };
}

async function checkout(page: Page) {
  const { paymentId } = await openCheckout(page, 'result');
  const payment = (await serverPayment(paymentId)) as unknown as { client_secret: string };
  return { paymentId, clientSecret: payment.client_secret };
}

/** The guide's wallet call, run by the merchant page. */
function confirmWallet(page: Page, clientSecret: string): Promise<Result> {
  return page.evaluate(
    // @ts-expect-error `soxara` is the page's global from the guide's code
    (clientSecret) => soxara.confirmPayment({ clientSecret, paymentMethod: { type: 'soxara_wallet' } }),
    clientSecret,
  );
}

function walletModal(page: Page) {
  const frame = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  return {
    iframe: page.locator(`iframe[title="${FRAME_TITLES.modal}"]`),
    dialog: frame.getByRole('dialog', { name: 'Pay with Soxara' }),
    qr: frame.getByRole('img', { name: /QR code/ }),
    openHere: frame.getByRole('link', { name: 'Open Soxara on this device' }),
    openApp: frame.getByRole('button', { name: 'Open Soxara' }),
    showQr: frame.getByRole('button', { name: /show a QR code/ }),
    cancel: frame.getByRole('button', { name: 'Cancel payment' }),
    frame,
  };
}

/** The sandbox's wallet page, as the customer's wallet app would show it. */
async function decide(walletPage: Page, decision: 'Approve' | 'Decline'): Promise<void> {
  await walletPage.waitForLoadState();
  expect(walletPage.url()).toMatch(new RegExp(`^${stack.apiUrl}/simulators/wallet/`));
  // Neither the client secret nor the payment id travels in the link.
  expect(walletPage.url()).not.toContain('_secret_');
  await walletPage.getByRole('button', { name: decision }).click();
  await expect(walletPage.locator('h1')).toContainText(decision === 'Approve' ? 'approved' : 'declined');
}

test.describe('desktop', () => {
  test('shows a QR code of the universal link; approving on the wallet page resolves the payment', async ({ page, context }) => {
    const errors = collectPageErrors(page);
    const { paymentId, clientSecret } = await checkout(page);
    const result = confirmWallet(page, clientSecret);
    const modal = walletModal(page);
    await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
    await expect(modal.qr).toBeVisible();
    await expect(modal.openApp).toHaveCount(0);
    await expect(modal.dialog).toContainText('US$12.50');

    const link = await modal.openHere.getAttribute('href');
    const server = (await serverPayment(paymentId)) as unknown as { next_action: { soxara_wallet_approval: { universal_link: string } } };
    expect(link).toBe(server.next_action.soxara_wallet_approval.universal_link);

    const [walletPage] = await Promise.all([context.waitForEvent('page'), modal.openHere.click()]);
    await decide(walletPage, 'Approve');
    expect(await result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded', payment_method: 'soxara_wallet', payment_method_details: { type: 'soxara_wallet' } } });
    await expect(modal.iframe).toHaveCount(0);
    expect((await serverPayment(paymentId)).status).toBe('succeeded');
    expect(errors).toEqual([]);
  });

  test('decline on the wallet page resolves {error: wallet_error approval_rejected}', async ({ page, context }) => {
    const { paymentId, clientSecret } = await checkout(page);
    const result = confirmWallet(page, clientSecret);
    const modal = walletModal(page);
    await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
    const [walletPage] = await Promise.all([context.waitForEvent('page'), modal.openHere.click()]);
    await decide(walletPage, 'Decline');
    expect((await result).error).toMatchObject({ type: 'wallet_error', code: 'approval_rejected', payment_intent: { id: paymentId } });
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
  });

  test('an expired code is replaced by a fresh one, which works', async ({ page, context }) => {
    test.setTimeout(45_000);
    const { paymentId, clientSecret } = await checkout(page);
    const result = confirmWallet(page, clientSecret);
    const modal = walletModal(page);
    await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
    const first = await modal.openHere.getAttribute('href');
    // The sandbox expires a code after 8 s in e2e; the modal then shows a new one.
    await expect(modal.openHere).not.toHaveAttribute('href', first ?? '', { timeout: 20_000 });
    await expect(modal.frame.getByRole('status')).toContainText('new one');
    const [walletPage] = await Promise.all([context.waitForEvent('page'), modal.openHere.click()]);
    await decide(walletPage, 'Approve');
    expect(await result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
  });

  test('resume: handleNextAction after a reload shows the pending approval again without a new confirm', async ({ page, context }) => {
    const { paymentId, clientSecret } = await checkout(page);
    void confirmWallet(page, clientSecret).catch(() => {});
    await expect(walletModal(page).dialog).toBeVisible({ timeout: 15_000 });
    const confirms: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/confirm')) confirms.push(request.url());
    });
    await page.goto(`${stack.merchantUrl}/result`);
    const result = page.evaluate(
      // @ts-expect-error `soxara` is the page's global
      (clientSecret) => soxara.handleNextAction({ clientSecret }),
      clientSecret,
    ) as Promise<Result>;
    const modal = walletModal(page);
    await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
    const [walletPage] = await Promise.all([context.waitForEvent('page'), modal.openHere.click()]);
    await decide(walletPage, 'Approve');
    expect(await result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
    expect(confirms).toEqual([]);
  });
});

test.describe('phone', () => {
  const { defaultBrowserType: _unused, ...pixel } = devices['Pixel 7'];
  test.use(pixel);

  test('"Open Soxara" tries the app, then opens the wallet page in a new tab; approving resolves the payment', async ({ page, context }) => {
    const { paymentId, clientSecret } = await checkout(page);
    const result = confirmWallet(page, clientSecret);
    const modal = walletModal(page);
    await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
    await expect(modal.openApp).toBeVisible();
    await expect(modal.qr).toHaveCount(0);
    const merchantUrl = page.url();

    const [walletPage] = await Promise.all([context.waitForEvent('page', { timeout: 10_000 }), modal.openApp.tap()]);
    await decide(walletPage, 'Approve');
    expect(await result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
    // The merchant page stayed where it was and kept waiting.
    expect(page.url()).toBe(merchantUrl);
  });

  test('the QR code stays reachable on a phone (pay with another device)', async ({ page }) => {
    const { clientSecret } = await checkout(page);
    const result = confirmWallet(page, clientSecret);
    const modal = walletModal(page);
    await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
    await modal.showQr.tap();
    await expect(modal.qr).toBeVisible();
    await modal.cancel.tap();
    expect((await result).error).toMatchObject({ type: 'wallet_error', code: 'customer_canceled' });
  });
});

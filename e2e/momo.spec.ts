/**
 * MTN MoMo / Orange Money against the real three-origin stack (MoMo delay 2 s, prompt expiry 8 s):
 * the merchant code of the guide runs on the merchant page, the modal is a frame of the JS origin,
 * and every outcome is checked on the page and on the server.
 */
import { expect, test, type Page } from '@playwright/test';
import { TEST_PHONES } from '../packages/testing/src/test-values.ts';
import { FRAME_TITLES } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

interface Result {
  paymentIntent?: { id: string; status: string };
  error?: { type: string; code: string; param?: string; message: string; payment_intent?: { id: string; status: string } };
}

/** A checkout page (the guide's card form, with `soxara` in scope) and its payment's client secret. */
async function checkout(page: Page, name: 'result' | 'strict-csp' = 'result') {
  const { paymentId } = await openCheckout(page, name);
  const payment = (await serverPayment(paymentId)) as unknown as { client_secret: string };
  return { paymentId, clientSecret: payment.client_secret };
}

/** The guide's MoMo call, run by the merchant page itself. */
function confirmMomo(page: Page, clientSecret: string, phoneNumber: string, provider = 'mtn'): Promise<Result> {
  return page.evaluate(
    ([clientSecret, phone_number, provider]) =>
      // @ts-expect-error `soxara` is the page's global from the guide's code
      soxara.confirmPayment({ clientSecret, paymentMethod: { type: 'momo', momo: { provider, phone_number } } }),
    [clientSecret, phoneNumber, provider] as const,
  );
}

function momoModal(page: Page) {
  const frame = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  return {
    iframe: page.locator(`iframe[title="${FRAME_TITLES.modal}"]`),
    dialog: frame.getByRole('dialog', { name: 'Approve on your phone' }),
    cancel: frame.getByRole('button', { name: 'Cancel payment' }),
    resend: frame.getByRole('button', { name: 'Send a new request' }),
    timer: frame.getByRole('timer'),
    frame,
  };
}

test('MTN success: a local-form number is normalised, and the promise resolves with the payment once approved', async ({ page }) => {
  const errors = collectPageErrors(page);
  const { paymentId, clientSecret } = await checkout(page);
  // The browser's paymentIntent names the method as the API and the events do, details beside it.
  expect(await confirmMomo(page, clientSecret, '0881158457')).toMatchObject({
    paymentIntent: { id: paymentId, status: 'succeeded', payment_method: 'momo', payment_method_details: { type: 'momo', momo: { provider: 'mtn' } } },
  });
  await expect(momoModal(page).iframe).toHaveCount(0);
  const server = await serverPayment(paymentId);
  expect(server).toMatchObject({ status: 'succeeded', payment_method: 'momo', payment_method_details: { momo: { phone_number_masked: '+231 88*** **57' } } });
  expect(errors).toEqual([]);
});

test('Orange number with spaces and dashes is normalised and succeeds', async ({ page }) => {
  const { paymentId, clientSecret } = await checkout(page);
  expect(await confirmMomo(page, clientSecret, '077-012 3456', 'orange')).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
  const server = await serverPayment(paymentId);
  expect(server).toMatchObject({ payment_method: 'momo', payment_method_details: { momo: { provider: 'orange', phone_number_masked: '+231 77*** **56' } } });
});

for (const [number, code] of [
  [TEST_PHONES.rejected, 'approval_rejected'],
  [TEST_PHONES.insufficientFunds, 'insufficient_funds'],
] as const) {
  test(`${number}: resolves {error} with code ${code}, and the payment can be paid again`, async ({ page }) => {
    const { paymentId, clientSecret } = await checkout(page);
    const result = await confirmMomo(page, clientSecret, number);
    expect(result.error).toMatchObject({ type: 'momo_error', code, payment_intent: { id: paymentId, status: 'requires_payment_method' } });
    await expect(momoModal(page).iframe).toHaveCount(0);
    const server = await serverPayment(paymentId);
    expect(server.status).toBe('requires_payment_method');
    expect(server.last_payment_error?.code).toBe(code);
  });
}

test(`${TEST_PHONES.expires} never answers: the countdown runs out and the result is prompt_expired, with the USSD fallback offered meanwhile`, async ({ page }) => {
  const { paymentId, clientSecret } = await checkout(page);
  const result = confirmMomo(page, clientSecret, TEST_PHONES.expires);
  const modal = momoModal(page);
  // (The 2 s outcome of an ordinary number can beat the modal on a loaded machine: the modal's content
  // is checked here, on a prompt nobody answers.)
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await expect(modal.dialog).toContainText('+231 88*** **04');
  await expect(modal.dialog).toContainText('US$12.50');
  await expect(modal.dialog).toContainText('MTN MoMo');
  await expect(modal.timer).toContainText(/expires in 0:0\d/);
  await expect(modal.cancel).toBeFocused();
  // Halfway through an 8 s prompt the "didn't get it?" help appears.
  await expect(modal.frame.getByText('*156#')).toBeVisible({ timeout: 8_000 });
  await expect(modal.resend).toBeVisible();
  expect((await result).error).toMatchObject({ type: 'momo_error', code: 'prompt_expired' });
  expect((await serverPayment(paymentId)).last_payment_error?.code).toBe('prompt_expired');
});

for (const [label, number, provider, code] of [
  ['malformed', '12345', 'mtn', 'phone_number_invalid'],
  ['not Liberian', '+14155550123', 'mtn', 'phone_number_not_liberian'],
  ['an Orange number for MTN', '0770123456', 'mtn', 'phone_number_provider_mismatch'],
  ['an MTN number for Orange', '+231 88 115 8457', 'orange', 'phone_number_provider_mismatch'],
] as const) {
  test(`bad number (${label}): validation_error at once, no request, no modal, payment untouched`, async ({ page }) => {
    const { paymentId, clientSecret } = await checkout(page);
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/confirm')) apiRequests.push(request.url());
    });
    const result = await confirmMomo(page, clientSecret, number, provider);
    expect(result.error).toMatchObject({ type: 'validation_error', param: 'phone_number', code });
    expect(result.error?.message.length).toBeGreaterThan(10);
    expect(apiRequests).toEqual([]);
    await expect(momoModal(page).iframe).toHaveCount(0);
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
  });
}

test('Cancel (and Escape) ends the wait at once and reports customer_canceled', async ({ page }) => {
  const { paymentId, clientSecret } = await checkout(page);
  const result = confirmMomo(page, clientSecret, TEST_PHONES.expires);
  const modal = momoModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  const settled = await result;
  expect(settled.error).toMatchObject({ code: 'customer_canceled', payment_intent: { id: paymentId } });
  await expect(modal.iframe).toHaveCount(0);
  // The prompt was withdrawn (cancel_action): a late approval on the phone cannot charge the customer.
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
  const late = await fetch(`${stack.apiUrl}/v1/test_helpers/payments/${paymentId}/approve`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.secretKey}` },
  });
  expect(late.status).toBe(400);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
});

test('Cancel button works too, and focus stays inside the dialog', async ({ page }) => {
  const { clientSecret } = await checkout(page);
  const result = confirmMomo(page, clientSecret, TEST_PHONES.expires);
  const modal = momoModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await expect(modal.cancel).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press(i === 1 ? 'Shift+Tab' : 'Tab');
    await expect(modal.frame.locator('[role="dialog"] :focus')).toHaveCount(1);
  }
  await modal.cancel.click();
  expect((await result).error?.code).toBe('customer_canceled');
});

test('the page hidden and shown again during the wait: the controller checks again at once', async ({ page }) => {
  const { paymentId, clientSecret } = await checkout(page);
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(`/v1/payments/${paymentId}?`)) requests.push(request.url());
  });
  // A prompt nobody answers, so the wait is still on when the page comes back.
  const result = confirmMomo(page, clientSecret, TEST_PHONES.expires);
  await expect(momoModal(page).dialog).toBeVisible({ timeout: 15_000 });
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((state) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await page.waitForTimeout(1_200);
  const before = requests.length;
  await setVisibility('visible');
  // The merchant script forwards page-visible; the controller drops its long poll and asks again now.
  await expect.poll(() => requests.length, { timeout: 2_000 }).toBeGreaterThan(before);
  expect((await result).error?.code).toBe('prompt_expired');
  // Bounded: a handful of long polls over the 8 s prompt, not a tight loop.
  expect(requests.length).toBeLessThanOrEqual(8);
});

test('resume after a reload: handleNextAction picks up the pending prompt without sending another', async ({ page }) => {
  const { paymentId, clientSecret } = await checkout(page);
  // Start a prompt that nobody answers, then leave the page mid-wait.
  void confirmMomo(page, clientSecret, TEST_PHONES.expires).catch(() => {});
  await expect(momoModal(page).dialog).toBeVisible({ timeout: 15_000 });
  const confirms: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/confirm')) confirms.push(request.url());
  });
  await page.goto(page.url().replace(/\?.*$/, '')); // a fresh checkout page; the old payment is resumed by secret
  const result = page.evaluate(
    // @ts-expect-error `soxara` is the page's global
    (clientSecret) => soxara.handleNextAction({ clientSecret }),
    clientSecret,
  ) as Promise<Result>;
  const modal = momoModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await expect(modal.dialog).toContainText('+231 88*** **04');
  // A resumed wait cannot send a new prompt (it never saw the full number).
  await expect(modal.resend).toHaveCount(0);
  expect((await result).error).toMatchObject({ code: 'prompt_expired', payment_intent: { id: paymentId } });
  expect(confirms).toEqual([]);
});

test('MoMo works under the strict merchant CSP (connect-src none)', async ({ page }) => {
  const { paymentId, clientSecret } = await checkout(page, 'strict-csp');
  expect(await confirmMomo(page, clientSecret, TEST_PHONES.mtnSuccess)).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
});

test("the guide's MoMo code, verbatim on a merchant page (fixture momo-guide.html)", async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'momo-guide');
  await page.getByRole('button', { name: 'Pay with MTN MoMo' }).click();
  await expect(momoModal(page).dialog).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
});

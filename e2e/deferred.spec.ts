/**
 * The deferred flow (`soxara.elements({ mode: 'payment', amount, currency })`): the form is mounted with
 * no payment; `elements.submit()` checks the fields in the frame and sends nothing; the merchant's server
 * then makes the payment and `confirmPayment({ elements, clientSecret })` confirms it with the form.
 * Across the three origins: the test merchant (fixtures/deferred.html), the JS origin, the sandbox.
 */
import { expect, test } from '@playwright/test';
import { TEST_CARDS } from './support/pages/card-frame.ts';
import { changePaymentAmount, DeferredCheckout } from './support/pages/deferred.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { ThreeDsChallenge, ThreeDsModal } from './support/pages/three-ds.ts';
import { stack } from './support/stack.ts';

/** Requests the frames send to the API while `during` runs. */
async function apiRequests(checkout: DeferredCheckout, during: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (request: { url(): string }) => {
    if (request.url().startsWith(stack.apiUrl)) seen.push(request.url());
  };
  checkout.page.on('request', listener);
  await during();
  checkout.page.off('request', listener);
  return seen;
}

test('card: the button shows the amount before any payment exists; submit, then confirm, succeeds', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page, { amount: 1250, currency: 'USD' });
  await expect(checkout.card.payButton).toHaveText(/US\$12\.50/, { timeout: 20_000 });
  await checkout.card.fill({ number: TEST_CARDS.success });
  await checkout.card.pay();
  const outcome = await checkout.waitFor('results');
  expect(outcome.submits).toEqual([{}]);
  const [paymentId] = outcome.payments;
  expect(outcome.results[0]).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded', amount: 1250 } });
  expect(await serverPayment(paymentId!)).toMatchObject({ status: 'succeeded', payment_method: 'card' });
});

test('card: submit() of an incomplete card answers the field error, shown in the frame, and sends nothing', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page);
  await checkout.card.waitUntilReady();
  await checkout.card.number.fill('4242 4242');
  const requests = await apiRequests(checkout, async () => {
    await checkout.card.pay();
    await checkout.waitFor('submits');
  });
  const outcome = await checkout.outcome();
  expect(outcome.submits[0]).toMatchObject({ error: { type: 'validation_error', code: 'incomplete_number' } });
  await expect(checkout.frame.getByText('Your card number is incomplete.')).toBeVisible();
  expect(outcome.payments).toEqual([]);
  expect(requests).toEqual([]);
});

test('card with 3-D Secure in a modal: the challenge completes and the promise resolves on the page', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page);
  await checkout.card.fill({ number: TEST_CARDS.threeDSecure });
  await checkout.card.pay();
  const modal = new ThreeDsModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await modal.challenge.complete.click();
  const outcome = await checkout.waitFor('results');
  expect(outcome.results[0]).toMatchObject({ paymentIntent: { status: 'succeeded' } });
  expect((await serverPayment(outcome.payments[0]!)).status).toBe('succeeded');
});

test('card with 3-D Secure by redirect: the page goes to the challenge and back to return_url', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page, { redirect: 'always' });
  await checkout.card.fill({ number: TEST_CARDS.threeDSecure });
  await checkout.card.pay();
  await page.waitForURL(`${stack.apiUrl}/**`);
  await new ThreeDsChallenge(page).complete.click();
  await page.waitForURL(`${stack.merchantUrl}/return?**`);
  const params = new URL(page.url()).searchParams;
  expect(params.get('redirect_status')).toBe('succeeded');
  const paymentId = params.get('payment_intent')!;
  expect(params.get('payment_intent_client_secret')).toMatch(new RegExp(`^${paymentId}_secret_`));
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
});

test('a payment of another amount is refused before anything is charged', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page, { amount: 1250, server_amount: 1300 });
  await checkout.card.fill({ number: TEST_CARDS.success });
  const requests = await apiRequests(checkout, async () => {
    await checkout.card.pay();
    await checkout.waitFor('results');
  });
  const outcome = await checkout.outcome();
  expect(outcome.results[0]).toMatchObject({ error: { type: 'invalid_request_error', code: 'amount_mismatch', param: 'amount' } });
  expect(requests.filter((url) => url.includes('/confirm'))).toEqual([]);
  // The customer reads it in the form too, in their words: what they were shown is not what is asked.
  await expect(checkout.card.alert).toHaveText(/^The amount to pay has changed\. Nothing was charged\./);
  expect((await serverPayment(outcome.payments[0]!)).status).toBe('requires_payment_method');
});

test('a payment in another currency is refused before anything is charged', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page, { amount: 1250, currency: 'USD', server_currency: 'LRD' });
  await checkout.card.fill({ number: TEST_CARDS.success });
  await checkout.card.pay();
  const outcome = await checkout.waitFor('results');
  expect(outcome.results[0]).toMatchObject({ error: { code: 'currency_mismatch', param: 'currency' } });
  await expect(checkout.card.alert).toHaveText(/^The currency of this payment has changed\./);
  expect((await serverPayment(outcome.payments[0]!)).status).toBe('requires_payment_method');
});

test('confirmPayment without submit() first rejects with an IntegrationError, and charges nothing', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page, { submit: 'skip' });
  await checkout.card.fill({ number: TEST_CARDS.success });
  await checkout.card.pay();
  const outcome = await checkout.waitFor('thrown');
  expect(outcome.thrown[0]).toMatchObject({ name: 'IntegrationError', code: 'elements_not_submitted', message: expect.stringContaining('elements.submit()') });
  expect(outcome.results).toEqual([]);
  expect((await serverPayment(outcome.payments[0]!)).status).toBe('requires_payment_method');
  // A missing submit() is the developer's mistake: the customer is not told about it.
  await expect(checkout.card.alert).toHaveCount(0);
});

test('MoMo in the tabbed form: submit checks the number in the frame, then the PIN prompt is approved', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page, { methods: 'card,momo,soxara_wallet', amount: 125000, currency: 'LRD' });
  await checkout.frame.getByRole('tab', { name: 'Mobile money' }).click();
  await expect(checkout.card.payButton).toHaveText(/L\$1,250\.00/, { timeout: 20_000 });
  await checkout.frame.getByLabel('Mobile number').fill('0123 456');
  // The form's own button refuses this number before `submit`; a merchant with its own button calls submit().
  // @ts-expect-error `elements` is the page's global (fixtures/deferred.html)
  expect(await page.evaluate(() => elements.submit())).toMatchObject({ error: { type: 'validation_error', code: 'phone_number_invalid', param: 'phone_number' } });
  await expect(checkout.frame.getByText('Enter a valid Liberian mobile number')).toBeVisible();
  let outcome = await checkout.outcome();
  expect(outcome.payments).toEqual([]);

  await checkout.frame.getByLabel('Mobile number').fill('088 115 8457');
  await checkout.card.pay();
  const modal = page.frameLocator('iframe[title="Soxara secure payment dialog"]');
  await expect(modal.getByRole('dialog', { name: 'Approve on your phone' })).toBeVisible({ timeout: 15_000 });
  outcome = await checkout.waitFor('results', 1, 30_000);
  expect(outcome.submits).toEqual([{}]);
  expect(outcome.results[0]).toMatchObject({ paymentIntent: { status: 'succeeded', amount: 125000 } });
  expect(await serverPayment(outcome.payments[0]!)).toMatchObject({ payment_method: 'momo', payment_method_details: { momo: { provider: 'mtn' } } });
});

test('update() while the customer types changes the amount shown and keeps the digits typed', async ({ page }) => {
  const checkout = await DeferredCheckout.open(page, { amount: 1250 });
  await checkout.card.waitUntilReady();
  await checkout.card.number.pressSequentially('4242 4242');
  await expect(checkout.card.payButton).toHaveText(/US\$12\.50/);
  await page.evaluate(() => {
    const w = window as unknown as { __soxara: { amount?: number }; elements: { update(options: unknown): void } };
    // The cart changed: the form shows the new total, and the server will charge it.
    w.__soxara.amount = 2000;
    // @ts-expect-error `elements` is the page's global
    elements.update({ amount: 2000 });
  });
  await expect(checkout.card.payButton).toHaveText(/US\$20\.00/);
  await expect(checkout.card.number).toHaveValue('4242 4242');
  await checkout.card.number.pressSequentially(' 4242 4242');
  await checkout.card.expiry.fill('12 / 34');
  await checkout.card.cvc.fill('123');
  await checkout.card.pay();
  const outcome = await checkout.waitFor('results');
  expect(outcome.results[0]).toMatchObject({ paymentIntent: { status: 'succeeded', amount: 2000 } });
});

test('fetchUpdates() shows the amount the merchant changed on the server', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'result');
  const checkout = new DeferredCheckout(page);
  await expect(checkout.card.payButton).toHaveText(/US\$12\.50/, { timeout: 20_000 });
  await checkout.card.waitUntilReady();
  await checkout.card.number.fill('4242 4242 4242 4242');
  await changePaymentAmount(paymentId, 3000);
  // @ts-expect-error `form` is the page's global (fixtures/result.html)
  expect(await page.evaluate(() => form.fetchUpdates())).toEqual({});
  await expect(checkout.card.payButton).toHaveText(/US\$30\.00/);
  await expect(checkout.card.number).toHaveValue('4242 4242 4242 4242');
});

test('the wallet in the tabbed form: submit, then the wallet approval, succeeds', async ({ page, context }) => {
  const checkout = await DeferredCheckout.open(page, { methods: 'card,momo,soxara_wallet' });
  await checkout.frame.getByRole('tab', { name: 'Soxara wallet' }).click();
  await checkout.card.pay();
  const modal = page.frameLocator('iframe[title="Soxara secure payment dialog"]');
  await expect(modal.getByRole('img', { name: /QR code/ })).toBeVisible({ timeout: 15_000 });
  const [walletPage] = await Promise.all([context.waitForEvent('page'), modal.getByRole('link', { name: 'Open Soxara on this device' }).click()]);
  await walletPage.getByRole('button', { name: 'Approve' }).click();
  const outcome = await checkout.waitFor('results');
  expect(outcome.submits).toEqual([{}]);
  expect(outcome.results[0]).toMatchObject({ paymentIntent: { status: 'succeeded' } });
  expect((await serverPayment(outcome.payments[0]!)).payment_method).toBe('soxara_wallet');
});

/**
 * Card payments through the guide's code, verbatim: the happy path lands on return_url (as Stripe.js
 * does with redirect 'always'), and each sandbox decline card resolves `{error}` with its codes and
 * shows the message in the frame.
 */
import { expect, test } from '@playwright/test';
import { CardFrame, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

test('the guide\'s code pays with 4242 and lands on return_url with the three parameters', async ({ page }) => {
  const errors = collectPageErrors(page);
  const { paymentId } = await openCheckout(page, 'guide');
  const card = new CardFrame(page);
  await expect(card.payButton).toHaveText(/\$12\.50/, { timeout: 20_000 });
  await card.fill({ number: TEST_CARDS.success });
  await card.pay();

  await page.waitForURL(`${stack.merchantUrl}/return?**`);
  const params = new URL(page.url()).searchParams;
  expect(params.get('payment_intent')).toBe(paymentId);
  expect(params.get('payment_intent_client_secret')).toMatch(new RegExp(`^${paymentId}_secret_`));
  expect(params.get('redirect_status')).toBe('succeeded');
  expect(await serverPayment(paymentId)).toMatchObject({
    status: 'succeeded',
    payment_method: 'card',
    payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
  });
  expect(errors).toEqual([]);
});

test('the guide\'s code works under a strict merchant CSP (connect-src \'none\', nonces only)', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const { paymentId } = await openCheckout(page, 'strict-csp');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await card.pay();
  await page.waitForURL(`${stack.merchantUrl}/return?**`);
  expect(new URL(page.url()).searchParams.get('redirect_status')).toBe('succeeded');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  expect(violations).toEqual([]);
});

test('the one-line integration (confirmParams given to elements) confirms on submit by itself', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'one-line');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await card.pay();
  await page.waitForURL(`${stack.merchantUrl}/return?**`);
  expect(new URL(page.url()).searchParams.get('payment_intent')).toBe(paymentId);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
});

const declines = [
  { name: 'generic decline', number: TEST_CARDS.declined, code: 'card_declined', declineCode: 'generic_decline' },
  { name: 'insufficient funds', number: TEST_CARDS.insufficientFunds, code: 'card_declined', declineCode: 'insufficient_funds' },
  { name: 'expired card', number: TEST_CARDS.expired, code: 'expired_card', declineCode: 'expired_card' },
  { name: 'incorrect CVC', number: TEST_CARDS.incorrectCvc, code: 'incorrect_cvc', declineCode: 'incorrect_cvc' },
];

for (const decline of declines) {
  test(`${decline.name}: confirmPayment resolves {error} with ${decline.code}/${decline.declineCode}, shown in the form`, async ({ page }) => {
    const errors = collectPageErrors(page);
    const { paymentId } = await openCheckout(page, 'result');
    const card = new CardFrame(page);
    await card.fill({ number: decline.number });
    await card.pay();

    await expect(page.getByLabel('result')).toHaveText(`error card_error ${decline.code} ${decline.declineCode}`);
    const [result] = await page.evaluate(() => (window as unknown as { __soxara: { results: unknown[] } }).__soxara.results);
    expect(result).toMatchObject({
      error: { type: 'card_error', code: decline.code, decline_code: decline.declineCode, payment_intent: { id: paymentId, status: 'requires_payment_method' } },
    });
    await expect(card.alert).toContainText(/\w/);
    expect(page.url()).toContain('/result');
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');

    // The customer can try again with another card on the same page.
    await card.number.fill(TEST_CARDS.success);
    await card.pay();
    await page.waitForURL(`${stack.merchantUrl}/return?**`);
    expect((await serverPayment(paymentId)).status).toBe('succeeded');
    expect(errors).toEqual([]);
  });
}

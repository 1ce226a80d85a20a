/**
 * A merchant's Playwright test, against the installed `@soxara/testing` (type-checked only: it needs
 * a browser and the merchant's running shop).
 */
import { expect, test } from '@playwright/test';
import type { Payment } from '@soxara/node';
import { approveMomo, completeThreeDS, configureSoxaraTesting, fillCard, submitCard, TEST_CARDS, TEST_PHONES, type PaymentTarget } from '@soxara/testing';

configureSoxaraTesting({ apiUrl: 'http://localhost:4010', secretKey: 'sxs_test_merchant0000' });

test('a card payment with 3-D Secure', async ({ page }) => {
  await page.goto('http://localhost:3000/checkout');
  await fillCard(page, { number: TEST_CARDS.threeDSecure, exp: '12 / 34', cvc: '123' });
  await submitCard(page);
  await completeThreeDS(page);
  await expect(page).toHaveURL(/\/thanks/);
});

test('MoMo, approved on the phone', async ({ page }) => {
  await page.goto('http://localhost:3000/checkout');
  await page.getByLabel('Mobile number').fill(TEST_PHONES.mtnSuccess);
  const target: PaymentTarget = page;
  const payment: Payment = await approveMomo(target);
  expect(payment.status).toBe('succeeded');
  // @ts-expect-error: fillCard takes the page first.
  await fillCard({ number: TEST_CARDS.success });
});

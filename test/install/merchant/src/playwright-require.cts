/**
 * A merchant's Playwright test in a CommonJS project (no `"type": "module"`: Playwright compiles the
 * tests to `require` calls), type-checked only: `@soxara/testing`'s `require` types.
 */
import playwright = require('@playwright/test');
import soxaraTesting = require('@soxara/testing');

const { test, expect } = playwright;
const { fillCard, submitCard, approveWallet, TEST_CARDS } = soxaraTesting;

test('a card payment from a CommonJS test project', async ({ page }) => {
  await page.goto('http://localhost:3000/checkout');
  await fillCard(page, { number: TEST_CARDS.success });
  await submitCard(page);
  // @ts-expect-error: the helpers take the page, a payment id or a client secret.
  await approveWallet(42);
  await expect(page).toHaveURL(/\/thanks/);
});

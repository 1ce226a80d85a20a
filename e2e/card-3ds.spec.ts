/**
 * 3-D Secure (4000 0027 6000 3184): by default the page goes to the sandbox challenge and comes back
 * to return_url with redirect_status; with `redirect: 'if_required'` the challenge shows in a Soxara
 * modal over the page and the promise resolves on the page.
 */
import { expect, test } from '@playwright/test';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { ThreeDsChallenge, ThreeDsModal } from './support/pages/three-ds.ts';
import { stack } from './support/stack.ts';

for (const outcome of ['succeeded', 'failed'] as const) {
  test(`redirect: the challenge ${outcome === 'succeeded' ? 'completed' : 'failed'} lands on return_url with redirect_status=${outcome}`, async ({ page }) => {
    const { paymentId } = await openCheckout(page, 'guide');
    const card = new CardFrame(page);
    await card.fill({ number: TEST_CARDS.threeDSecure });
    await card.pay();

    await page.waitForURL(`${stack.apiUrl}/**`);
    const challenge = new ThreeDsChallenge(page);
    await (outcome === 'succeeded' ? challenge.complete : challenge.fail).click();

    await page.waitForURL(`${stack.merchantUrl}/return?**`);
    const params = new URL(page.url()).searchParams;
    expect(params.get('payment_intent')).toBe(paymentId);
    expect(params.get('payment_intent_client_secret')).toMatch(new RegExp(`^${paymentId}_secret_`));
    expect(params.get('redirect_status')).toBe(outcome);
    expect((await serverPayment(paymentId)).status).toBe(outcome === 'succeeded' ? 'succeeded' : 'requires_payment_method');
  });
}

test('if_required: the challenge opens in a modal, completes, and the promise resolves on the page', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.threeDSecure });
  await card.pay();

  const modal = new ThreeDsModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await expect(modal.iframe).toBeFocused();
  await modal.challenge.complete.click();

  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 15_000 });
  await expect(modal.iframe).toHaveCount(0);
  expect(page.url()).toContain('/modal');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  // Focus goes back to the form the customer paid from.
  await expect(page.locator(`iframe[title="${FRAME_TITLES.card}"]`)).toBeFocused();
});

test('if_required: a failed challenge resolves {error} and the modal goes away', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.threeDSecure });
  await card.pay();

  const modal = new ThreeDsModal(page);
  await modal.challenge.fail.click();
  await expect(page.getByLabel('result')).toHaveText(/^error card_error /, { timeout: 15_000 });
  await expect(modal.iframe).toHaveCount(0);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
});

test('if_required: cancelling the modal resolves {error} without a charge', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.threeDSecure });
  await card.pay();

  const modal = new ThreeDsModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await modal.cancel.click();
  await expect(page.getByLabel('result')).toHaveText('error card_error payment_intent_authentication_failure', { timeout: 15_000 });
  await expect(modal.iframe).toHaveCount(0);
  expect((await serverPayment(paymentId)).status).not.toBe('succeeded');
});

/**
 * A double click, or two confirmPayment calls from an impatient integration, charge once: the
 * merchant script returns the in-flight promise, and the sandbox sees one successful confirm.
 */
import { expect, test } from '@playwright/test';
import { CardFrame, payButtonOnScreen, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverEvents, serverPayment } from './support/pages/merchant.ts';

test('double-clicking the pay button charges once', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await (await payButtonOnScreen(card.frame)).dblclick();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
  await page.waitForTimeout(500);
  const results = await page.evaluate(() => (window as unknown as { __soxara: { results: unknown[] } }).__soxara.results);
  expect(results.length).toBeGreaterThanOrEqual(1);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  await expect.poll(() => serverEvents(paymentId, 'payment.succeeded').then((events) => events.length)).toBe(1);
});

test('two confirmPayment calls in a row share one promise and one charge', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'own-button');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  const same = await page.evaluate(async () => {
    const w = window as unknown as { soxara: { confirmPayment(o: object): Promise<unknown> }; elements: object };
    // The fixture's top-level consts are globals of the page's script.
    const soxara = (0, eval)('soxara') as typeof w.soxara;
    const elements = (0, eval)('elements') as object;
    const first = soxara.confirmPayment({ elements, redirect: 'if_required' });
    const second = soxara.confirmPayment({ elements, redirect: 'if_required' });
    const [a, b] = await Promise.all([first, second]);
    return { samePromise: first === second, a, b };
  });
  expect(same.samePromise).toBe(true);
  expect(same.a).toEqual(same.b);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  await expect.poll(() => serverEvents(paymentId, 'payment.succeeded').then((events) => events.length)).toBe(1);
  expect(await serverEvents(paymentId, 'payment.failed')).toEqual([]);
});

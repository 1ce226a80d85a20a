/**
 * A double click, or two confirmPayment calls from an impatient integration, charge once: the
 * controller frame runs one confirm per payment at a time, so the API sees one confirm and every
 * call resolves to its result.
 */
import { expect, test, type Page } from '@playwright/test';
import { isConfirm, recordRequests } from './support/security-harness.ts';
import { CardFrame, payButtonOnScreen, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverEvents, serverPayment } from './support/pages/merchant.ts';

type Log = { results: unknown[]; submits: number };
const logOf = (page: Page): Promise<Log> => page.evaluate(() => (window as unknown as { __soxara: Log }).__soxara);

test('double-clicking the pay button charges once', async ({ page }) => {
  const requests = recordRequests(page);
  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await (await payButtonOnScreen(card.frame)).dblclick();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
  // However many of the two clicks became a submit (the second lands on a busy button if the first
  // was quick), each got the one success, and one confirm reached the API.
  await expect.poll(async () => ((log) => log.results.length === log.submits)(await logOf(page))).toBe(true);
  const log = await logOf(page);
  expect(log.submits).toBeGreaterThan(0);
  expect(log.results).toEqual(Array(log.submits).fill(expect.objectContaining({ paymentIntent: expect.objectContaining({ id: paymentId, status: 'succeeded' }) })));
  expect(requests.filter(isConfirm)).toHaveLength(1);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  await expect.poll(() => serverEvents(paymentId, 'payment.succeeded').then((events) => events.length)).toBe(1);
  expect(await serverEvents(paymentId, 'payment.failed')).toEqual([]);
});

test('two confirmPayment calls in a row get one result and one charge', async ({ page }) => {
  const requests = recordRequests(page);
  const { paymentId } = await openCheckout(page, 'own-button');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  const { a, b } = await page.evaluate(async () => {
    const w = window as unknown as { soxara: { confirmPayment(o: object): Promise<unknown> }; elements: object };
    // The fixture's top-level consts are globals of the page's script.
    const soxara = (0, eval)('soxara') as typeof w.soxara;
    const elements = (0, eval)('elements') as object;
    const [a, b] = await Promise.all([soxara.confirmPayment({ elements, redirect: 'if_required' }), soxara.confirmPayment({ elements, redirect: 'if_required' })]);
    return { a, b };
  });
  expect(a).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
  expect(b).toEqual(a);
  expect(requests.filter(isConfirm)).toHaveLength(1);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  await expect.poll(() => serverEvents(paymentId, 'payment.succeeded').then((events) => events.length)).toBe(1);
  expect(await serverEvents(paymentId, 'payment.failed')).toEqual([]);
});

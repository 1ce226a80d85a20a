/**
 * The guide's card flows in Firefox: 4242 lands on return_url, a decline is shown in the frame, 3-D
 * Secure by redirect and in the modal (completed and failed), and a double click on Pay charges once (counted on the API).
 */
import './stack-env.ts';
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { TEST_CARDS } from '../../packages/testing/src/test-values.ts';
import { THREE_DS } from '../support/pages/names.ts';
import { stack } from '../support/stack.ts';
import { useFirefox } from './firefox.ts';
import { byRole, CardFrame, payButtonOnScreen, waitForText } from './pages/frames.ts';
import { openCheckout, pageResult, returnParams, serverEvents, serverPayment, urlStartsWith } from './pages/merchant.ts';
import { Modal, modalGone } from './pages/modal.ts';

const firefox = useFirefox();

type Log = { results: unknown[]; submits: number };
const logOf = (page: Page): Promise<Log> => page.evaluate(() => (window as unknown as { __soxara: Log }).__soxara);

/** Pays with the 3-D Secure card on the modal page and answers the challenge in our modal. */
async function answerChallengeInModal(page: Page, answer: string): Promise<string> {
  const { paymentId } = await openCheckout(page, 'modal');
  const card = await CardFrame.on(page);
  await card.fill({ number: TEST_CARDS.threeDSecure });
  await card.pay();
  const modal = await Modal.on(page);
  await (await byRole(await modal.challenge(), 'button', answer)).click();
  return paymentId;
}

describe('cards', () => {
  test("the guide's code pays with 4242 and lands on return_url", async () => {
    const page = await firefox.newPage();
    const { paymentId } = await openCheckout(page, 'guide');
    const card = await CardFrame.on(page);
    await card.fill({ number: TEST_CARDS.success });
    await card.pay();
    const params = await returnParams(page);
    expect(params.get('payment_intent')).toBe(paymentId);
    expect(params.get('redirect_status')).toBe('succeeded');
    expect(await serverPayment(paymentId)).toMatchObject({ status: 'succeeded', payment_method_details: { card: { last4: '4242' } } });
  });

  test('a declined card: the frame says so and the payment can be paid again', async () => {
    const page = await firefox.newPage();
    const { paymentId } = await openCheckout(page, 'guide');
    const card = await CardFrame.on(page);
    await card.fill({ number: TEST_CARDS.declined });
    await card.pay();
    await waitForText(card.frame, /declined/i);
    const server = await serverPayment(paymentId);
    expect(server.status).toBe('requires_payment_method');
    expect(server.last_payment_error).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline' });
  });

  test('3-D Secure by redirect: the challenge page, then return_url with redirect_status=succeeded', async () => {
    const page = await firefox.newPage();
    const { paymentId } = await openCheckout(page, 'guide');
    const card = await CardFrame.on(page);
    await card.fill({ number: TEST_CARDS.threeDSecure });
    await card.pay();
    await urlStartsWith(page, `${stack.apiUrl}/simulators/3ds/`);
    await (await byRole(page, 'button', THREE_DS.complete)).click();
    expect((await returnParams(page)).get('redirect_status')).toBe('succeeded');
    expect((await serverPayment(paymentId)).status).toBe('succeeded');
  });

  test("3-D Secure in the modal (redirect: 'if_required'): completed inside it, resolved on the page", async () => {
    const page = await firefox.newPage();
    const paymentId = await answerChallengeInModal(page, THREE_DS.complete);
    expect(await pageResult(page)).toBe('paymentIntent succeeded');
    await modalGone(page);
    expect(page.url()).toContain('/modal');
    expect((await serverPayment(paymentId)).status).toBe('succeeded');
  });

  test('3-D Secure failed in the modal: {error} authentication_failed, the modal goes, nothing charged', async () => {
    const page = await firefox.newPage();
    const paymentId = await answerChallengeInModal(page, THREE_DS.fail);
    expect(await pageResult(page)).toBe('error card_error authentication_failed');
    await modalGone(page);
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
  });

  test('a double click on Pay charges once', async () => {
    const page = await firefox.newPage();
    // Requests of every frame of the tab, the controller frame's confirm among them.
    const confirms: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/v1\/payments\/pi_\w+\/confirm$/.test(request.url())) confirms.push(request.url());
    });
    const { paymentId } = await openCheckout(page, 'modal');
    const card = await CardFrame.on(page);
    await card.fill({ number: TEST_CARDS.success });
    await (await payButtonOnScreen(card.frame)).click({ count: 2 });
    expect(await pageResult(page)).toBe('paymentIntent succeeded');
    await expect.poll(async () => ((log) => log.results.length === log.submits)(await logOf(page))).toBe(true);
    const log = await logOf(page);
    expect(log.submits).toBeGreaterThan(0);
    expect(log.results).toEqual(Array(log.submits).fill(expect.objectContaining({ paymentIntent: expect.objectContaining({ id: paymentId, status: 'succeeded' }) })));
    expect(confirms).toHaveLength(1);
    await expect.poll(async () => (await serverEvents(paymentId, 'payment.succeeded')).length).toBe(1);
    expect(await serverEvents(paymentId, 'payment.failed')).toEqual([]);
  });
});

/**
 * MoMo and the Soxara wallet in Firefox: the guide's MoMo call approved, cancelled and refused, the
 * wallet's QR code on a desktop and a decline in the app, and the tabbed form (MoMo tab) confirmed from the frame. The sandbox approves the
 * success number by itself after SOXARA_MOMO_DELAY_MS; the wallet is approved as the customer's app
 * would, through the sandbox's test helper.
 */
import './stack-env.ts';
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { TEST_PHONES } from '../../packages/testing/src/test-values.ts';
import { secretApi } from '../support/security-harness.ts';
import { FRAME_TITLES, MOMO_MODAL, PAYMENT_TABS, WALLET_MODAL } from '../support/pages/names.ts';
import { useFirefox } from './firefox.ts';
import { byLabel, byRole, clickPayButton, frameTitled, waitForText } from './pages/frames.ts';
import { openCheckout, pageResult, serverPayment } from './pages/merchant.ts';
import { Modal, modalGone } from './pages/modal.ts';

const firefox = useFirefox();

interface Result {
  paymentIntent?: { id: string; status: string };
  error?: { type: string; code: string; message: string; payment_intent?: { id: string } };
}

async function checkout(page: Page): Promise<{ paymentId: string; clientSecret: string }> {
  const { paymentId } = await openCheckout(page, 'result');
  const { client_secret: clientSecret } = (await serverPayment(paymentId)) as unknown as { client_secret: string };
  return { paymentId, clientSecret };
}

/** The guide's confirm call for `paymentMethod`, run by the merchant page. */
function confirm(page: Page, clientSecret: string, paymentMethod: object): Promise<Result> {
  return page.evaluate(
    // @ts-expect-error `soxara` is the page's global from the guide's code
    (clientSecret, paymentMethod) => soxara.confirmPayment({ clientSecret, paymentMethod }),
    clientSecret,
    paymentMethod,
  ) as Promise<Result>;
}

describe('MoMo', () => {
  test('approved on the phone: the modal shows the prompt, the promise resolves with the payment', async () => {
    const page = await firefox.newPage();
    const { paymentId, clientSecret } = await checkout(page);
    const result = confirm(page, clientSecret, { type: 'momo', momo: { provider: 'mtn', phone_number: TEST_PHONES.mtnSuccess } });
    expect(await (await Modal.on(page)).dialog(MOMO_MODAL.dialog)).toContain('$12.50');
    expect(await result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
    await modalGone(page);
    expect((await serverPayment(paymentId)).status).toBe('succeeded');
  });

  test('Cancel in the modal ends the wait with customer_canceled, nothing charged', async () => {
    const page = await firefox.newPage();
    const { paymentId, clientSecret } = await checkout(page);
    const result = confirm(page, clientSecret, { type: 'momo', momo: { provider: 'mtn', phone_number: TEST_PHONES.expires } });
    const modal = await Modal.on(page);
    await modal.dialog(MOMO_MODAL.dialog);
    await modal.click('button', MOMO_MODAL.cancel);
    expect((await result).error).toMatchObject({ code: 'customer_canceled', payment_intent: { id: paymentId } });
    await modalGone(page);
    expect((await serverPayment(paymentId)).status).not.toBe('succeeded');
  });

  test('refused on the phone: {error} approval_rejected in the customer\'s words, and the payment can be paid again', async () => {
    const page = await firefox.newPage();
    const { paymentId, clientSecret } = await checkout(page);
    const result = await confirm(page, clientSecret, { type: 'momo', momo: { provider: 'mtn', phone_number: TEST_PHONES.rejected } });
    expect(result.error).toMatchObject({ type: 'momo_error', code: 'approval_rejected', message: expect.stringMatching(/^The payment request was declined on your phone\. No money was taken\./), payment_intent: { id: paymentId } });
    await modalGone(page);
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
  });
});

describe('Soxara wallet', () => {
  test('a desktop gets the QR code of the universal link; the approval resolves the payment', async () => {
    const page = await firefox.newPage();
    const { paymentId, clientSecret } = await checkout(page);
    const result = confirm(page, clientSecret, { type: 'soxara_wallet' });
    const modal = await Modal.on(page);
    await modal.dialog(WALLET_MODAL.dialog);
    const qr = await modal.frame.waitForSelector('[role="img"][aria-label]', { visible: true });
    expect(await qr!.evaluate((element) => element.getAttribute('aria-label'))).toMatch(WALLET_MODAL.qr);
    const box = await qr!.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    const link = await (await byRole(modal.frame, 'link', WALLET_MODAL.openHere)).evaluate((element) => element.getAttribute('href'));
    const server = (await serverPayment(paymentId)) as unknown as { next_action: { soxara_wallet_approval: { universal_link: string } } };
    expect(link).toBe(server.next_action.soxara_wallet_approval.universal_link);

    expect((await secretApi('POST', `/v1/test_helpers/payments/${paymentId}/approve`)).status).toBe(200);
    expect(await result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
    await modalGone(page);
  });

  test('declined in the app: {error} wallet_error approval_rejected in the customer\'s words, nothing charged', async () => {
    const page = await firefox.newPage();
    const { paymentId, clientSecret } = await checkout(page);
    const result = confirm(page, clientSecret, { type: 'soxara_wallet' });
    await (await Modal.on(page)).dialog(WALLET_MODAL.dialog);
    expect((await secretApi('POST', `/v1/test_helpers/payments/${paymentId}/decline`)).status).toBe(200);
    expect((await result).error).toMatchObject({ type: 'wallet_error', code: 'approval_rejected', message: expect.stringMatching(/^The payment was declined in the Soxara app\./), payment_intent: { id: paymentId } });
    await modalGone(page);
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
  });
});

describe('the tabbed form', () => {
  test('MoMo tab: the number typed in the frame names its network, prompt approved, payment succeeded', async () => {
    const page = await firefox.newPage();
    const { paymentId } = await openCheckout(page, 'tabs');
    const form = await frameTitled(page, FRAME_TITLES.payment);
    const tab = await byRole(form, 'tab', PAYMENT_TABS.momo);
    await tab.click();
    expect(await tab.evaluate((element) => element.getAttribute('aria-selected'))).toBe('true');
    await (await byLabel(form, MOMO_MODAL.number)).type('077 012 3456');
    // The number names its network: no picker.
    await waitForText(form, 'Orange Money.');
    expect(await form.$$('input[type="radio"]')).toHaveLength(0);
    await clickPayButton(form);
    expect(await (await Modal.on(page)).dialog(MOMO_MODAL.dialog)).toContain('Orange Money');
    expect(await pageResult(page)).toBe('paymentIntent succeeded');
    expect(await serverPayment(paymentId)).toMatchObject({ payment_method: 'momo', payment_method_details: { momo: { provider: 'orange' } } });
  });
});

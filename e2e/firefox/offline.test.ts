/**
 * e2e/offline.spec.ts in Firefox: dropped connections, with the network cut by the test.
 *
 * The cut: WebDriver BiDi's `emulation.setNetworkConditions { type: 'offline' }` for the tab's
 * top-level browsing context, sent by puppeteer's `page.setOfflineMode(true)`. Firefox applies it to
 * the whole tab, the cross-origin frames too (our controller, card and modal frames on the JS origin,
 * which Firefox's site isolation runs in other processes): `navigator.onLine` goes false and `offline`
 * fires in each of them, and their requests fail with a network error; `setOfflineMode(false)` brings
 * back `online` and working requests. The first test proves exactly that, in the controller and card
 * frames, with a request to the API that answered just before the cut. Nothing is faked in the page:
 * the frames see what a customer's browser shows on a lost network.
 *
 * What it proves then, as in Chromium: a confirm sent while offline waits and completes with the same
 * idempotency key (keys read off the wire, charge counted on the API); a MoMo or wallet wait outlives a
 * drop longer than its prompt, with the tab in the background meanwhile, and resolves at once when the
 * network is back; the customer reads one calm line and never a failure; each payment is charged once.
 * The customer's phone is not the browser: approvals are made from the test, which keeps its network.
 */
import './stack-env.ts';
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { TEST_CARDS, TEST_PHONES } from '../../packages/testing/src/test-values.ts';
import { succeededEvents } from '../support/events.ts';
import { CONFIRM_TRIES_MS, DROP_MS, OFFLINE_LINE, setBackground } from '../support/offline.ts';
import { FRAME_TITLES, MOMO_MODAL, WALLET_MODAL } from '../support/pages/names.ts';
import { secretApi } from '../support/security-harness.ts';
import { stack } from '../support/stack.ts';
import { useFirefox } from './firefox.ts';
import { CardFrame, frameTitled, showsText, waitForText } from './pages/frames.ts';
import { openCheckout, pageResult, serverPayment } from './pages/merchant.ts';
import { Modal, modalGone } from './pages/modal.ts';

const firefox = useFirefox();

interface Result {
  paymentIntent?: { id: string; status: string };
  error?: { type: string; code: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every confirm the tab's frames send (those failed for the cut too), by idempotency key. */
function watchConfirms(page: Page): string[] {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/v1\/payments\/pi_\w+\/confirm$/.test(new URL(request.url()).pathname)) {
      keys.push(request.headers()['x-idempotency-key'] ?? '(none)');
    }
  });
  return keys;
}

/** Resolves once the card frame's live region (its notice under the pay button) reads `text`. */
async function noticeIs(frame: Frame, text: string, timeout = 5_000): Promise<void> {
  await frame.waitForFunction((text) => document.querySelector('[role="status"]')?.textContent?.trim() === text, { timeout }, text);
}

async function clientSecretOf(paymentId: string): Promise<string> {
  return ((await serverPayment(paymentId)) as unknown as { client_secret: string }).client_secret;
}

interface FrameNetwork {
  onLine: boolean;
  events: string[];
  /** The HTTP status of a client-side read of the payment from the frame, or the error it failed with. */
  read: number | string;
}

/** Starts recording a frame's `online` / `offline` events. */
function recordConnectivity(frame: Frame): Promise<void> {
  return frame.evaluate(() => {
    const events: string[] = [];
    (window as unknown as { __connectivity: string[] }).__connectivity = events;
    addEventListener('offline', () => events.push('offline'));
    addEventListener('online', () => events.push('online'));
  });
}

/** What a frame knows of the network now: as its flows read it, and as its requests meet it. */
function networkIn(frame: Frame, paymentId: string, clientSecret: string): Promise<FrameNetwork> {
  const url = `${stack.apiUrl}/v1/payments/${paymentId}?client_secret=${encodeURIComponent(clientSecret)}`;
  return frame.evaluate(
    async (url, key) => {
      const read = await fetch(url, { headers: { Authorization: `Bearer ${key}` }, cache: 'no-store' }).then(
        (response) => response.status,
        (error: unknown) => String(error),
      );
      return { onLine: navigator.onLine, events: [...(window as unknown as { __connectivity: string[] }).__connectivity], read };
    },
    url,
    stack.publishableKey,
  );
}

describe('offline (the tab cut over WebDriver BiDi)', () => {
  test('the cross-origin frames see the cut: offline in the controller and card frames, their requests fail; back after', async () => {
    const page = await firefox.newPage();
    const { paymentId } = await openCheckout(page, 'modal');
    const clientSecret = await clientSecretOf(paymentId);
    await CardFrame.on(page);
    const frames = [await frameTitled(page, FRAME_TITLES.controller), await frameTitled(page, FRAME_TITLES.card)];
    expect(frames.map((frame) => new URL(frame.url()).origin)).toEqual([stack.jsUrl, stack.jsUrl]);
    expect(stack.jsUrl).not.toBe(new URL(page.url()).origin);
    for (const frame of frames) {
      await recordConnectivity(frame);
      expect(await networkIn(frame, paymentId, clientSecret)).toEqual({ onLine: true, events: [], read: 200 });
    }

    await page.setOfflineMode(true);
    for (const frame of frames) {
      expect(await networkIn(frame, paymentId, clientSecret)).toEqual({ onLine: false, events: ['offline'], read: expect.stringMatching(/NetworkError/) });
    }

    await page.setOfflineMode(false);
    for (const frame of frames) {
      expect(await networkIn(frame, paymentId, clientSecret)).toEqual({ onLine: true, events: ['offline', 'online'], read: 200 });
    }
  });

  test('card: Pay pressed while offline waits with one calm line, then completes with the same idempotency key, charged once', async () => {
    const page = await firefox.newPage();
    const keys = watchConfirms(page);
    const { paymentId } = await openCheckout(page, 'modal');
    const card = await CardFrame.on(page);
    await card.fill({ number: TEST_CARDS.success });
    await page.setOfflineMode(true);
    await card.pay();

    await noticeIs(card.frame, OFFLINE_LINE.en, 10_000);
    await sleep(CONFIRM_TRIES_MS);
    expect(await page.$eval('#result', (output) => output.textContent)).toBe('');
    expect(await card.frame.$$('.sx-error')).toHaveLength(0);
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');

    await page.setOfflineMode(false);
    expect(await pageResult(page, 15_000)).toBe('paymentIntent succeeded');
    // The live region stays, for the next notice; the line in it is gone.
    await noticeIs(card.frame, '');
    expect((await serverPayment(paymentId)).status).toBe('succeeded');
    expect(await succeededEvents(paymentId)).toBe(1);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
  });

  const methods = {
    momo: { paymentMethod: { type: 'momo', momo: { provider: 'mtn', phone_number: TEST_PHONES.mtnSuccess } }, dialog: MOMO_MODAL.dialog },
    wallet: { paymentMethod: { type: 'soxara_wallet' }, dialog: WALLET_MODAL.dialog },
  } as const;

  for (const [method, { paymentMethod, dialog }] of Object.entries(methods)) {
    test(`${method}: the wait outlives a drop longer than the prompt, with the tab in the background; resolves once back, charged once`, { timeout: 60_000 }, async () => {
      const page = await firefox.newPage();
      const keys = watchConfirms(page);
      const { paymentId } = await openCheckout(page, 'result');
      const clientSecret = await clientSecretOf(paymentId);
      let settled: Result | null = null;
      const result = (
        page.evaluate(
          // @ts-expect-error `soxara` is the page's global from the guide's code
          (clientSecret, paymentMethod) => soxara.confirmPayment({ clientSecret, paymentMethod }),
          clientSecret,
          paymentMethod,
        ) as Promise<Result>
      ).then((value) => (settled = value));

      const modal = await Modal.on(page);
      await modal.dialog(dialog);
      await page.setOfflineMode(true);
      await waitForText(modal.frame, OFFLINE_LINE.en, 10_000);
      await page.evaluate(setBackground, true);
      // The customer approves on the phone meanwhile (MoMo: the sandbox's own approval after its delay).
      if (method === 'wallet') expect((await secretApi('POST', `/v1/test_helpers/payments/${paymentId}/approve`)).status).toBe(200);
      await expect.poll(async () => (await serverPayment(paymentId)).status, { timeout: 10_000 }).toBe('succeeded');
      await sleep(DROP_MS);
      expect(settled).toBeNull();
      expect(await showsText(modal.frame, OFFLINE_LINE.en)).toBe(true);
      expect(await page.$eval('#result', (output) => output.textContent)).toBe('');

      await page.setOfflineMode(false);
      await page.evaluate(setBackground, false);
      const started = Date.now();
      expect(await result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
      // At once, not after a backoff grown through the drop nor at the end of a long poll.
      expect(Date.now() - started).toBeLessThan(5_000);
      await modalGone(page);
      expect(await succeededEvents(paymentId)).toBe(1);
      expect(new Set(keys).size).toBe(1);
    });
  }
});

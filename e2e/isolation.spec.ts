/**
 * The merchant page cannot read the card: the frames are cross-origin (contentDocument is null),
 * nothing the page receives — window messages, port messages — nor its DOM ever holds the number or
 * the CVC, and a barrage of junk postMessages from the page changes nothing and throws nowhere.
 */
import { expect, test, type Page } from '@playwright/test';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

/**
 * Runs in the merchant page before its scripts: records every `message` event on the window and
 * every message delivered to a MessagePort of the page (the merchant script's ends of the lines).
 */
function recordMerchantTraffic(merchantOrigin: string): void {
  if (location.origin !== merchantOrigin) return;
  const log: string[] = [];
  (window as unknown as { __traffic: string[] }).__traffic = log;
  const describe = (data: unknown): string => {
    try {
      return JSON.stringify(data) ?? String(data);
    } catch {
      return String(data);
    }
  };
  window.addEventListener('message', (event) => log.push(`window ${event.origin} ${describe(event.data)}`), true);
  const descriptor = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  if (descriptor?.set && descriptor.get) {
    const { get, set } = descriptor;
    Object.defineProperty(MessagePort.prototype, 'onmessage', {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(handler: ((event: MessageEvent) => void) | null) {
        set.call(
          this,
          handler &&
            ((event: MessageEvent) => {
              log.push(`port ${describe(event.data)}`);
              handler.call(this, event);
            }),
        );
      },
    });
  }
}

const NUMBER = TEST_CARDS.success;
const CVC = '739';

test('the merchant page cannot read the frames (contentDocument is null, document access throws)', async ({ page }) => {
  await page.addInitScript(recordMerchantTraffic, stack.merchantUrl);
  await openCheckout(page, 'result');
  const card = new CardFrame(page);
  await card.fill({ number: NUMBER, expiry: '12 / 34', cvc: CVC });
  await card.cvc.blur();

  const access = await page.evaluate(() =>
    [...document.querySelectorAll('iframe')].map((iframe) => {
      let documentReadable = true;
      try {
        void iframe.contentWindow?.document.body;
      } catch {
        documentReadable = false;
      }
      return { title: iframe.title, contentDocument: iframe.contentDocument === null, documentReadable };
    }),
  );
  expect(access.map((frame) => frame.title)).toEqual(expect.arrayContaining([FRAME_TITLES.card, FRAME_TITLES.controller]));
  for (const frame of access) expect(frame).toMatchObject({ contentDocument: true, documentReadable: false });

});

/** Asserts that nothing the merchant page received (recordMerchantTraffic) or renders holds the card number or CVC. */
async function expectNoCardOnMerchantPage(page: Page): Promise<void> {
  const seen = await page.evaluate(() => ({
    traffic: (window as unknown as { __traffic: string[] }).__traffic,
    dom: document.documentElement.outerHTML,
    text: document.documentElement.innerText,
  }));
  expect(seen.traffic.length).toBeGreaterThan(3);
  const digits = NUMBER.replace(/\s/g, '');
  const everything = [...seen.traffic, seen.dom, seen.text].join('\n');
  expect(everything).not.toContain(digits);
  expect(everything).not.toContain(NUMBER);
  expect(everything).not.toContain(digits.slice(0, 12));
  expect(everything).not.toMatch(new RegExp(`["':\\s]${CVC}["\\s,}]`));
  // Expiry month and year are client-safe (they come back in payment_method_details.card, as with Stripe).
  expect(everything).not.toMatch(/"(cvc|number|card_number)"\s*:/);
}

test('nothing the merchant page receives or renders holds the card number or CVC', async ({ page }) => {
  await page.addInitScript(recordMerchantTraffic, stack.merchantUrl);
  await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: NUMBER, expiry: '12 / 34', cvc: CVC });
  await card.cvc.blur();
  await card.pay();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
  await expectNoCardOnMerchantPage(page);
});

test('nothing the merchant page receives or renders holds the card number or CVC, autofill included (checklist A11)', async ({ page }) => {
  await page.addInitScript(recordMerchantTraffic, stack.merchantUrl);
  await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  // Chromium's own card autofill (DevTools' Autofill.trigger), not values typed by the test.
  await card.autofill({ number: NUMBER.replace(/\s/g, ''), name: 'Jane Doe', expiryMonth: '12', expiryYear: '2034', cvc: CVC });
  await expect(card.number).toHaveValue(NUMBER);
  await expect(card.cvc).toHaveValue(CVC);
  await card.pay();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
  await expectNoCardOnMerchantPage(page);
});

test('a barrage of junk postMessages from the merchant page changes nothing, throws nothing, and the form still pays', async ({ page }) => {
  const errors = collectPageErrors(page);
  const { paymentId } = await openCheckout(page, 'result');
  const card = new CardFrame(page);
  await card.waitUntilReady();

  const sent = await page.evaluate((jsOrigin) => {
    const huge = 'x'.repeat(1_000_000);
    const heavy: unknown[] = [huge, { protocol: 'soxara', v: 1, type: 'connect', frameId: huge }, new Array(10_000).fill({ type: 'resize', height: 1e9 })];
    const shapes: unknown[] = [
      null,
      undefined,
      0,
      'connect',
      [],
      [1, 2, 3],
      {},
      { type: 'connect' },
      { protocol: 'soxara', v: 1, type: 'connect', frameId: 'aaaaaaaaaaaa' },
      { protocol: 'soxara', v: 1, type: 'frame-ready', frameId: 'aaaaaaaaaaaa' },
      { protocol: 'soxara', v: 2, type: 'connect', frameId: 'bbbbbbbbbbbb' },
      { protocol: 'soxara', v: 1, type: 'request', id: 1, call: { method: 'confirm-element', clientSecret: 'pi_x_secret_y' } },
      { type: 'configure', options: { locale: 'en', showPayButton: true } },
      { type: 'card-collected', id: 1, result: { card: { number: '4000000000000002', expMonth: 1, expYear: 2030, cvc: '123' } } },
      { type: 'collect-card', id: 1 },
      { type: 'redirect', url: 'javascript:alert(1)' },
      { type: 'open-modal', modalId: 'm', kind: 'three-ds' },
      JSON.parse('{"__proto__": {"polluted": true}, "type": "connect", "protocol": "soxara", "v": 1}'),
      JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
      { toString: undefined, valueOf: undefined },
      { type: 'resize', height: 99999 },
      { type: 'response', id: 1, result: { paymentIntent: { id: 'pi_fake', status: 'succeeded', amount: 1, currency: 'USD' } } },
    ];
    const targets: Window[] = [window, ...[...document.querySelectorAll('iframe')].map((iframe) => iframe.contentWindow!).filter(Boolean)];
    let count = 0;
    for (let round = 0; round < 60; round++) {
      for (const target of targets) {
        for (const shape of round === 0 ? [...heavy, ...shapes] : shapes) {
          const channel = new MessageChannel();
          try {
            target.postMessage(shape, '*', round % 2 ? [channel.port2] : []);
            target.postMessage(shape, jsOrigin);
            count += 2;
          } catch {
            // Cloning failures are the browser's, not ours.
          }
        }
      }
    }
    return count;
  }, stack.jsUrl);
  expect(sent).toBeGreaterThan(2_000);

  await page.waitForTimeout(1_000);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).toBeUndefined();
  expect(page.url()).toContain('/result');
  await expect(page.locator(`iframe[title="${FRAME_TITLES.modal}"]`)).toHaveCount(0);

  await card.fill({ number: TEST_CARDS.success });
  await card.pay();
  await page.waitForURL(`${stack.merchantUrl}/return?**`);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  expect(errors).toEqual([]);
});

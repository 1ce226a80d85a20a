/**
 * The pay guard's Firefox path (apps/frames/src/shared/pay-guard.ts). Firefox has no
 * IntersectionObserver v2: its observer ignores `trackVisibility` and reports no `isVisible`, so the
 * guard knows only "at least half on screen". Nor does that observer report anything for a frame in a
 * `display: none` box (the frame is not laid out at all), so until the guard also checked for a 0×0
 * viewport, a click on a frame just shown from `display: none` paid at once here (found by this
 * suite). Now it is refused, and an honest click after a moment still pays; keyboard activation is
 * never held back. What Firefox cannot see (a transparent frame) is the limit the guard's header documents: the
 * last test pins it, so that a Firefox that gains IOv2 fails it and the header gets updated.
 */
import './stack-env.ts';
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { STEADY_MS } from '../../apps/frames/src/shared/pay-guard.ts';
import { PAY_CLICK_IGNORED } from '../../packages/protocol/src/errors.ts';
import { TEST_CARDS } from '../../packages/testing/src/test-values.ts';
import { useFirefox } from './firefox.ts';
import { CardFrame, payButton, payButtonOnScreen, waitForText } from './pages/frames.ts';
import { openCheckout, returnParams, serverPayment } from './pages/merchant.ts';

const firefox = useFirefox();

type Trick = 'transparent' | 'hide' | 'show' | 'reset';
const trick = (page: Page, name: Trick) => page.evaluate((name) => (window as unknown as { clickjack: Record<Trick, () => void> }).clickjack[name](), name);
const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
const settle = () => new Promise((resolve) => setTimeout(resolve, STEADY_MS + 500));

async function clickjackPage(page: Page): Promise<{ paymentId: string; card: CardFrame }> {
  const { paymentId } = await openCheckout(page, 'clickjack');
  const card = await CardFrame.on(page);
  await card.fill({ number: TEST_CARDS.success });
  return { paymentId, card };
}

async function expectPaid(page: Page, paymentId: string): Promise<void> {
  expect((await returnParams(page)).get('redirect_status')).toBe('succeeded');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
}

describe('pay guard (Firefox: no IntersectionObserver v2)', () => {
  test("Firefox's observer in our frame gives plain intersection: no isVisible", async () => {
    const page = await firefox.newPage();
    const { card } = await clickjackPage(page);
    const button = await payButton(card.frame);
    const isVisible = await button.evaluate(
      (element) =>
        new Promise<unknown>((resolve) => {
          const observer = new IntersectionObserver(
            (entries) => {
              observer.disconnect();
              resolve((entries[0] as IntersectionObserverEntry & { isVisible?: boolean }).isVisible);
            },
            { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
          );
          observer.observe(element);
        }),
    );
    expect(isVisible).toBeUndefined();
  });

  test('a frame shown from display:none and clicked at once: ignored, the customer told why; a later click pays', async () => {
    const page = await firefox.newPage();
    const { paymentId, card } = await clickjackPage(page);
    const box = await (await payButtonOnScreen(card.frame)).boundingBox();
    if (!box) throw new Error('the pay button has no box');
    await trick(page, 'hide');
    await settle();
    await trick(page, 'show');
    await nextFrames(page);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForText(card.frame, PAY_CLICK_IGNORED.message);
    // Nothing was sent, so there is nothing to wait for; a moment more catches a late submit anyway.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(page.url()).toContain('/clickjack');
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');

    await card.pay();
    await expectPaid(page, paymentId);
  });

  test('Enter in a field pays at once (clickjacking aims a pointer)', async () => {
    const page = await firefox.newPage();
    const { paymentId } = await clickjackPage(page);
    await page.keyboard.press('Enter');
    await expectPaid(page, paymentId);
  });

  test('the documented limit: a nearly transparent frame is not seen in Firefox, and a steady click pays', async () => {
    const page = await firefox.newPage();
    const { paymentId, card } = await clickjackPage(page);
    await trick(page, 'transparent');
    await settle();
    await (await payButtonOnScreen(card.frame)).click();
    await expectPaid(page, paymentId);
  });
});

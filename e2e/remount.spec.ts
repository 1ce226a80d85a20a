/**
 * A re-mount as React StrictMode does it (security.md §6 C7): mount, unmount (or destroy) and mount
 * again in one task. The page must end with one card frame and one controller frame, fields that take
 * a card and pay it, `ready` from the live mount only, and no page errors.
 */
import { expect, test, type Page } from '@playwright/test';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

interface RemountLog {
  ready: string[];
  loaderrors: string[];
  results: unknown[];
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { __remount: RemountLog }).__remount);

const modes = [
  { mode: 'remount', title: 'mount → unmount → mount at once on one form' },
  { mode: 'recreate', title: 'elements() + mount → destroy → a new elements() + mount at once' },
  { mode: 'card', title: "create('card') + mount → destroy → create('card') + mount at once, own Pay button" },
] as const;

for (const { mode, title } of modes) {
  test(`C7 StrictMode ${title}: one card frame, one controller, ready once, and it pays`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = collectPageErrors(page);
    await page.goto(new URL(`/remount?mode=${mode}`, stack.merchantUrl).href);
    const paymentId = (await page.locator('meta[name="payment-id"]').getAttribute('content'))!;

    const card = new CardFrame(page);
    await card.waitUntilReady();
    await expect.poll(async () => (await log(page)).ready, { timeout: 20_000 }).toEqual(['live']);
    await expect(page.locator(`iframe[title="${FRAME_TITLES.controller}"]`)).toHaveCount(1, { timeout: 20_000 });
    await expect(card.iframe).toHaveCount(1);
    await expect(page.locator('iframe')).toHaveCount(2);

    await card.fill({ number: TEST_CARDS.success });
    if (mode === 'card') await page.getByRole('button', { name: 'Place order' }).click();
    else await card.pay();
    await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
    expect((await serverPayment(paymentId)).status).toBe('succeeded');

    const after = await log(page);
    expect(after.ready).toEqual(['live']);
    expect(after.loaderrors).toEqual([]);
    expect(after.results).toHaveLength(1);
    await expect(card.iframe).toHaveCount(1);
    await expect(page.locator(`iframe[title="${FRAME_TITLES.controller}"]`)).toHaveCount(1);
    expect(errors).toEqual([]);
  });
}

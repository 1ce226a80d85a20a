/**
 * A browser that saves data (Save-Data, or a 2g connection, as the Network Information API reports it
 * in the frames) gets the card frame without decoration: no brand badge, no animation. The API is
 * emulated in every frame with an init script (Playwright runs it in the cross-origin frames too).
 */
import { expect, test } from '@playwright/test';
import { CardFrame } from './support/pages/card-frame.ts';
import { openCheckout } from './support/pages/merchant.ts';

const NETWORKS = [
  { name: 'Save-Data', connection: { saveData: true, effectiveType: '4g' }, lite: true },
  { name: 'a slow-2g connection', connection: { saveData: false, effectiveType: 'slow-2g' }, lite: true },
  { name: 'a 4g connection', connection: { saveData: false, effectiveType: '4g' }, lite: false },
] as const;

for (const { name, connection, lite } of NETWORKS) {
  test(`${name}: the card frame ${lite ? 'drops' : 'keeps'} its decoration`, async ({ page, context }) => {
    await context.addInitScript((connection) => {
      Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
    }, connection);
    await openCheckout(page, 'modal');
    const card = new CardFrame(page);
    await card.number.fill('4242 4242');
    const badge = card.frame.locator('.sx-brand');
    await expect(badge).toHaveAttribute('data-brand', 'visa');
    if (lite) {
      await expect(card.frame.locator('html')).toHaveAttribute('data-lite', '');
      await expect(badge).toBeHidden();
      expect(await card.number.evaluate((input) => getComputedStyle(input).transitionDuration)).toBe('0s');
    } else {
      await expect(badge).toBeVisible();
      expect(await card.number.evaluate((input) => getComputedStyle(input).transitionDuration)).not.toBe('0s');
    }
  });
}

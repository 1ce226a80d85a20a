/**
 * No layout shift: the merchant script gives a new element frame the height the frame will report once
 * drawn (@soxara/protocol frame-layout.ts), so the merchant's page does not move when the frame loads,
 * gets its amount and shows its pay button. Measured as the page sees it: the cumulative layout shift
 * from a `layout-shift` PerformanceObserver registered before anything was drawn, at desktop and phone
 * sizes, for the card form and the tabbed Payment Element.
 */
import { expect, test } from '@playwright/test';
import { FRAME_TITLES } from './support/pages/card-frame.ts';
import { openCheckout } from './support/pages/merchant.ts';

interface Layout {
  cls: number;
  shifts: { value: number; at: number }[];
  reserved: string;
  ready?: boolean;
}

const layout = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __layout: Layout }).__layout);

const FORMS = [
  { form: 'card', title: FRAME_TITLES.card },
  { form: 'tabs', title: FRAME_TITLES.payment },
  // The merchant's own font size and spacing (appearance variables) move every height.
  { form: 'tabs-large', title: FRAME_TITLES.payment },
] as const;
const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
  { name: 'phone', viewport: { width: 412, height: 823 } },
] as const;

for (const { form, title } of FORMS) {
  for (const { name, viewport } of VIEWPORTS) {
    test(`${form} form, ${name}: the frame's reserved height is its drawn height, CLS ≤ 0.02`, async ({ page }) => {
      await page.setViewportSize(viewport);
      // The frame's script comes late, as on a phone's network: the page is drawn with the frame empty
      // first, so any height the frame then takes moves what is below it.
      await page.context().route('**/frames/assets/*.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await route.continue();
      });
      await openCheckout(page, 'layout-shift', { form });
      const frame = page.frameLocator(`iframe[title="${title}"]`);
      // Fully drawn: ready, then the amount from the controller on the pay button.
      await expect.poll(async () => (await layout(page)).ready ?? false).toBe(true);
      await expect(frame.getByRole('button', { name: /12\.50/ })).toBeVisible();
      // Two frames of the page after the last change, so any resize it caused has been laid out.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

      const measured = await layout(page);
      const drawn = await page.locator(`iframe[title="${title}"]`).evaluate((iframe) => iframe.getBoundingClientRect().height);
      expect(measured.cls, JSON.stringify(measured.shifts)).toBeLessThanOrEqual(0.02);
      expect(measured.reserved).toMatch(/^\d+px$/);
      expect(drawn).toBe(Number.parseInt(measured.reserved, 10));
    });
  }
}

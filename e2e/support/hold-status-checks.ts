/**
 * Holds the controller's status checks (`GET /v1/payments/:id?wait=…`) on the wire until released, so a
 * MoMo or wallet dialog stays as the customer first sees it while a test looks at it: the stack's prompts
 * expire after 8 s, less than axe may need on a loaded machine.
 */
import type { Page } from '@playwright/test';
import { stack } from './stack.ts';

export async function holdStatusChecks(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  await page.route(`${stack.apiUrl}/v1/payments/*`, async (route) => {
    if (route.request().method() === 'GET' && route.request().url().includes('wait=')) {
      await new Promise<void>((resolve) => {
        const previous = release;
        release = () => {
          previous();
          resolve();
        };
      });
    }
    await route.continue();
  });
  return () => release();
}

/**
 * The npm loader (`@soxara/soxara-js/pure`) in a real browser, loading the real Soxara.js from the JS
 * origin: one script tag however often it is called, a retry after a failed load, and an instance
 * that mounts working card fields. The merchant page is a bare page of the test merchant's origin
 * (no CSP, nothing of Soxara's on it); everything of Soxara's is the real stack.
 */
import { expect, test, type Page } from '@playwright/test';
import { bundleLoaderForBrowser } from '../packages/soxara-js/test/browser-bundle.ts';
import { stack } from './support/stack.ts';

// A page of a real server: in Chromium, a page fulfilled by page.route() failed to load the script
// from the loopback JS origin.
async function openMerchantPage(page: Page): Promise<void> {
  await page.goto(`${stack.merchantUrl}/health`);
  await page.evaluate(() => {
    const container = document.createElement('div');
    container.id = 'payment-form';
    document.body.appendChild(container);
  });
  await page.addScriptTag({ content: await bundleLoaderForBrowser() });
}

async function createPayment(): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/v1/payments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ amount: 1250, currency: 'USD', description: 'loader e2e' }),
  });
  return ((await response.json()) as { data: { client_secret: string } }).data.client_secret;
}

test('loadSoxara injects Soxara.js once and returns an instance that mounts working card fields', async ({ page }) => {
  await openMerchantPage(page);
  const clientSecret = await createPayment();
  const scripts = await page.evaluate(
    async ({ jsUrl, key, clientSecret }) => {
      const { loadSoxara } = (window as unknown as { SoxaraLoader: typeof import('../packages/soxara-js/src/pure.ts') }).SoxaraLoader;
      loadSoxara.setLoadParameters({ scriptUrl: `${jsUrl}/v1` });
      const [soxara, again] = await Promise.all([loadSoxara(key), loadSoxara(key)]);
      if (!soxara || !again) throw new Error('no instance');
      soxara.elements({ clientSecret }).mount('#payment-form');
      return Array.from(document.querySelectorAll('script[src]')).map((s) => (s as HTMLScriptElement).src);
    },
    { jsUrl: stack.jsUrl, key: stack.publishableKey, clientSecret },
  );
  expect(scripts).toEqual([`${stack.jsUrl}/v1`]);
  await expect(page.frameLocator('iframe[title="Secure card payment input frame"]').getByLabel('Card number')).toBeEditable({ timeout: 20_000 });
});

test('after a failed load the next loadSoxara call tries again', async ({ page }) => {
  await openMerchantPage(page);
  const outcome = await page.evaluate(
    async ({ jsUrl, key }) => {
      const { loadSoxara } = (window as unknown as { SoxaraLoader: typeof import('../packages/soxara-js/src/pure.ts') }).SoxaraLoader;
      // Nothing listens on port 9: the script fails to load, as on a flaky network.
      loadSoxara.setLoadParameters({ scriptUrl: 'http://127.0.0.1:9/v1' });
      const first = await loadSoxara(key).then(
        () => 'loaded',
        (error: Error) => error.message,
      );
      loadSoxara.setLoadParameters({ scriptUrl: `${jsUrl}/v1` });
      const second = await loadSoxara(key);
      return { first, second: typeof second?.confirmPayment, tags: document.querySelectorAll('script[src]').length };
    },
    { jsUrl: stack.jsUrl, key: stack.publishableKey },
  );
  expect(outcome).toEqual({ first: 'Failed to load Soxara.js from http://127.0.0.1:9/v1', second: 'function', tags: 1 });
});

/**
 * Soxara.js pinned with Subresource Integrity (security.md §6 C1, PCI DSS 6.4.3), in Chromium: the
 * merchant page loads the versioned build `<JS origin>/v1/soxara.<hash>.js` with the manifest's
 * `integrity` and `crossorigin="anonymous"`. With the right hash it runs and takes a card payment;
 * with a wrong one (the bytes a tampered CDN would serve look the same to the browser) it never runs:
 * no `window.Soxara`, no frame, nothing sent to the API. The evergreen `/v1` works as before, and
 * the versioned URL serves exactly `/v1`'s bytes. The merchant page is e2e/support/fixtures/sri.html.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type Request } from '@playwright/test';
import { bundleLoaderForBrowser } from '../packages/soxara-js/test/browser-bundle.ts';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

interface Manifest {
  url: string;
  integrity: string;
}

// The sha384 of the empty string: well-formed, and the hash of no build of Soxara.js.
const WRONG_INTEGRITY = 'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb';

const sha384 = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

async function manifest(): Promise<Manifest> {
  const response = await fetch(`${stack.jsUrl}/v1/integrity.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as Manifest;
}

/** Opens the pinned checkout (`pin` as sri.html reads it) and records every request the page and its frames make. */
async function openPinnedCheckout(page: Page, pin?: 'wrong' | 'no-crossorigin' | 'off'): Promise<{ paymentId: string; requests: Request[] }> {
  const requests: Request[] = [];
  page.context().on('request', (request) => requests.push(request));
  const url = new URL('/sri', stack.merchantUrl);
  if (pin) url.searchParams.set('pin', pin);
  await page.goto(url.href);
  const paymentId = await page.locator('meta[name="payment-id"]').getAttribute('content');
  if (!paymentId) throw new Error('checkout page has no payment id');
  return { paymentId, requests };
}

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

async function payWithCard(page: Page, paymentId: string): Promise<void> {
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await card.pay();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 30_000 });
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
}

/** What the page shows once the browser has run or refused the script, and the state SRI must leave. */
async function expectRefused(page: Page, requests: Request[], scriptUrl: string): Promise<void> {
  await expect(page.getByLabel('script')).toHaveText('error', { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => typeof (window as { Soxara?: unknown }).Soxara)).toBe('undefined');
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(page.frames()).toHaveLength(1);
  const urls = requests.map((request) => request.url());
  // The browser did fetch the script, then refused to run it.
  expect(urls).toContain(scriptUrl);
  expect(urls.filter((url) => url.startsWith(stack.apiUrl))).toEqual([]);
  expect(urls.filter((url) => url.startsWith(`${stack.jsUrl}/frames/`))).toEqual([]);
}

test.describe.configure({ mode: 'default' });

test('C1 (a) the pinned script with the right integrity and crossorigin loads, and a card payment succeeds', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const consoleErrors = collectConsoleErrors(page);
  const pinned = await manifest();
  const { paymentId, requests } = await openPinnedCheckout(page);
  const state = page.getByLabel('script');
  await expect(state).toHaveText(/^(loaded|error)$/, { timeout: 20_000 });
  // On failure, the console says why (SRI digest, CORS): the browser's `error` event does not.
  expect(await state.textContent(), consoleErrors.join('\n')).toBe('loaded');
  const tag = page.locator(`script[src="${pinned.url}"]`);
  await expect(tag).toHaveAttribute('integrity', pinned.integrity);
  await expect(tag).toHaveAttribute('crossorigin', 'anonymous');
  const response = await requests.find((request) => request.url() === pinned.url)?.response();
  expect(response?.status()).toBe(200);
  expect(response?.headers()['access-control-allow-origin']).toBe('*');
  await payWithCard(page, paymentId);
  expect(errors).toEqual([]);
});

test('C1 (b) the same URL with a wrong integrity is refused: no window.Soxara, no frame, no request to the API', async ({ page }) => {
  const pinned = await manifest();
  const consoleErrors = collectConsoleErrors(page);
  const { requests } = await openPinnedCheckout(page, 'wrong');
  await expect(page.locator(`script[src="${pinned.url}"]`)).toHaveAttribute('integrity', WRONG_INTEGRITY);
  await expectRefused(page, requests, pinned.url);
  // Chromium names the cause in the console only, with the hash it computed: the manifest's.
  const sriMessage = consoleErrors.find((text) => /integrity/i.test(text));
  expect(sriMessage, consoleErrors.join('\n')).toBeDefined();
  expect(sriMessage).toContain(pinned.integrity.slice('sha384-'.length));
});

test('C1 (b) the right integrity without crossorigin is refused too: SRI needs a CORS load', async ({ page }) => {
  const pinned = await manifest();
  const { requests } = await openPinnedCheckout(page, 'no-crossorigin');
  await expectRefused(page, requests, pinned.url);
});

test('C1 (c) the evergreen /v1 still works as a plain script tag', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const { paymentId } = await openPinnedCheckout(page, 'off');
  await expect(page.getByLabel('script')).toHaveText('loaded', { timeout: 20_000 });
  const tag = page.locator(`script[src="${stack.jsUrl}/v1"]`);
  await expect(tag).toHaveCount(1);
  expect(await tag.getAttribute('integrity')).toBeNull();
  await payWithCard(page, paymentId);
  expect(errors).toEqual([]);
});

test('C1 (d) the versioned URL\'s bytes equal /v1\'s and its sha384 equals the manifest\'s', async () => {
  const pinned = await manifest();
  expect(pinned.url).toMatch(new RegExp(`^${stack.jsUrl.replace(/\./g, '\\.')}/v1/soxara\\.[0-9a-f]{16}\\.js$`));
  const versioned = await fetch(pinned.url);
  expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const versionedBytes = new Uint8Array(await versioned.arrayBuffer());
  const evergreenBytes = new Uint8Array(await (await fetch(`${stack.jsUrl}/v1`)).arrayBuffer());
  expect(versionedBytes.length).toBeGreaterThan(1000);
  expect(Buffer.from(versionedBytes).equals(Buffer.from(evergreenBytes))).toBe(true);
  expect(sha384(versionedBytes)).toBe(pinned.integrity);
  // …and they are the build on disk, named by its SHA-256.
  const built = readFileSync(new URL('../packages/soxara-js-cdn/dist/soxara.js', import.meta.url));
  expect(Buffer.from(versionedBytes).equals(built)).toBe(true);
  expect(pinned.url).toContain(`/soxara.${createHash('sha256').update(built).digest('hex').slice(0, 16)}.js`);
});

test('C1 the npm loader pins the script: a wrong integrity rejects with integrity_or_load_failed, the right one mounts the card fields', async ({ page }) => {
  test.setTimeout(60_000);
  const pinned = await manifest();
  const apiRequests: string[] = [];
  page.context().on('request', (request) => {
    if (request.url().startsWith(stack.apiUrl)) apiRequests.push(request.url());
  });
  // A page of a real server with nothing of Soxara's on it (as in e2e/demo-loader.spec.ts).
  await page.goto(`${stack.merchantUrl}/health`);
  await page.addScriptTag({ content: await bundleLoaderForBrowser() });
  const refused = await page.evaluate(
    async ({ url, key, wrong }) => {
      const { loadSoxara, SoxaraLoadError } = (window as unknown as { SoxaraLoader: typeof import('../packages/soxara-js/src/pure.ts') }).SoxaraLoader;
      loadSoxara.setLoadParameters({ scriptUrl: url, integrity: wrong as `sha384-${string}` });
      const error: unknown = await loadSoxara(key).then(() => null, (e: unknown) => e);
      return {
        typed: error instanceof SoxaraLoadError,
        code: (error as { code?: string } | null)?.code,
        message: (error as Error | null)?.message ?? '',
        soxara: typeof (window as { Soxara?: unknown }).Soxara,
        tags: document.querySelectorAll('script[src]').length,
      };
    },
    { url: pinned.url, key: stack.publishableKey, wrong: WRONG_INTEGRITY },
  );
  expect(refused).toMatchObject({ typed: true, code: 'integrity_or_load_failed', soxara: 'undefined', tags: 0 });
  expect(refused.message).toContain('Subresource Integrity');
  expect(apiRequests).toEqual([]);

  const payment = await fetch(`${stack.apiUrl}/v1/payments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ amount: 1250, currency: 'USD', description: 'SRI loader e2e' }),
  });
  const { client_secret: clientSecret } = ((await payment.json()) as { data: { client_secret: string } }).data;
  const loaded = await page.evaluate(
    async ({ url, integrity, key, clientSecret }) => {
      const { loadSoxara } = (window as unknown as { SoxaraLoader: typeof import('../packages/soxara-js/src/pure.ts') }).SoxaraLoader;
      const container = document.createElement('div');
      container.id = 'payment-form';
      document.body.appendChild(container);
      // The failed load left no promise behind: new parameters apply.
      loadSoxara.setLoadParameters({ scriptUrl: url, integrity: integrity as `sha384-${string}` });
      const soxara = await loadSoxara(key);
      soxara?.elements({ clientSecret }).mount('#payment-form');
      const tag = document.querySelector<HTMLScriptElement>('script[src]');
      return { src: tag?.src, integrity: tag?.integrity, crossOrigin: tag?.crossOrigin };
    },
    { url: pinned.url, integrity: pinned.integrity, key: stack.publishableKey, clientSecret },
  );
  expect(loaded).toEqual({ src: pinned.url, integrity: pinned.integrity, crossOrigin: 'anonymous' });
  await expect(page.frameLocator(`iframe[title="${FRAME_TITLES.card}"]`).getByLabel('Card number')).toBeEditable({ timeout: 20_000 });
});

/**
 * Keys and secrets in the browser (security.md §6 C2 and the client-secret rule of DESIGN.md): a
 * secret key is refused before anything is sent, a live key is refused on a plain-http page that is
 * not local, and the client secret never appears in a URL the SDK builds — frame URLs, navigations,
 * links, QR codes — except the contract's 3-D Secure return to `return_url`.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { accumulateFigures, secretApi, startFixtureServer, type FixtureServer } from './support/security-harness.ts';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { ThreeDsChallenge, ThreeDsModal } from './support/pages/three-ds.ts';
import { stack } from './support/stack.ts';

const PAGES = {
  '/keys': { fixture: 'security-keys.html' },
  '/flows': { fixture: 'security-csp.html', payments: 3 },
  '/checkout': { fixture: 'security-checkout.html' },
};

let local: FixtureServer;
/** Reached as http://127.0.0.2: loopback for the machine, but not a host the SDK treats as local. */
let remote: FixtureServer;
test.beforeAll(async () => {
  local = await startFixtureServer(PAGES);
  remote = await startFixtureServer(PAGES, '127.0.0.2', '127.0.0.2');
});
test.afterAll(async () => {
  await local?.close();
  await remote?.close();
});

const checks = { refusals: 0, urlsChecked: 0 };
test.describe.configure({ mode: 'default' });

type KeyOutcome = { error: { name: string; message: string } | null; mounted: boolean };

/** Opens the key page and returns what Soxara() did and every request made after the script loaded. */
async function tryKey(page: Page, server: FixtureServer, key: string): Promise<{ outcome: KeyOutcome; after: string[] }> {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.goto(server.pageUrl('/keys', { KEY: key }));
  await page.waitForTimeout(1_500);
  const outcome = await page.evaluate(() => (window as unknown as { __keys: KeyOutcome }).__keys);
  const urls = requests.map((request) => request.url());
  const scriptAt = urls.indexOf(`${stack.jsUrl}/v1`);
  expect(scriptAt).toBeGreaterThanOrEqual(0);
  return { outcome, after: urls.slice(scriptAt + 1) };
}

test('a secret key passed to Soxara() throws an IntegrationError before anything is sent', async ({ page }) => {
  const { outcome, after } = await tryKey(page, local, stack.secretKey);
  expect(outcome.mounted).toBe(false);
  expect(outcome.error).toMatchObject({ name: 'IntegrationError', message: expect.stringMatching(/secret key/) });
  // Not a single request (no frame, no API call) to any origin after the script itself.
  expect(after).toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);
  checks.refusals++;
});

test('a live key on a plain-http page that is not local (http://127.0.0.2) is refused before anything is sent; on localhost it is not', async ({ page }) => {
  const liveKey = 'sxm_live_e2eE2Ee2eE2Ee2eE2E';
  const refused = await tryKey(page, remote, liveKey);
  expect(new URL(page.url()).hostname).toBe('127.0.0.2');
  expect(refused.outcome.error).toMatchObject({ name: 'IntegrationError', message: expect.stringMatching(/https/) });
  expect(refused.after).toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);

  // The control: the same page on a local host goes on to build the form (the sandbox will refuse a
  // live key later, but that is the API's answer, not the page check).
  const accepted = await tryKey(page, local, liveKey);
  expect(accepted.outcome).toEqual({ error: null, mounted: true });
  expect(accepted.after.some((url) => url.startsWith(`${stack.jsUrl}/frames/`))).toBe(true);
  // And a test key on the non-local http page is fine (test mode needs no https).
  const testKey = await tryKey(page, remote, stack.publishableKey);
  expect(testKey.outcome).toEqual({ error: null, mounted: true });
  checks.refusals++;
});

/** Every URL the page and its frames loaded or navigated to, plus link targets in every frame's DOM. */
function urlRecorder(page: Page) {
  const urls: Array<{ kind: string; url: string }> = [];
  page.on('request', (request) => urls.push({ kind: `${request.resourceType()} ${request.method()}`, url: request.url() }));
  page.on('framenavigated', (frame) => urls.push({ kind: 'frame', url: frame.url() }));
  return {
    urls,
    /** Frame `src`s, links, images and the whole DOM text of every frame: where a QR code's link or a deep link would show. */
    async domSnapshot(): Promise<string[]> {
      const out: string[] = [];
      for (const frame of page.frames()) {
        const html = await frame.evaluate(() => document.documentElement.outerHTML).catch(() => '');
        out.push(`${frame.url()}\n${html}`);
      }
      return out;
    },
  };
}

/**
 * The contract allows the secret in exactly two places: the publishable-key retrieve
 * (`GET <API>/v1/payments/:id?client_secret=…`, a fetch from the controller frame, as Stripe's
 * `GET /v1/payment_intents/:id?client_secret=`) and the 3-D Secure return to `return_url`.
 */
function leaks(urls: Array<{ kind: string; url: string }>, secrets: string[], returnUrl?: string): string[] {
  return urls
    .filter(({ url }) => secrets.some((secret) => url.includes(secret)))
    .filter(({ kind, url }) => !(kind === 'fetch GET' && new RegExp(`^${stack.apiUrl}/v1/payments/pi_\\w+\\?client_secret=`).test(url)))
    .filter(({ url }) => !(returnUrl && url.startsWith(`${returnUrl}?`)))
    .map(({ kind, url }) => `${kind} ${url}`);
}

async function clientSecretOf(paymentId: string): Promise<string> {
  const { data } = await secretApi<{ client_secret: string }>('GET', `/v1/payments/${paymentId}`);
  return data.client_secret;
}

test('card (3-D Secure in a modal), MoMo and wallet: no frame URL, navigation, link, QR code or non-API request carries a client secret', async ({ page }) => {
  test.setTimeout(90_000);
  const recorder = urlRecorder(page);
  await page.goto(local.pageUrl('/flows'));
  const ids = await Promise.all(['card', 'momo', 'wallet'].map(async (name) => (await page.locator(`meta[name="payment-${name}"]`).getAttribute('content'))!));
  const secrets = await Promise.all(ids.map(clientSecretOf));
  const doms: string[] = [];

  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.threeDSecure });
  await card.pay();
  const modal = new ThreeDsModal(page);
  await expect(modal.challenge.complete).toBeVisible({ timeout: 20_000 });
  doms.push(...(await recorder.domSnapshot()));
  await modal.challenge.complete.click();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });

  await page.getByRole('button', { name: 'Pay with Mobile Money' }).click();
  await expect(page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`).getByRole('dialog')).toBeVisible({ timeout: 15_000 });
  doms.push(...(await recorder.domSnapshot()));
  await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: { results: unknown[] } }).__csp.results.length), { timeout: 20_000 }).toBe(2);

  await page.getByRole('button', { name: 'Pay with Soxara wallet' }).click();
  const walletFrame = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  await expect(walletFrame.getByRole('img', { name: /QR code/ })).toBeVisible({ timeout: 15_000 });
  const walletLink = await walletFrame.getByRole('link', { name: 'Open Soxara on this device' }).getAttribute('href');
  doms.push(...(await recorder.domSnapshot()));
  expect((await secretApi('POST', `/v1/test_helpers/payments/${ids[2]}/approve`)).status).toBe(200);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: { results: unknown[] } }).__csp.results.length), { timeout: 20_000 }).toBe(3);
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');

  expect(walletLink).toBeTruthy();
  for (const secret of secrets) expect(walletLink).not.toContain(secret);
  // Every frame's DOM (the merchant page's own inline script aside, which the merchant wrote).
  const frameDoms = doms.filter((dom) => !dom.startsWith(local.url));
  for (const secret of secrets) for (const dom of frameDoms) expect(dom.includes(secret), dom.slice(0, 100)).toBe(false);
  const merchantDoms = doms.filter((dom) => dom.startsWith(local.url)).map((dom) => dom.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''));
  for (const secret of secrets) for (const dom of merchantDoms) expect(dom.includes(secret)).toBe(false);

  expect(recorder.urls.filter(({ kind }) => kind === 'frame').length).toBeGreaterThan(4);
  expect(leaks(recorder.urls, secrets)).toEqual([]);
  checks.urlsChecked += recorder.urls.length;
});

test('3-D Secure by redirect: the challenge URL has no client secret; only the return to return_url carries it', async ({ page }) => {
  test.setTimeout(60_000);
  const recorder = urlRecorder(page);
  await page.goto(local.pageUrl('/checkout'));
  const paymentId = (await page.locator('meta[name="payment-id"]').getAttribute('content'))!;
  const secret = await clientSecretOf(paymentId);
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.threeDSecure });
  const returnUrl = `${local.url}/return`;
  await page.evaluate((url) => {
    void (window as unknown as { pay(o: unknown): Promise<unknown> }).pay({ returnUrl: url });
  }, returnUrl);
  await page.waitForURL(`${stack.apiUrl}/**`);
  expect(page.url()).not.toContain(secret);
  await new ThreeDsChallenge(page).complete.click();
  await page.waitForURL(`${returnUrl}?**`);
  expect(new URL(page.url()).searchParams.get('payment_intent_client_secret')).toBe(secret);

  expect(leaks(recorder.urls, [secret], returnUrl)).toEqual([]);
  // The sanctioned one is really there (the check above is not vacuous).
  expect(recorder.urls.some(({ url }) => url.startsWith(`${returnUrl}?`) && url.includes(secret))).toBe(true);
  checks.urlsChecked += recorder.urls.length;
});

test.afterEach(() => {
  accumulateFigures(
    'browser-keys',
    { key_refusals_before_any_request: checks.refusals, urls_checked_for_client_secret: checks.urlsChecked },
    { urls_checked_for_client_secret: 'requests, frame navigations and links recorded during card/3DS, MoMo and wallet flows' },
  );
  checks.refusals = checks.urlsChecked = 0;
});

/**
 * A cross-origin isolated merchant page (security.md §3.7, checklist C4). The test merchant serves
 * coep.html with `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy:
 * require-corp` (/coep) or `credentialless` (/coep-credentialless). Under either policy Chromium loads a
 * cross-origin script only with `Cross-Origin-Resource-Policy` (require-corp), and a cross-origin iframe
 * only if its document sends both a COEP of its own and `Cross-Origin-Resource-Policy: cross-origin`
 * (both policies); otherwise it is blocked with net::ERR_BLOCKED_BY_RESPONSE, as Stripe.js was
 * (stripe-js#417, #634). The same holds one level down: the 3-D Secure challenge page of the API origin
 * is an iframe inside our modal frame.
 *
 * Each flow pays on an isolated page and is checked on the server, with no request failed, no frame
 * left on Chromium's error page, and no console message about COEP or CORP. (Chromium logs nothing to
 * the console for an iframe COEP blocks, as seen here: the failed request and the error-page frame are
 * what catch it.)
 */
import { expect, test, type Page } from '@playwright/test';
import { TEST_PHONES } from '../packages/testing/src/test-values.ts';
import { recordFigures } from '../scripts/figures.ts';
import { secretApi } from './support/security-harness.ts';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { serverPayment } from './support/pages/merchant.ts';
import { ThreeDsModal } from './support/pages/three-ds.ts';
import { stack } from './support/stack.ts';

const POLICIES = {
  'require-corp': '/coep',
  credentialless: '/coep-credentialless',
} as const;
type Policy = keyof typeof POLICIES;

/** What went wrong loading anything, in the merchant page or any frame. */
interface LoadProblems {
  failedRequests: string[];
  console: string[];
  pageErrors: string[];
}

function watchLoads(page: Page): LoadProblems {
  const problems: LoadProblems = { failedRequests: [], console: [], pageErrors: [] };
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // A load cut short because its frame went away is a cancel, not a block (those are ERR_BLOCKED_BY_*):
    // the modal closes as soon as the outcome is known, sometimes before the challenge's own answer to
    // "Complete" has arrived in it, or with a long poll still open.
    if (reason === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(`${reason} ${request.resourceType()} ${request.url()}`);
  });
  page.on('console', (message) => {
    if (/cross-origin|embedder|resource.policy|coep|corp|ERR_BLOCKED/i.test(message.text())) {
      problems.console.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  return problems;
}

/** Opens the isolated checkout and proves it is one: COEP and COOP as sent, `crossOriginIsolated`. */
async function openIsolatedCheckout(page: Page, policy: Policy, query: Record<string, string> = {}): Promise<{ paymentId: string; problems: LoadProblems }> {
  const problems = watchLoads(page);
  const url = new URL(POLICIES[policy], stack.merchantUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const response = await page.goto(url.href);
  expect(response?.headers()['cross-origin-embedder-policy']).toBe(policy);
  expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  const paymentId = await page.locator('meta[name="payment-id"]').getAttribute('content');
  if (!paymentId) throw new Error('checkout page has no payment id');
  // The loader ran, and the form's frames (card + controller) loaded, or something was blocked trying.
  expect(await page.evaluate(() => typeof (window as unknown as { Soxara?: unknown }).Soxara)).toBe('function');
  await expect
    .poll(async () => problems.failedRequests.length > 0 || (await formEvents(page)).includes('ready'), { timeout: 30_000 })
    .toBe(true);
  await expectNothingBlocked(page, problems);
  return { paymentId, problems };
}

function formEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __soxara: { events: string[] } }).__soxara.events);
}

/** Nothing was blocked: no failed load, no frame on an error page, no COEP/CORP console message. */
async function expectNothingBlocked(page: Page, problems: LoadProblems): Promise<void> {
  expect(problems.failedRequests).toEqual([]);
  expect(problems.console).toEqual([]);
  expect(page.frames().map((frame) => frame.url()).filter((url) => url.startsWith('chrome-error:'))).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(await formEvents(page)).toEqual(['ready']);
}

function modalFrame(page: Page) {
  return page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
}

// One worker runs the file's tests in order, so the figure below adds up.
test.describe.configure({ mode: 'default' });
const tally = { payments_succeeded: 0 };
test.afterAll(() => recordFigures('browser-coep', tally, { payments_succeeded: 'card, 3-D Secure in the modal, MoMo and wallet, under COEP require-corp and credentialless' }));

for (const policy of Object.keys(POLICIES) as Policy[]) {
  test.describe(`COEP ${policy}`, () => {
    test(`under COEP ${policy}: the page is cross-origin isolated and a card payment succeeds`, async ({ page }) => {
      test.setTimeout(60_000);
      const { paymentId, problems } = await openIsolatedCheckout(page, policy);
      const card = new CardFrame(page);
      await card.fill({ number: TEST_CARDS.success });
      await card.pay();
      await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
      expect((await serverPayment(paymentId)).status).toBe('succeeded');
      tally.payments_succeeded += 1;
      await expectNothingBlocked(page, problems);
    });

    test(`under COEP ${policy}: 3-D Secure in the modal, the API's challenge page framed inside the modal frame, completes`, async ({ page }) => {
      test.setTimeout(60_000);
      const { paymentId, problems } = await openIsolatedCheckout(page, policy);
      const card = new CardFrame(page);
      await card.fill({ number: TEST_CARDS.threeDSecure });
      await card.pay();
      const modal = new ThreeDsModal(page);
      await expect(modal.dialog).toBeVisible({ timeout: 20_000 });
      // The challenge is the API origin's page, loaded inside the modal frame (or blocked trying).
      const challengeLoaded = () => page.frames().some((frame) => frame.url().startsWith(`${stack.apiUrl}/simulators/3ds/`));
      await expect.poll(() => challengeLoaded() || problems.failedRequests.length > 0, { timeout: 20_000 }).toBe(true);
      await expectNothingBlocked(page, problems);
      await expect(modal.challenge.complete).toBeVisible({ timeout: 20_000 });
      await modal.challenge.complete.click();
      await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
      await expect(modal.iframe).toHaveCount(0);
      expect((await serverPayment(paymentId)).status).toBe('succeeded');
      tally.payments_succeeded += 1;
      await expectNothingBlocked(page, problems);
    });

    test(`under COEP ${policy}: a MoMo payment succeeds`, async ({ page }) => {
      test.setTimeout(60_000);
      // A number that never answers on its own, so the prompt modal stays up until the customer approves
      // (the sandbox's test helper, as their phone would), however slow the machine.
      const { paymentId, problems } = await openIsolatedCheckout(page, policy, { phone: TEST_PHONES.expires });
      await page.getByRole('button', { name: 'Pay with Mobile Money' }).click();
      await expect(modalFrame(page).getByRole('dialog', { name: 'Approve on your phone' })).toBeVisible({ timeout: 20_000 });
      await expectNothingBlocked(page, problems);
      expect((await secretApi('POST', `/v1/test_helpers/payments/${paymentId}/approve`)).status).toBe(200);
      await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
      expect((await serverPayment(paymentId)).status).toBe('succeeded');
      tally.payments_succeeded += 1;
      await expectNothingBlocked(page, problems);
    });

    test(`under COEP ${policy}: a wallet payment, approved on the wallet page, succeeds`, async ({ page, context }) => {
      test.setTimeout(60_000);
      const { paymentId, problems } = await openIsolatedCheckout(page, policy);
      await page.getByRole('button', { name: 'Pay with Soxara wallet' }).click();
      const modal = modalFrame(page);
      await expect(modal.getByRole('dialog', { name: 'Pay with Soxara' })).toBeVisible({ timeout: 20_000 });
      await expect(modal.getByRole('img', { name: /QR code/ })).toBeVisible();
      await expectNothingBlocked(page, problems);

      const [walletPage] = await Promise.all([context.waitForEvent('page'), modal.getByRole('link', { name: 'Open Soxara on this device' }).click()]);
      await walletPage.waitForLoadState();
      expect(walletPage.url()).toMatch(new RegExp(`^${stack.apiUrl}/simulators/wallet/`));
      await walletPage.getByRole('button', { name: 'Approve' }).click();
      await expect(walletPage.locator('h1')).toContainText('approved');

      await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
      expect((await serverPayment(paymentId)).status).toBe('succeeded');
      tally.payments_succeeded += 1;
      await expectNothingBlocked(page, problems);
    });
  });
}

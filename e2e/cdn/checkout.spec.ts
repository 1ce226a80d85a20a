/**
 * The merchant guide's flows with the JS origin served by nginx from the static CDN build
 * (playwright.cdn.config.ts): card 4242, 3-D Secure by redirect and in the modal, MoMo, and the script
 * pinned with SRI, on the same merchant fixtures and page objects as the main suite, each outcome
 * checked on the server. Every test also checks that whatever the page and its frames loaded from the
 * JS origin came from nginx, and that nothing reported a Content Security Policy violation (the
 * frames' own CSP names their scripts by hash).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from '../support/pages/card-frame.ts';
import { openCheckout, serverPayment } from '../support/pages/merchant.ts';
import { collectPageErrors } from '../support/pages/page-errors.ts';
import { ThreeDsChallenge, ThreeDsModal } from '../support/pages/three-ds.ts';
import { stack } from '../support/stack.ts';

interface JsOriginWatch {
  /** `server` header of each response of the JS origin, by path. */
  servedBy: Map<string, string>;
  cspMessages: string[];
  errors: Error[];
}

function watchJsOrigin(context: BrowserContext, page: Page): JsOriginWatch {
  const watch: JsOriginWatch = { servedBy: new Map(), cspMessages: [], errors: collectPageErrors(page) };
  context.on('response', (response) => {
    if (response.url().startsWith(`${stack.jsUrl}/`)) watch.servedBy.set(new URL(response.url()).pathname, response.headers()['server'] ?? '(none)');
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) watch.cspMessages.push(message.text());
  });
  return watch;
}

/** The script, the frames and their assets all came from nginx, and nothing was blocked or thrown. */
function expectServedByNginx(watch: JsOriginWatch, paths: string[]): void {
  expect([...watch.servedBy.keys()]).toEqual(expect.arrayContaining(paths));
  for (const [path, server] of watch.servedBy) expect(server, path).toMatch(/^nginx\//);
  expect(watch.servedBy.size).toBeGreaterThanOrEqual(paths.length + 2);
  expect(watch.cspMessages).toEqual([]);
  expect(watch.errors).toEqual([]);
}

/** Opens a checkout fixture and pays with a card in the card frame, as the customer does. */
async function payByCard(page: Page, fixture: 'guide' | 'modal', number: string): Promise<string> {
  const { paymentId } = await openCheckout(page, fixture);
  const card = new CardFrame(page);
  await expect(card.payButton).toHaveText(/\$12\.50/, { timeout: 20_000 });
  await card.fill({ number });
  await card.pay();
  return paymentId;
}

/** Back on the guide's return_url with the payment and redirect_status=succeeded, and paid on the server. */
async function expectReturnedPaid(page: Page, paymentId: string): Promise<void> {
  await page.waitForURL(`${stack.merchantUrl}/return?**`);
  const params = new URL(page.url()).searchParams;
  expect(params.get('payment_intent')).toBe(paymentId);
  expect(params.get('redirect_status')).toBe('succeeded');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
}

test("the guide's card code pays with 4242 and lands on return_url", async ({ page, context }) => {
  const watch = watchJsOrigin(context, page);
  const paymentId = await payByCard(page, 'guide', TEST_CARDS.success);
  await expectReturnedPaid(page, paymentId);
  expectServedByNginx(watch, ['/v1', '/frames/controller.html', '/frames/card.html']);
});

test('3-D Secure by redirect: the completed challenge lands on return_url with redirect_status=succeeded', async ({ page, context }) => {
  const watch = watchJsOrigin(context, page);
  const paymentId = await payByCard(page, 'guide', TEST_CARDS.threeDSecure);
  await page.waitForURL(`${stack.apiUrl}/**`);
  await new ThreeDsChallenge(page).complete.click();
  await expectReturnedPaid(page, paymentId);
  expectServedByNginx(watch, ['/v1', '/frames/controller.html', '/frames/card.html']);
});

test("3-D Secure in the modal (redirect: 'if_required'): the challenge framed in the JS origin's modal, the promise resolves on the page", async ({ page, context }) => {
  const watch = watchJsOrigin(context, page);
  const paymentId = await payByCard(page, 'modal', TEST_CARDS.threeDSecure);
  const modal = new ThreeDsModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await modal.challenge.complete.click();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 15_000 });
  await expect(modal.iframe).toHaveCount(0);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  expectServedByNginx(watch, ['/v1', '/frames/controller.html', '/frames/card.html', '/frames/modal.html']);
});

test("the guide's MoMo code: the check-your-phone modal, then success after the sandbox's delay", async ({ page, context }) => {
  const watch = watchJsOrigin(context, page);
  const { paymentId } = await openCheckout(page, 'momo-guide');
  await page.getByRole('button', { name: 'Pay with MTN MoMo' }).click();
  await expect(page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`).getByRole('dialog', { name: 'Approve on your phone' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  expectServedByNginx(watch, ['/v1', '/frames/controller.html', '/frames/modal.html']);
});

test('the pinned script: /v1/integrity.json and /v1/soxara.<hash>.js from nginx load with SRI and CORS, and a card pays', async ({ page, context }) => {
  const watch = watchJsOrigin(context, page);
  await page.goto(`${stack.merchantUrl}/sri`);
  const paymentId = await page.locator('meta[name="payment-id"]').getAttribute('content');
  await expect(page.getByLabel('script')).toHaveText('loaded', { timeout: 20_000 });
  const manifest = await page.evaluate(() => (window as unknown as { __sri: { manifest: { url: string; integrity: string } } }).__sri.manifest);
  expect(manifest.url).toMatch(new RegExp(`^${stack.jsUrl.replace(/\./g, '\\.')}/v1/soxara\\.[0-9a-f]{16}\\.js$`));
  await expect(page.locator(`script[src="${manifest.url}"]`)).toHaveAttribute('integrity', manifest.integrity);

  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await card.pay();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 30_000 });
  expect((await serverPayment(paymentId!)).status).toBe('succeeded');
  expectServedByNginx(watch, ['/v1/integrity.json', new URL(manifest.url).pathname, '/frames/controller.html', '/frames/card.html']);
});

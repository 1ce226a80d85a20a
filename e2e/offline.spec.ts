/**
 * Dropped connections, with the network cut by the test (`context.setOffline`, which Playwright applies
 * to every target of the context, the cross-origin frames' processes too: the first test checks that the
 * frames see it). A confirm sent while offline waits for the network and completes with the same
 * idempotency key; a MoMo or wallet wait outlives a drop longer than its prompt, with the tab in the
 * background meanwhile. The customer sees one calm line and never a failure; the payment is charged once.
 */
import { expect, test, type BrowserContext, type Page, type Request } from '@playwright/test';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { succeededEvents } from './support/events.ts';
import { CONFIRM_TRIES_MS, DROP_MS, OFFLINE_LINE as OFFLINE, setBackground } from './support/offline.ts';
import { stack } from './support/stack.ts';

const OFFLINE_LINE = OFFLINE.en;

interface Result {
  paymentIntent?: { id: string; status: string };
  error?: { type: string; code: string };
}

/** Every confirm the frames send (failed ones too), by idempotency key. */
function watchConfirms(context: BrowserContext): string[] {
  const keys: string[] = [];
  context.on('request', (request: Request) => {
    if (request.method() === 'POST' && /\/v1\/payments\/[^/]+\/confirm$/.test(new URL(request.url()).pathname)) {
      keys.push(request.headers()['x-idempotency-key'] ?? '(none)');
    }
  });
  return keys;
}

async function approve(paymentId: string): Promise<void> {
  // From the test, not the browser: the customer's phone has a network when their browser has not.
  const response = await fetch(`${stack.apiUrl}/v1/test_helpers/payments/${paymentId}/approve`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.secretKey}` },
  });
  expect(response.status).toBe(200);
}

test('the cross-origin frames see the cut: navigator.onLine is false in the controller and card frames', async ({ page, context }) => {
  await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  await context.setOffline(true);
  const onLine = async (title: string) => page.frameLocator(`iframe[title="${title}"]`).locator('body').evaluate(() => navigator.onLine);
  expect(await onLine(FRAME_TITLES.card)).toBe(false);
  expect(await onLine(FRAME_TITLES.controller)).toBe(false);
  await context.setOffline(false);
  expect(await onLine(FRAME_TITLES.controller)).toBe(true);
});

test('card: Pay pressed while offline waits with one calm line, then completes with the same idempotency key, charged once', async ({ page, context }) => {
  const keys = watchConfirms(context);
  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await context.setOffline(true);
  await card.pay();

  await expect(card.frame.getByRole('status')).toHaveText(OFFLINE_LINE);
  // Longer than the confirm's three tries would last: still waiting, nothing shown as failed.
  await page.waitForTimeout(CONFIRM_TRIES_MS);
  await expect(page.locator('#result')).toHaveText('');
  await expect(card.frame.locator('.sx-error')).toHaveCount(0);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');

  await context.setOffline(false);
  await expect(page.locator('#result')).toHaveText('paymentIntent succeeded', { timeout: 15_000 });
  await expect(card.frame.getByRole('status')).toHaveCount(0);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  expect(await succeededEvents(paymentId)).toBe(1);
  expect(keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(keys).size).toBe(1);
});

test('card in French: the calm line is in the customer’s language', async ({ browser }) => {
  // A French shop (<html lang="fr">) in a French browser: Soxara() follows the page by default (locale 'auto').
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await openCheckout(page, 'modal', { lang: 'fr' });
  const card = new CardFrame(page);
  await expect(card.frame.locator('html')).toHaveAttribute('lang', 'fr');
  await card.frame.locator('#sx-number').fill(TEST_CARDS.success);
  await card.frame.locator('#sx-expiry').fill('12 / 34');
  await card.frame.locator('#sx-cvc').fill('123');
  await context.setOffline(true);
  await card.pay();
  await expect(card.frame.getByRole('status')).toHaveText(OFFLINE.fr);
  await context.setOffline(false);
  await expect(page.locator('#result')).toHaveText('paymentIntent succeeded', { timeout: 15_000 });
  await context.close();
});

/** Starts the guide's MoMo or wallet call from the merchant page; the promise settles with its result. */
function confirmFromPage(page: Page, clientSecret: string, method: 'momo' | 'wallet'): Promise<Result> {
  return page.evaluate(
    ([clientSecret, method]) =>
      // @ts-expect-error `soxara` is the page's global from the guide's code
      soxara.confirmPayment({
        clientSecret,
        paymentMethod: method === 'momo' ? { type: 'momo', momo: { provider: 'mtn', phone_number: '0881158457' } } : { type: 'soxara_wallet' },
      }),
    [clientSecret, method] as const,
  );
}

for (const method of ['momo', 'wallet'] as const) {
  test(`${method}: the wait outlives a drop longer than the prompt, with the tab in the background; resolves once back, charged once`, async ({ page, context }) => {
    const keys = watchConfirms(context);
    const { paymentId } = await openCheckout(page, 'result');
    const { client_secret: clientSecret } = (await serverPayment(paymentId)) as unknown as { client_secret: string };
    let settled: Result | null = null;
    const result = confirmFromPage(page, clientSecret, method).then((value) => (settled = value));

    const modal = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
    await expect(modal.getByRole('dialog')).toBeVisible({ timeout: 15_000 });
    await context.setOffline(true);
    await expect(modal.getByText(OFFLINE_LINE)).toBeVisible();
    await page.evaluate(setBackground, true);
    // The customer approves on the phone meanwhile (MoMo: the sandbox's own approval after its delay).
    if (method === 'wallet') await approve(paymentId);
    await expect.poll(async () => (await serverPayment(paymentId)).status, { timeout: 10_000 }).toBe('succeeded');
    await page.waitForTimeout(DROP_MS);
    expect(settled).toBeNull();
    await expect(modal.getByText(OFFLINE_LINE)).toBeVisible();

    await context.setOffline(false);
    await page.evaluate(setBackground, false);
    const started = Date.now();
    expect(await result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
    // At once, not after a backoff grown through the drop nor at the end of a long poll.
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(page.locator(`iframe[title="${FRAME_TITLES.modal}"]`)).toHaveCount(0);
    expect(await succeededEvents(paymentId)).toBe(1);
    expect(new Set(keys).size).toBe(1);
  });
}

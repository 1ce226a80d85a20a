/**
 * Isolation beyond one form (security.md §6 C7, B4): two Soxara instances on one page never hear
 * each other, and an element frame navigated elsewhere by the page (a reload, a hijack) is noticed —
 * a `loaderror` or a confirm that resolves `{error}` — never a silent hang and never a charge.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { accumulateFigures, frameReports, isConfirm, recordRequests, startFixtureServer, startTinyServer, succeededEvents, watchEveryFrame, type FixtureServer, type TinyServer } from './support/security-harness.ts';
import { clickPayButton, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { ELEMENT_UNAVAILABLE, FRAME_UNAVAILABLE } from '../packages/protocol/src/errors.ts';

/** The controller links each error it answers with to its entry in docs/errors.md. */
const ELEMENT_UNAVAILABLE_DOC = 'https://github.com/soxara/soxara-js/blob/main/docs/errors.md#element_unavailable';
import { serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

let merchant: FixtureServer;
let hijacker: TinyServer;

test.beforeAll(async () => {
  merchant = await startFixtureServer({
    '/two-forms': { fixture: 'security-two-forms.html', payments: 2 },
    '/checkout': { fixture: 'security-checkout.html' },
  });
  // The page a hijacked frame is sent to: it claims to be the card frame (a forged frame-ready with
  // the id from its own fragment, to any origin) — the merchant script must not believe it.
  hijacker = await startTinyServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>hijacker</title><label>Card number <input></label><script>
      const id = new URLSearchParams(location.hash.slice(1)).get('id') || 'hijackedframe';
      for (let i = 0; i < 20; i++) setTimeout(() => parent.postMessage({ protocol: 'soxara', v: 1, type: 'frame-ready', frameId: id }, '*'), i * 100);
    </script>`);
  });
});
test.afterAll(async () => {
  await merchant?.close();
  await hijacker?.close();
});

// One worker runs the file's tests in order, so the figure below adds up.
test.describe.configure({ mode: 'default' });

function fields(frame: FrameLocator) {
  return {
    number: frame.getByLabel('Card number'),
    expiry: frame.getByLabel('Expiry date'),
    cvc: frame.getByLabel('Security code'),
    pay: () => clickPayButton(frame),
  };
}

type Log = { events: string[]; changes: unknown[]; results: unknown[] };
const logOf = (page: Page, name: 'a' | 'b'): Promise<Log> => page.evaluate((n) => (window as unknown as { __two: Record<string, Log> }).__two[n]!, name);

test('two Soxara instances on one page: typing in one never reaches the other, and each pays its own payment', async ({ page, context }) => {
  test.setTimeout(60_000);
  await watchEveryFrame(context);
  const errors = collectPageErrors(page);
  await page.goto(merchant.pageUrl('/two-forms'));
  const paymentA = (await page.locator('meta[name="payment-a"]').getAttribute('content'))!;
  const paymentB = (await page.locator('meta[name="payment-b"]').getAttribute('content'))!;
  const a = fields(page.frameLocator('#form-a iframe'));
  const b = fields(page.frameLocator('#form-b iframe'));
  await expect(a.number).toBeEditable({ timeout: 20_000 });
  await expect(b.number).toBeEditable({ timeout: 20_000 });
  // One hidden controller per instance: nothing is shared between them.
  await expect(page.locator(`iframe[title="${FRAME_TITLES.controller}"]`)).toHaveCount(2);

  const bBefore = await logOf(page, 'b');
  await a.number.fill(TEST_CARDS.success);
  await a.expiry.fill('12 / 34');
  await a.cvc.fill('123');
  await expect.poll(async () => (await logOf(page, 'a')).changes.length).toBeGreaterThan(0);
  expect(await b.number.inputValue()).toBe('');
  expect((await logOf(page, 'b')).changes).toEqual(bBefore.changes);

  const aBefore = await logOf(page, 'a');
  await b.number.fill(TEST_CARDS.declined);
  await b.expiry.fill('11 / 33');
  await b.cvc.fill('456');
  await expect.poll(async () => (await logOf(page, 'b')).changes.length).toBeGreaterThan(bBefore.changes.length);
  expect((await logOf(page, 'a')).changes).toEqual(aBefore.changes);
  expect(await a.number.inputValue()).toBe(TEST_CARDS.success);

  // A pays with its card; B's payment and fields are untouched.
  await a.pay();
  await expect(page.getByLabel('result A')).toHaveText('paymentIntent succeeded');
  await expect(page.getByLabel('result B')).toHaveText('');
  expect((await serverPayment(paymentB)).status).toBe('requires_payment_method');
  expect(await b.number.inputValue()).toBe(TEST_CARDS.declined);

  // B pays with its own (declined) card, then with a good one.
  await b.pay();
  await expect(page.getByLabel('result B')).toHaveText('error card_error card_declined');
  await b.number.fill(TEST_CARDS.success);
  await b.pay();
  await expect(page.getByLabel('result B')).toHaveText('paymentIntent succeeded');
  expect((await logOf(page, 'a')).results).toHaveLength(1);
  expect((await logOf(page, 'b')).results).toHaveLength(2);

  expect((await serverPayment(paymentA)).status).toBe('succeeded');
  expect((await serverPayment(paymentB)).status).toBe('succeeded');
  await expect.poll(() => succeededEvents(paymentA)).toBe(1);
  await expect.poll(() => succeededEvents(paymentB)).toBe(1);
  expect((await frameReports(page)).flatMap((report) => report.errors)).toEqual([]);
  expect(errors).toEqual([]);
});

for (const where of ['another origin', 'a fresh Soxara card frame'] as const) {
  test(`an element frame navigated to ${where} after it was ready: confirm resolves {error}, nothing is charged`, async ({ page, context }) => {
    test.setTimeout(60_000);
    await watchEveryFrame(context);
    const requests = recordRequests(page);
    await page.goto(merchant.pageUrl('/checkout'));
    const paymentId = (await page.locator('meta[name="payment-id"]').getAttribute('content'))!;
    const card = fields(page.frameLocator(`iframe[title="${FRAME_TITLES.card}"]`));
    await expect(card.number).toBeEditable({ timeout: 20_000 });
    await card.number.fill(TEST_CARDS.success);
    await card.expiry.fill('12 / 34');
    await card.cvc.fill('123');

    const target =
      where === 'another origin'
        ? `${hijacker.url}/#id=hijack0000&origin=${encodeURIComponent(merchant.url)}`
        : // A new document (the query differs), not a fragment change: the frame really reloads.
          `${stack.jsUrl}/frames/card.html?reloaded=1#id=hijack0000&origin=${encodeURIComponent(merchant.url)}`;
    await page.evaluate((src) => {
      document.querySelector<HTMLIFrameElement>('#payment-form iframe')!.src = src;
    }, target);
    await expect.poll(() => page.frames().some((frame) => frame.url().includes('hijack0000'))).toBe(true);
    // The merchant script saw the second document (loaderror) and detached the element from the
    // controller in the same step, on the line the confirm then takes.
    await expect
      .poll(async () => page.evaluate(() => (window as unknown as { __checkout: { loaderrors: unknown[] } }).__checkout.loaderrors))
      .toEqual([expect.objectContaining({ elementType: 'card', error: expect.objectContaining({ code: 'frame_replaced' }) })]);

    const result = await page.evaluate(() => (window as unknown as { pay(): Promise<unknown> }).pay());
    expect(result).toEqual({ error: { ...ELEMENT_UNAVAILABLE, doc_url: ELEMENT_UNAVAILABLE_DOC } });
    expect(requests.filter(isConfirm)).toHaveLength(0);
    expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
    const log = await page.evaluate(() => (window as unknown as { __checkout: Log & { loaderrors: unknown[] } }).__checkout);
    test.info().annotations.push({ type: 'result', description: `${JSON.stringify(result)}; loaderror events: ${log.loaderrors.length}` });
  });
}

test('an element frame navigated away after it was ready is reported at once with loaderror, before any confirm', async ({ page }) => {
  test.setTimeout(30_000);
  await page.goto(merchant.pageUrl('/checkout'));
  const card = fields(page.frameLocator(`iframe[title="${FRAME_TITLES.card}"]`));
  await expect(card.number).toBeEditable({ timeout: 20_000 });
  await page.evaluate((src) => {
    document.querySelector<HTMLIFrameElement>('#payment-form iframe')!.src = src;
  }, `${hijacker.url}/#id=hijack0000&origin=${encodeURIComponent(merchant.url)}`);
  // The iframe's second `load` is visible to the merchant script even across origins.
  await expect
    .poll(async () => page.evaluate(() => (window as unknown as { __checkout: { loaderrors: unknown[] } }).__checkout.loaderrors.length), { timeout: 10_000 })
    .toBeGreaterThan(0);
});

test('the hidden controller frame navigated away after it was ready: confirm resolves {error} instead of hanging, nothing is charged', async ({ page }) => {
  test.setTimeout(60_000);
  const requests = recordRequests(page);
  await page.goto(merchant.pageUrl('/checkout'));
  const paymentId = (await page.locator('meta[name="payment-id"]').getAttribute('content'))!;
  const card = fields(page.frameLocator(`iframe[title="${FRAME_TITLES.card}"]`));
  await expect(card.number).toBeEditable({ timeout: 20_000 });
  await card.number.fill(TEST_CARDS.success);
  await card.expiry.fill('12 / 34');
  await card.cvc.fill('123');
  await page.evaluate((src) => {
    document.querySelector<HTMLIFrameElement>(`iframe[title="Soxara payment controller"]`)!.src = src;
  }, `${hijacker.url}/#id=hijack0000&origin=${encodeURIComponent(merchant.url)}`);
  await expect.poll(() => page.frames().some((frame) => frame.url().includes('hijack0000'))).toBe(true);

  const outcome = await page.evaluate(async () => {
    const pay = (window as unknown as { pay(): Promise<unknown> }).pay();
    const hang = new Promise((resolve) => setTimeout(() => resolve('still pending after 30 s'), 30_000));
    return Promise.race([pay, hang]);
  });
  expect(outcome).toEqual({ error: { ...FRAME_UNAVAILABLE } });
  expect(requests.filter(isConfirm)).toHaveLength(0);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
});

test('an element frame hijacked before its handshake: loaderror, and confirm resolves {error} instead of hanging', async ({ page, context }) => {
  test.setTimeout(60_000);
  await watchEveryFrame(context);
  const requests = recordRequests(page);
  await page.addInitScript(
    ({ hijack, title }) => {
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof HTMLIFrameElement && node.title === title && !node.src.startsWith(hijack)) {
              node.src = `${hijack}/${new URL(node.src).hash}`;
            }
          }
        }
      }).observe(document, { childList: true, subtree: true });
    },
    { hijack: hijacker.url, title: FRAME_TITLES.card },
  );
  await page.goto(merchant.pageUrl('/checkout'));
  const paymentId = (await page.locator('meta[name="payment-id"]').getAttribute('content'))!;
  await expect.poll(() => page.frames().some((frame) => frame.url().startsWith(hijacker.url))).toBe(true);

  const result = await page.evaluate(() => (window as unknown as { pay(): Promise<unknown> }).pay());
  // The element's frame never answers the controller's request for the card.
  expect(result).toEqual({ error: { ...ELEMENT_UNAVAILABLE, doc_url: ELEMENT_UNAVAILABLE_DOC } });
  // The forged frame-ready (right id, wrong origin) was not believed: after the handshake timeout the
  // merchant hears loaderror.
  await expect
    .poll(async () => page.evaluate(() => (window as unknown as { __checkout: { loaderrors: unknown[] } }).__checkout.loaderrors), { timeout: 30_000 })
    .toEqual([expect.objectContaining({ elementType: 'card', error: expect.objectContaining({ code: 'frame_load_failed' }) })]);
  expect(requests.filter(isConfirm)).toHaveLength(0);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
});

test.afterEach(({}, testInfo) => {
  accumulateFigures('browser-isolation', { cases_run: 1, cases_passed: testInfo.status === 'passed' ? 1 : 0 }, { cases_passed: 'two instances on one page; frames hijacked before and after their handshake; controller hijacked' });
});

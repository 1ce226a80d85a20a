/**
 * Messaging fuzz in a real browser (security.md §6, rows on message handling): hostile windows of
 * every kind — the merchant page itself, a page of a third origin framed by it, a third-origin page
 * that frames the merchant, sandboxed `null`-origin frames (srcdoc and data: URL) — throw tens of
 * thousands of messages at the merchant window and at every Soxara frame: junk, look-alikes,
 * oversized payloads, `__proto__` keys, replayed handshakes with right and wrong frameIds, controller
 * commands, with and without transferred ports, before the frames are ready and after the form is
 * destroyed. Afterwards nothing has changed (field values, merchant events, API requests, modals),
 * no frame threw, and the form still pays.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import { accumulateFigures, frameReports, recordRequests, startTinyServer, succeededEvents, toApi, watchEveryFrame, type TinyServer } from './support/security-harness.ts';
import { CardFrame, clickPayButton, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

/** Which window the barrage aims at, seen from the window that throws it. */
type Root = 'self' | 'parent' | 'first-child';

interface Barrage {
  root: Root;
  rounds: number;
  jsOrigin: string;
  /** frameIds read from the Soxara iframes' URLs (only the merchant page can read them). */
  frameIds: string[];
  heavy: boolean;
}

/**
 * Runs inside a hostile window (serialised by Playwright: self-contained). Returns the number of
 * `postMessage` calls that the browser accepted.
 */
function throwMessages(b: Barrage): number {
  const root: Window = b.root === 'self' ? window : b.root === 'parent' ? window.parent : (window.frames[0] as Window);
  const targets: Window[] = [root];
  for (let i = 0; i < root.frames.length; i++) {
    const child = root.frames[i] as Window;
    if (child !== window) targets.push(child);
  }
  const env = { protocol: 'soxara', v: 1 };
  const ids = [...b.frameIds, 'aaaaaaaaaaaa', 'A'.repeat(64), 'bad id!', '', 'x'.repeat(101)];
  const secret = 'pi_0000000000_secret_0000000000';
  const shapes: unknown[] = [
    null, undefined, 0, -1, NaN, true, '', 'connect', 'frame-ready', '{"type":"connect"}', [], [null], {}, new Date(0), /x/g,
    new Uint8Array(16), new Map([['type', 'connect']]), new Set(['connect']), new Blob(['x']),
    { type: 'connect' }, { type: 'frame-ready' }, { protocol: 'soxara' }, { ...env, type: 'connect' }, { ...env, v: 2, type: 'connect', frameId: ids[0] },
    { ...env, protocol: 'Soxara', type: 'connect', frameId: ids[0] }, { ...env, type: 'connect', frameId: 12345678901 },
    { ...env, type: 'request', id: 1, call: { method: 'confirm-element', clientSecret: secret, elementId: ids[0], redirect: 'if_required' } },
    { type: 'request', id: 2, call: { method: 'confirm-wallet', clientSecret: secret } },
    { type: 'request', id: 3, call: { method: 'confirm-momo', clientSecret: secret, provider: 'mtn', phoneNumber: '+231881158457' } },
    { type: 'request', id: 4, call: { method: 'retrieve-payment', clientSecret: secret } },
    { type: 'init', publishableKey: 'sxm_test_attackerattacker', locale: 'en' },
    { type: 'attach-element', elementId: 'evil', kind: 'card', clientSecret: secret },
    { type: 'attach-modal', modalId: 'evil' },
    { type: 'configure', options: { locale: 'fr', showPayButton: false, disabled: true } },
    { type: 'clear' }, { type: 'focus' }, { type: 'page-visible' },
    { type: 'collect-card', id: 1 },
    { type: 'card-collected', id: 1, result: { card: { number: '4000000000000002', expMonth: 1, expYear: 2030, cvc: '123' } } },
    { type: 'show-error', error: { type: 'card_error', code: 'card_declined', message: 'Injected' } },
    { type: 'busy', busy: true },
    { type: 'payment-summary', amount: 1, currency: 'USD' },
    { type: 'change', state: { complete: true, empty: false, brand: 'visa', error: null } },
    { type: 'submit' }, { type: 'ready' }, { type: 'resize', height: 99999 }, { type: 'resize', height: -1 },
    { type: 'redirect', url: 'javascript:alert(1)' }, { type: 'redirect', url: 'https://evil.example/' },
    { type: 'open-modal', modalId: 'evil', kind: 'three-ds' }, { type: 'close-modal', modalId: 'x' },
    { type: 'response', id: 0, result: { paymentIntent: { id: 'pi_fake', status: 'succeeded', amount: 1, currency: 'USD' } } },
    { type: 'show', view: { kind: 'three-ds', url: 'https://evil.example/' }, locale: 'en' },
    { type: 'cancel' }, { type: 'resend' },
    JSON.parse('{"__proto__": {"polluted": true}, "protocol": "soxara", "v": 1, "type": "connect", "frameId": "aaaaaaaaaaaa"}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}, "type": "configure"}'),
    JSON.parse('{"type": "request", "id": 1, "call": {"__proto__": {"method": "confirm-element", "polluted": true}}}'),
    { toString: null, valueOf: null, type: { toString: null } },
  ];
  for (const frameId of ids) {
    shapes.push({ ...env, type: 'frame-ready', frameId }, { ...env, type: 'connect', frameId });
  }
  const heavy: unknown[] = [];
  if (b.heavy) {
    const huge = 'x'.repeat(2_000_000);
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 2_000; i++) cursor = cursor['a'] = {};
    heavy.push(huge, { ...env, type: 'connect', frameId: huge }, new Array(20_000).fill({ type: 'resize', height: 1 }), deep);
  }
  let sent = 0;
  for (let round = 0; round < b.rounds; round++) {
    for (const target of targets) {
      for (const shape of round === 0 ? [...heavy, ...shapes] : shapes) {
        const withPorts = round % 3 === 1;
        const channel = withPorts ? new MessageChannel() : null;
        for (const origin of ['*', b.jsOrigin]) {
          try {
            target.postMessage(shape, origin, channel && origin === '*' ? [channel.port1, channel.port2] : []);
            sent++;
          } catch {
            // Not cloneable (or ports already sent): the browser refused it; nothing reached a frame.
          }
        }
      }
    }
  }
  return sent;
}

/** Field values, merchant-side events and modals: everything a stray message could have changed. */
async function snapshot(page: Page, card: CardFrame) {
  return {
    number: await card.number.inputValue(),
    expiry: await card.expiry.inputValue(),
    cvc: await card.cvc.inputValue(),
    merchant: await page.evaluate(() => JSON.stringify((window as unknown as { __fuzz: unknown }).__fuzz)),
    modals: await page.locator(`iframe[title="${FRAME_TITLES.modal}"]`).count(),
    url: page.url(),
  };
}

/** Records every event the merchant's form emits (the fixture's own `form` constant). */
async function listenToForm(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __fuzz: string[] }).__fuzz = log;
    // The fixture's top-level `const form` lives in the global lexical scope, not on window.
    const merchantForm = eval('form') as { on(name: string, handler: (event: unknown) => void): void };
    for (const name of ['ready', 'change', 'focus', 'blur', 'escape', 'submit', 'loaderror']) merchantForm.on(name, (event) => log.push(`${name} ${JSON.stringify(event)}`));
  });
}

function frameIdsOf(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('iframe')].map((iframe) => new URLSearchParams(new URL(iframe.src, location.href).hash.slice(1)).get('id')).filter((id): id is string => !!id),
  );
}

async function hostileFrame(page: Page, predicate: (frame: Frame) => boolean): Promise<Frame> {
  await expect.poll(() => page.frames().some(predicate)).toBe(true);
  return page.frames().find(predicate)!;
}

/** Look-alikes: the third-origin server is 127.0.0.1:<port> (the JS origin's host) and localhost:<port> (the merchant's). */
const NULL_ORIGIN_PAGE = '<!doctype html><title>null origin</title><p>sandboxed</p>';

let thirdOrigin: TinyServer;
test.beforeAll(async () => {
  thirdOrigin = await startTinyServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // A hostile page of its own origin; with ?frame=<merchant URL> it frames the merchant page.
    const framed = url.searchParams.get('frame');
    const body = framed
      ? `<!doctype html><title>third origin</title><iframe title="merchant" src="${framed.replace(/"/g, '')}" style="width:900px;height:900px"></iframe>`
      : '<!doctype html><title>third origin</title><p>hostile</p>';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body);
  });
});
test.afterAll(async () => thirdOrigin?.close());

const figures = { messages: 0, stateChanges: 0, uncaught: 0, apiRequestsDuringFuzz: 0 };

// One worker runs the file's tests in order, so the figures below add up.
test.describe.configure({ mode: 'default' });

test('≥ 10,000 hostile messages from the page, a framed third origin and null origins change nothing; the form still pays', async ({ page, context }) => {
  test.setTimeout(120_000);
  await watchEveryFrame(context);
  const pageErrors = collectPageErrors(page);
  const requests = recordRequests(page);
  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  await listenToForm(page);
  // A half-typed card: the state that must survive.
  await card.number.fill('4242 4242');
  await card.expiry.fill('12 / 3');
  await card.number.focus();
  await page.locator('h1').click();

  await page.evaluate(
    ({ third, nullPage }) => {
      const add = (attrs: Record<string, string>) => {
        const iframe = document.createElement('iframe');
        for (const [name, value] of Object.entries(attrs)) iframe.setAttribute(name, value);
        document.body.appendChild(iframe);
      };
      add({ title: 'hostile third origin', src: `${third}/hostile` });
      // Look-alike of the merchant origin: same host (localhost), another port.
      add({ title: 'hostile look-alike', src: `${third.replace('127.0.0.1', 'localhost')}/hostile` });
      add({ title: 'hostile srcdoc', sandbox: 'allow-scripts', srcdoc: nullPage });
      add({ title: 'hostile data', src: `data:text/html,${encodeURIComponent(nullPage)}` });
    },
    { third: thirdOrigin.url, nullPage: NULL_ORIGIN_PAGE },
  );
  const third = await hostileFrame(page, (frame) => frame.url().startsWith(thirdOrigin.url));
  const lookAlike = await hostileFrame(page, (frame) => frame.url().startsWith(thirdOrigin.url.replace('127.0.0.1', 'localhost')));
  const srcdoc = await hostileFrame(page, (frame) => frame.url() === 'about:srcdoc');
  const data = await hostileFrame(page, (frame) => frame.url().startsWith('data:'));
  expect(await srcdoc.evaluate(() => origin)).toBe('null');
  expect(await data.evaluate(() => origin)).toBe('null');

  const before = await snapshot(page, card);
  const apiBefore = requests.filter(toApi).length;
  const frameIds = await frameIdsOf(page);
  expect(frameIds.length).toBeGreaterThanOrEqual(2);

  let sent = 0;
  const base = { jsOrigin: stack.jsUrl, frameIds, rounds: 12 };
  sent += await page.evaluate(throwMessages, { ...base, root: 'self' as Root, heavy: true });
  for (const hostile of [third, lookAlike, srcdoc, data]) {
    sent += await hostile.evaluate(throwMessages, { ...base, root: 'parent' as Root, heavy: hostile === third });
  }
  // Replays with the frames' real ids, addressed to each Soxara frame directly from the page.
  sent += await page.evaluate(
    ({ ids, jsOrigin }) => {
      let count = 0;
      for (const iframe of document.querySelectorAll('iframe')) {
        for (const frameId of ids) {
          for (let i = 0; i < 20; i++) {
            const channel = new MessageChannel();
            iframe.contentWindow?.postMessage({ protocol: 'soxara', v: 1, type: 'connect', frameId }, jsOrigin, [channel.port1]);
            window.postMessage({ protocol: 'soxara', v: 1, type: 'frame-ready', frameId }, '*');
            count += 2;
          }
        }
      }
      return count;
    },
    { ids: frameIds, jsOrigin: stack.jsUrl },
  );
  figures.messages += sent;
  expect(sent).toBeGreaterThanOrEqual(10_000);

  await page.waitForTimeout(1_500);
  const after = await snapshot(page, card);
  const apiDuring = requests.filter(toApi).length - apiBefore;
  const reports = await frameReports(page);
  const changed = (Object.keys(before) as Array<keyof typeof before>).filter((key) => before[key] !== after[key]);
  figures.stateChanges += changed.length + apiDuring;
  figures.apiRequestsDuringFuzz += apiDuring;
  figures.uncaught += reports.reduce((n, report) => n + report.errors.length, 0) + pageErrors.length;
  expect(after).toEqual(before);
  expect(apiDuring, 'API requests fired by the barrage').toBe(0);

  expect(reports.filter((report) => report.url.startsWith(`${stack.jsUrl}/frames/`)).length).toBeGreaterThanOrEqual(2);
  expect(reports.filter((report) => !report.watched).map((report) => report.url)).toEqual([]);
  const uncaught = reports.flatMap((report) => report.errors.map((error) => `${report.url.slice(0, 60)}: ${error}`));
  expect(uncaught).toEqual([]);
  expect(reports.filter((report) => report.polluted).map((report) => report.url)).toEqual([]);
  expect(pageErrors).toEqual([]);

  // The form still pays.
  await card.fill({ number: TEST_CARDS.success });
  await card.pay();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  await expect.poll(() => succeededEvents(paymentId)).toBe(1);
});

test('a third-origin page framing the merchant throws at it and its frames: nothing changes, the form pays', async ({ page, context }) => {
  test.setTimeout(90_000);
  await watchEveryFrame(context);
  const pageErrors = collectPageErrors(page);
  const requests = recordRequests(page);
  const merchant = new URL('/modal', stack.merchantUrl).href;
  await page.goto(`${thirdOrigin.url}/top?frame=${encodeURIComponent(merchant)}`);
  const merchantFrame = await hostileFrame(page, (frame) => frame.url().startsWith(merchant));
  const card = new CardFrame(page);
  // The card iframe lives inside the framed merchant page.
  const number = page.frameLocator('iframe[title="merchant"]').frameLocator(`iframe[title="${FRAME_TITLES.card}"]`).getByLabel('Card number');
  await expect(number).toBeEditable({ timeout: 20_000 });
  const apiBefore = requests.filter(toApi).length;

  const sent = await page.evaluate(throwMessages, { root: 'first-child' as Root, rounds: 20, jsOrigin: stack.jsUrl, frameIds: [], heavy: true });
  figures.messages += sent;
  expect(sent).toBeGreaterThan(3_000);
  await page.waitForTimeout(1_000);
  const value = await number.inputValue();
  const apiDuring = requests.filter(toApi).length - apiBefore;
  const reports = await frameReports(page);
  figures.stateChanges += (value === '' ? 0 : 1) + apiDuring;
  figures.apiRequestsDuringFuzz += apiDuring;
  figures.uncaught += reports.reduce((n, report) => n + report.errors.length, 0) + pageErrors.length;
  expect(value).toBe('');
  expect(apiDuring).toBe(0);
  expect(reports.flatMap((report) => report.errors)).toEqual([]);
  expect(reports.some((report) => report.polluted)).toBe(false);
  expect(pageErrors).toEqual([]);

  const inner = page.frameLocator('iframe[title="merchant"]').frameLocator(`iframe[title="${FRAME_TITLES.card}"]`);
  await number.fill(TEST_CARDS.success);
  await inner.getByLabel('Expiry date').fill('12 / 34');
  await inner.getByLabel('Security code').fill('123');
  await clickPayButton(inner);
  await expect(page.frameLocator('iframe[title="merchant"]').getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
  const paymentId = await merchantFrame.locator('meta[name="payment-id"]').getAttribute('content');
  expect((await serverPayment(paymentId!)).status).toBe('succeeded');
  void card;
});

test('messages thrown before the frames are ready and after the form is destroyed do nothing', async ({ page, context }) => {
  test.setTimeout(90_000);
  await watchEveryFrame(context);
  const pageErrors = collectPageErrors(page);
  const requests = recordRequests(page);
  // From the first moment: every iframe the page gains is pelted while it loads, and fake
  // `frame-ready`s carrying its real frameId are posted to the page from the wrong source.
  await page.addInitScript((merchantOrigin: string) => {
    if (location.origin !== merchantOrigin || window !== window.top) return;
    const w = window as unknown as { __early: number };
    w.__early = 0;
    const pelt = (iframe: HTMLIFrameElement) => {
      const frameId = new URLSearchParams(iframe.src.split('#')[1] ?? '').get('id') ?? 'unknown0';
      let ticks = 0;
      const timer = setInterval(() => {
        if (++ticks > 60) return clearInterval(timer);
        const env = { protocol: 'soxara', v: 1 };
        const shapes = [
          { ...env, type: 'connect', frameId: `${frameId}x` },
          { ...env, type: 'connect', frameId: 'aaaaaaaaaaaa' },
          { type: 'configure', options: { locale: 'fr', showPayButton: false } },
          { type: 'request', id: 1, call: { method: 'retrieve-payment', clientSecret: 'pi_1_secret_1' } },
          JSON.parse('{"__proto__":{"polluted":1},"type":"connect"}'),
        ];
        for (const shape of shapes) {
          try {
            iframe.contentWindow?.postMessage(shape, '*');
            w.__early++;
          } catch {
            // detached
          }
        }
        window.postMessage({ ...env, type: 'frame-ready', frameId }, '*');
        w.__early++;
      }, 5);
    };
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof HTMLIFrameElement) pelt(node);
    }).observe(document, { childList: true, subtree: true });
  }, stack.merchantUrl);

  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __early: number }).__early)).toBeGreaterThan(100);
  // The frames took the real handshake, in English, with the pay button showing the amount.
  await expect(card.payButton).toContainText('12.50');
  await card.fill({ number: TEST_CARDS.success });
  await card.pay();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');

  // After destroy: the form's frames are gone; commands thrown at the controller and the page do nothing.
  const frameIds = await frameIdsOf(page);
  await page.evaluate(() => (eval('form') as { destroy(): void }).destroy());
  await expect(card.iframe).toHaveCount(0);
  const apiBefore = requests.filter(toApi).length;
  const sent = await page.evaluate(throwMessages, { root: 'self' as Root, rounds: 10, jsOrigin: stack.jsUrl, frameIds, heavy: false });
  const early = await page.evaluate(() => (window as unknown as { __early: number }).__early);
  figures.messages += sent + early;
  await page.waitForTimeout(1_000);
  const apiDuring = requests.filter(toApi).length - apiBefore;
  const reports = await frameReports(page);
  figures.stateChanges += apiDuring;
  figures.apiRequestsDuringFuzz += apiDuring;
  figures.uncaught += reports.reduce((n, report) => n + report.errors.length, 0) + pageErrors.length;
  expect(apiDuring).toBe(0);
  expect(reports.flatMap((report) => report.errors)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

// Per test, so that a failed test (after which Playwright restarts the worker) still counts.
test.afterEach(() => {
  accumulateFigures(
    'browser-messaging-fuzz',
    { messages_sent: figures.messages, exceptions_thrown: figures.uncaught, state_changes: figures.stateChanges, api_requests_during_fuzz: figures.apiRequestsDuringFuzz },
    {
      messages_sent: 'hostile postMessages at the merchant window and every Soxara frame, Chromium',
      exceptions_thrown: 'uncaught errors and unhandled rejections in any frame',
      state_changes: 'field values, merchant events, modals or API requests changed by the barrage',
    },
  );
  figures.messages = figures.uncaught = figures.stateChanges = figures.apiRequestsDuringFuzz = 0;
});

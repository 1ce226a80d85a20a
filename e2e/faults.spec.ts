/**
 * Faults on the way to a charge, in the browser (security.md §6 D2–D6, D9–D11): the network drops the
 * confirm before or after the server committed it, the server answers 5xx or 409, the client times
 * out, two tabs confirm one payment, the tab closes during 3-D Secure, the return page is reloaded.
 * Each ends with at most one charge and the right final state, read server-side with the secret key
 * (one `payment.succeeded` event, the payment's status). Faults are injected with Playwright routes on
 * the real API: the server is never mocked, only the wire is cut.
 */
import { expect, test, type Page, type Request, type Route } from '@playwright/test';
import { accumulateFigures, eventsOf, isConfirm, recordRequests, secretApi, startFixtureServer, succeededEvents, type FixtureServer } from './support/security-harness.ts';
import { CardFrame, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { ThreeDsChallenge } from './support/pages/three-ds.ts';
import { stack } from './support/stack.ts';

const CONFIRM_URL = `${stack.apiUrl}/v1/payments/*/confirm`;
const CORS = { 'Access-Control-Allow-Origin': stack.jsUrl, 'Content-Type': 'application/json' };

let merchant: FixtureServer;
test.beforeAll(async () => {
  merchant = await startFixtureServer({
    '/checkout': { fixture: 'security-checkout.html' },
    '/return-sdk': { fixture: 'security-return.html', payments: 0 },
  });
});
test.afterAll(async () => merchant?.close());

test.describe.configure({ mode: 'default' });
test.afterEach(({}, testInfo) => {
  accumulateFigures('browser-faults', { cases_run: 1, cases_passed: testInfo.status === 'passed' ? 1 : 0 }, { cases_passed: 'fault cases that ended with one charge and the right final state (asserted server-side)' });
});

interface Attempt {
  key: string | undefined;
}

/** Intercepts the confirm POSTs (not their CORS preflights); `fault` decides the fate of attempt n. */
async function faultConfirms(page: Page, fault: (route: Route, n: number) => Promise<void>): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  await page.route(CONFIRM_URL, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const n = attempts.length;
    attempts.push({ key: route.request().headers()['x-idempotency-key'] });
    await fault(route, n);
  });
  return attempts;
}

async function checkout(page: Page): Promise<{ paymentId: string; card: CardFrame }> {
  await page.goto(merchant.pageUrl('/checkout'));
  const paymentId = (await page.locator('meta[name="payment-id"]').getAttribute('content'))!;
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  return { paymentId, card };
}

type Result = { paymentIntent?: { id: string; status: string }; error?: { type: string; code: string; payment_intent?: { status: string } } };
const pay = (page: Page): Promise<Result> => page.evaluate(() => (window as unknown as { pay(): Promise<Result> }).pay());

async function expectOneCharge(paymentId: string): Promise<void> {
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  await expect.poll(() => succeededEvents(paymentId)).toBe(1);
}

const apiError = (status: number, type: string, code: string) => ({
  status,
  headers: CORS,
  body: JSON.stringify({ success: false, error: { type, code, message: `injected ${status}` } }),
});

const singleAttemptFaults: Array<[string, (route: Route) => Promise<void>]> = [
  ['the network drops before the confirm reaches the server', (route) => route.abort('connectionreset')],
  [
    'the network drops after the server committed (answer lost)',
    async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    },
  ],
  ['the server answers 500 (not reached)', (route) => route.fulfill(apiError(500, 'api_error', 'internal_error'))],
  [
    'the server commits, then the answer is replaced by a 502',
    async (route) => {
      await route.fetch();
      await route.fulfill(apiError(502, 'api_error', 'bad_gateway'));
    },
  ],
  ['the server answers 409 idempotency_key_in_use', (route) => route.fulfill(apiError(409, 'invalid_request_error', 'idempotency_key_in_use'))],
];

for (const [name, fault] of singleAttemptFaults) {
  test(`${name}: the SDK retries with the same idempotency key — one charge, success`, async ({ page }) => {
    const { paymentId } = await checkout(page);
    const attempts = await faultConfirms(page, async (route, n) => (n === 0 ? fault(route) : route.continue()));
    const result = await pay(page);
    expect(result).toMatchObject({ paymentIntent: { id: paymentId, status: 'succeeded' } });
    expect(attempts.length).toBe(2);
    expect(attempts[0]!.key).toMatch(/\S{8,}/);
    expect(attempts[1]!.key).toBe(attempts[0]!.key);
    await expectOneCharge(paymentId);
  });
}

test('client timeout: the server committed but answered after the SDK gave up; the retry gets the stored answer — one charge', async ({ page }) => {
  test.setTimeout(60_000);
  const { paymentId } = await checkout(page);
  const attempts = await faultConfirms(page, async (route, n) => {
    if (n > 0) return route.continue();
    const response = await route.fetch();
    // The answer is held until the controller gives up on the request: its request timeout, which
    // the suite's stack shortens (stack.requestTimeoutMs).
    const request = route.request();
    await page.waitForEvent('requestfailed', { predicate: (failed) => failed === request, timeout: stack.requestTimeoutMs + 20_000 });
    await route.fulfill({ response }).catch(() => {
      // The browser already abandoned the request: that is the point.
    });
  });
  const result = await pay(page);
  expect(result).toMatchObject({ paymentIntent: { status: 'succeeded' } });
  expect(attempts.map((attempt) => attempt.key)).toEqual([attempts[0]!.key, attempts[0]!.key]);
  await expectOneCharge(paymentId);
});

test('every retry of an attempt is lost: {error: api_connection_error}, nothing charged; paying again succeeds once', async ({ page }) => {
  test.setTimeout(60_000);
  const { paymentId, card } = await checkout(page);
  let cut = true;
  const attempts = await faultConfirms(page, async (route) => (cut ? route.abort('connectionreset') : route.continue()));
  const failed = await pay(page);
  expect(failed).toMatchObject({ error: { type: 'api_connection_error' } });
  const firstKeys = new Set(attempts.map((attempt) => attempt.key));
  expect(firstKeys.size).toBe(1);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
  // The form is usable again, and a new attempt (a new key) pays once.
  cut = false;
  await expect(card.payButton).toBeEnabled();
  const result = await pay(page);
  expect(result).toMatchObject({ paymentIntent: { status: 'succeeded' } });
  expect(firstKeys.has(attempts[attempts.length - 1]!.key)).toBe(false);
  await expectOneCharge(paymentId);
});

test('every retry is lost after the server committed: the customer is never charged twice, and the form ends knowing it succeeded', async ({ page }) => {
  test.setTimeout(60_000);
  const { paymentId } = await checkout(page);
  let cut = true;
  await faultConfirms(page, async (route) => {
    if (!cut) return route.continue();
    await route.fetch();
    await route.abort('connectionreset');
  });
  const first = await pay(page);
  cut = false;
  // What the customer sees after a lost answer is either the success, or a connection error; a second
  // Pay must then not charge again and must end in the payment's real state.
  test.info().annotations.push({ type: 'first result', description: JSON.stringify(first) });
  const second = await pay(page);
  test.info().annotations.push({ type: 'second result', description: JSON.stringify(second) });
  const succeeded = (r: Result) => r.paymentIntent?.status === 'succeeded' || r.error?.payment_intent?.status === 'succeeded';
  expect(succeeded(first) || succeeded(second), `first ${JSON.stringify(first)}, second ${JSON.stringify(second)}`).toBe(true);
  await expectOneCharge(paymentId);
});

test('two tabs confirm the same payment at once: one charge, and the other tab sees the final state', async ({ browser }) => {
  test.setTimeout(60_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [one, two] = await Promise.all(contexts.map((context) => context.newPage()));
  const { paymentId } = await openCheckout(one!, 'modal');
  await openCheckout(two!, 'modal', { payment: paymentId });
  const cards = [new CardFrame(one!), new CardFrame(two!)];
  await Promise.all(cards.map((card) => card.fill({ number: TEST_CARDS.success })));
  await Promise.all(cards.map((card) => card.pay()));
  const results = await Promise.all(
    [one!, two!].map(async (page) => {
      await expect.poll(() => page.evaluate(() => (window as unknown as { __soxara: { results: unknown[] } }).__soxara.results.length), { timeout: 20_000 }).toBe(1);
      return page.evaluate(() => (window as unknown as { __soxara: { results: Result[] } }).__soxara.results[0]!);
    }),
  );
  test.info().annotations.push({ type: 'results', description: JSON.stringify(results) });
  const final = (r: Result) => r.paymentIntent?.status ?? r.error?.payment_intent?.status;
  expect(results.map(final)).toEqual(['succeeded', 'succeeded']);
  await expectOneCharge(paymentId);
  await Promise.all(contexts.map((context) => context.close()));
});

test('the tab is closed on the 3-D Secure challenge; completing it later charges once and emits payment.succeeded', async ({ page, context }) => {
  test.setTimeout(60_000);
  const { paymentId, card } = await (async () => {
    await page.goto(merchant.pageUrl('/checkout'));
    const id = (await page.locator('meta[name="payment-id"]').getAttribute('content'))!;
    const c = new CardFrame(page);
    await c.fill({ number: TEST_CARDS.threeDSecure });
    return { paymentId: id, card: c };
  })();
  void card;
  await page.evaluate((returnUrl) => {
    void (window as unknown as { pay(o: unknown): Promise<unknown> }).pay({ returnUrl });
  }, `${merchant.url}/return-sdk`);
  await page.waitForURL(`${stack.apiUrl}/**`);
  await expect(new ThreeDsChallenge(page).complete).toBeVisible();
  expect((await serverPayment(paymentId)).status).toBe('requires_action');
  await page.close();

  expect((await secretApi('POST', `/v1/test_helpers/payments/${paymentId}/approve`)).status).toBe(200);
  await expectOneCharge(paymentId);
  const types = (await eventsOf(paymentId)).map((event) => event.type);
  expect(types).toContain('payment.succeeded');
  expect(types.filter((type) => type === 'payment.failed')).toEqual([]);
  void context;
});

test('the return page is reloaded: it shows the outcome each time and never confirms again', async ({ page }) => {
  test.setTimeout(60_000);
  const requests = recordRequests(page);
  await page.goto(merchant.pageUrl('/checkout'));
  const paymentId = (await page.locator('meta[name="payment-id"]').getAttribute('content'))!;
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.threeDSecure });
  await page.evaluate((returnUrl) => {
    void (window as unknown as { pay(o: unknown): Promise<unknown> }).pay({ returnUrl });
  }, `${merchant.url}/return-sdk`);
  await page.waitForURL(`${stack.apiUrl}/**`);
  await new ThreeDsChallenge(page).complete.click();
  await page.waitForURL(`${merchant.url}/return-sdk?**`);
  const status = page.getByLabel('status');
  await expect(status).toHaveText('succeeded', { timeout: 15_000 });
  const returnUrl = new URL(page.url());
  expect(returnUrl.searchParams.get('redirect_status')).toBe('succeeded');
  expect(returnUrl.searchParams.get('payment_intent')).toBe(paymentId);

  for (let i = 0; i < 3; i++) {
    await page.reload();
    await expect(status).toHaveText('succeeded', { timeout: 15_000 });
  }
  const confirms: Request[] = requests.filter(isConfirm);
  expect(confirms).toHaveLength(1);
  await expectOneCharge(paymentId);
});

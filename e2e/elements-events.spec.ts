/**
 * What the merchant page hears from the form: `ready`, `focus`/`blur`, `change` with state only
 * (never values), validation errors shown inside the frame, and `elements.create('card')` for
 * merchants with their own button.
 */
import { expect, test, type Page } from '@playwright/test';
import { CardFrame, payButtonOnScreen, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';

interface Recorded {
  results: Array<{ error?: { type: string; code: string; param?: string }; paymentIntent?: { status: string } }>;
  changes: Array<{ elementType: string; complete: boolean; empty: boolean; brand: string; error: { type: string; code: string } | null }>;
  events: string[];
}

function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (window as unknown as { __soxara: Recorded }).__soxara);
}

test('ready, focus and blur reach the merchant; change carries state and never values', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openCheckout(page, 'result');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  await expect.poll(async () => (await recorded(page)).events).toContain('ready');

  await card.number.click();
  await expect.poll(async () => (await recorded(page)).events).toContain('focus');
  await card.number.fill('4242 4242');
  await card.expiry.click();
  await expect(card.frame.getByText('Your card number is incomplete.')).toBeVisible();
  await expect.poll(async () => (await recorded(page)).changes.some((c) => c.error?.type === 'validation_error' && !c.complete)).toBe(true);

  await card.fill({ number: TEST_CARDS.success, expiry: '12 / 34', cvc: '123' });
  await card.cvc.blur();
  await expect.poll(async () => (await recorded(page)).changes.at(-1)).toMatchObject({ elementType: 'card', complete: true, empty: false, brand: 'visa', error: null });
  const { changes, events } = await recorded(page);
  expect(events).toContain('blur');
  for (const change of changes) {
    expect(Object.keys(change).sort()).toEqual(expect.arrayContaining(['brand', 'complete', 'elementType', 'empty', 'error']));
    const text = JSON.stringify(change);
    expect(text).not.toMatch(/4242|\b123\b|12 ?\/ ?34/);
  }
  expect(errors).toEqual([]);
});

test('paying with an incomplete card resolves a validation_error, shows it in the frame and sends nothing', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'result');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  await card.number.fill('4242 4242 4242');
  // Enter in the field submits, as in any form.
  await card.number.press('Enter');
  await expect(page.getByLabel('result')).toHaveText(/^error validation_error incomplete_number/);
  const [result] = (await recorded(page)).results;
  expect(result?.error).toMatchObject({ type: 'validation_error' });
  await expect(card.frame.getByText('Your card number is incomplete.')).toBeVisible();
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
});

test('clicking Pay straight from an incomplete field is not lost when the field\'s error appears', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'result');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  const payButton = await payButtonOnScreen(card.frame);
  await card.number.fill('4242 4242 4242');
  // The number field still has focus: the mouse press on Pay blurs it, which used to show its error
  // above the button and move the button away between mousedown and mouseup.
  await payButton.click();
  await expect(page.getByLabel('result')).toHaveText(/^error validation_error incomplete_number/);
  await expect(card.frame.getByText('Your card number is incomplete.')).toBeVisible();
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
});

test('elements.create(\'card\') has no pay button; the merchant\'s own button confirms it', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'own-button');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  await expect(card.payButton).toHaveCount(0);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
});

test('misuse throws IntegrationError with a message that says how to fix it', async ({ page }) => {
  await openCheckout(page, 'own-button');
  const messages = await page.evaluate(() => {
    const attempt = (run: () => unknown): string => {
      try {
        run();
        return 'no error';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    const Soxara = (window as unknown as { Soxara: (key: string) => { elements(o: object): { mount(s: string): void } } }).Soxara;
    return {
      secret: attempt(() => Soxara('sxs_test_abcdefgh12345678')),
      malformed: attempt(() => Soxara('pk_test_123')),
      clientSecret: attempt(() => Soxara('sxm_test_abcdefgh12345678').elements({ clientSecret: 'nope' })),
      mount: attempt(() => Soxara('sxm_test_abcdefgh12345678').elements({ clientSecret: 'pi_abc_secret_def' }).mount('#missing')),
    };
  });
  expect(messages.secret).toMatch(/^IntegrationError: .*never put a secret key in the browser/i);
  expect(messages.malformed).toMatch(/^IntegrationError: .*sxm_test_/);
  expect(messages.clientSecret).toMatch(/^IntegrationError: .*client_secret/);
  expect(messages.mount).toMatch(/^IntegrationError: .*#missing/);
});

test('update() restyles and relocalises the mounted form live, keeping what was typed', async ({ page }) => {
  await openCheckout(page, 'result');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  await card.number.fill(TEST_CARDS.success);
  await page.evaluate(() => {
    const form = (0, eval)('form') as { update(options: object): void };
    form.update({ locale: 'fr', appearance: { theme: 'night', variables: { colorPrimary: '#0a7d55' } } });
  });
  await expect(card.frame.getByLabel('Numéro de carte')).toHaveValue(TEST_CARDS.success);
  await expect(card.frame.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(card.frame.locator('html')).toHaveAttribute('data-theme', 'night');
  // The merchant page itself still carries no inline style attribute besides the iframes' CSSOM styles.
  const styled = await page.evaluate(() => [...document.querySelectorAll('[style]')].map((el) => el.tagName));
  expect(styled.every((tag) => tag === 'IFRAME')).toBe(true);
});

test('retrievePaymentIntent answers the client-safe payment only; handleNextAction resumes a MoMo wait after a reload', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'momo');
  const retrieved = await page.evaluate(() => {
    const soxara = (0, eval)('soxara') as { retrievePaymentIntent(secret: string): Promise<{ paymentIntent?: Record<string, unknown> }> };
    const secret = document.documentElement.innerHTML.match(/pi_\w+_secret_\w+/)![0];
    return soxara.retrievePaymentIntent(secret);
  });
  expect(retrieved.paymentIntent).toMatchObject({ id: paymentId, status: 'requires_payment_method', amount: 1250, currency: 'USD' });
  expect(Object.keys(retrieved.paymentIntent!)).not.toEqual(expect.arrayContaining(['metadata']));
  expect(retrieved.paymentIntent).not.toHaveProperty('client_secret');
  expect(retrieved.paymentIntent).not.toHaveProperty('customer');

  await page.getByRole('button', { name: 'Pay with Mobile Money' }).click();
  await expect.poll(async () => (await serverPayment(paymentId)).status).toBe('requires_action');
  await openCheckout(page, 'momo', { payment: paymentId });
  const resumed = await page.evaluate(() => {
    const soxara = (0, eval)('soxara') as { handleNextAction(o: { clientSecret: string }): Promise<{ paymentIntent?: { status: string } }> };
    const secret = document.documentElement.innerHTML.match(/pi_\w+_secret_\w+/)![0];
    return soxara.handleNextAction({ clientSecret: secret });
  });
  expect(resumed.paymentIntent?.status).toBe('succeeded');
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
});

test('frames that cannot load (a CSP without frame-src) give loaderror and {error: api_connection_error}, never a hang', async ({ page }) => {
  test.setTimeout(60_000);
  const { paymentId } = await openCheckout(page, 'no-frames');
  await page.getByRole('button', { name: 'Pay with Soxara wallet' }).click();
  await expect(page.getByLabel('loaderror')).toHaveText('card api_connection_error frame_load_failed', { timeout: 30_000 });
  await expect(page.getByLabel('result')).toHaveText(/^error api_connection_error /, { timeout: 30_000 });
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
});

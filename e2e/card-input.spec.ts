/**
 * What the customer's keyboard, clipboard and browser put into the card fields, in real Chromium
 * (checklist rows A2, A3, A5, A8, A10, A11 and A12 of shared/research/security.md §6): other numeral
 * systems count as their digits and everything else is dropped, wrong lengths and far-off expiries
 * never reach the API, a 10 kB paste or a long IME composition is cut to the brand's maximum,
 * Chromium's own card autofill works, and the inputs carry the attributes that keep spellcheck and
 * autocorrect away from them.
 *
 * "The API" is read off the wire: every confirm request the browser sends, from any frame.
 */
import { expect, test, type Page } from '@playwright/test';
import { CardFrame, TEST_CARDS } from './support/pages/card-frame.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { collectPageErrors } from './support/pages/page-errors.ts';
import { stack } from './support/stack.ts';

interface Recorded {
  results: Array<{ error?: { type: string; code: string; param?: string }; paymentIntent?: { status: string } }>;
  changes: Array<{ complete: boolean; empty: boolean; brand: string; error: { type: string; code: string } | null }>;
  events: string[];
}

/** What the merchant page (e2e/support/fixtures/result.html) kept of its results, changes and events. */
function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (window as unknown as { __soxara: Recorded }).__soxara);
}

interface ConfirmBody {
  payment_method: { type: string; card: { number: string; exp_month: number; exp_year: number; cvc: string } };
}

/** Every `POST /v1/payments/:id/confirm` the browser sends (the controller frame's, since it is the only caller). */
function recordConfirms(page: Page): ConfirmBody[] {
  const bodies: ConfirmBody[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/v1\/payments\/[^/]+\/confirm$/.test(new URL(request.url()).pathname)) {
      bodies.push(request.postDataJSON() as ConfirmBody);
    }
  });
  return bodies;
}

/** The result page confirms with return_url: a success leaves for it, as with Stripe.js. */
async function expectPaid(page: Page): Promise<void> {
  await page.waitForURL(`${stack.merchantUrl}/return?**`);
  expect(new URL(page.url()).searchParams.get('redirect_status')).toBe('succeeded');
}

/**
 * Enter in the security code, as a customer finishing the form does: the same submit as the pay
 * button. These rows are about what the fields take in, not the button, whose clickjacking guard
 * (row C6) rightly ignores a pointer click that comes too soon after the button appeared or moved
 * (as the errors under the fields come and go), which is just when a test would click it.
 */
async function submitWithEnter(card: CardFrame): Promise<void> {
  await card.cvc.press('Enter');
}

/** Letters, `+`, `.`, emoji, zero-width characters and bidi controls: nothing a card field keeps. */
/** After a long input into the number: the rest of the card, and the 19-digit Visa is what gets paid. */
async function finishAndPay(page: Page, card: CardFrame, paymentId: string, confirms: ConfirmBody[]): Promise<void> {
  await card.expiry.fill('12 / 34');
  await card.cvc.fill('123');
  await submitWithEnter(card);
  await expectPaid(page);
  expect(confirms.map((body) => body.payment_method.card.number)).toEqual(['4111111111111111003']);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
}

const JUNK = 'aZ+.😀👩‍💳\u200b\u200d\ufeff\u200e\u202e\u2066\u2069';
const year = new Date().getFullYear();
const yy = (offset: number) => String((year + offset) % 100).padStart(2, '0');

test('A2 A3 typed: letters, +, ., emoji and zero-width or bidi controls are dropped; full-width and Arabic-Indic digits count as ASCII, which is all the API gets', async ({ page }) => {
  const errors = collectPageErrors(page);
  const { paymentId } = await openCheckout(page, 'result');
  const confirms = recordConfirms(page);
  const card = new CardFrame(page);
  await card.waitUntilReady();

  for (const field of [card.number, card.expiry, card.cvc]) {
    await field.pressSequentially(JUNK);
    await expect(field).toHaveValue('');
  }
  // The junk changed nothing the merchant could hear of: no `change` came before the `blur` that
  // followed it (the frame's messages share one port, in order).
  await card.cvc.blur();
  await expect.poll(async () => (await recorded(page)).events).toContain('blur');
  expect((await recorded(page)).changes).toEqual([]);

  // 4242 4242 4242 4242 in ASCII, full-width, Arabic-Indic and Devanagari digits, with junk in
  // between. It ends on a digit: the whole number moves the focus on to the expiry.
  await card.number.pressSequentially('４２٤٢a4+2.4😀2\u200b४२\u200e٤٢\u202e４\u2066２\u2069٤٢');
  await expect(card.number).toHaveValue('4242 4242 4242 4242');
  await expect(card.expiry).toBeFocused();
  await card.expiry.pressSequentially('١\u200b٢/٣٤');
  await expect(card.expiry).toHaveValue('12 / 34');
  await card.cvc.pressSequentially('７\u200b٣😀٩');
  await expect(card.cvc).toHaveValue('739');
  await expect.poll(async () => (await recorded(page)).changes.at(-1)).toMatchObject({ complete: true, brand: 'visa', error: null });

  await submitWithEnter(card);
  await expectPaid(page);
  expect(confirms.map((body) => body.payment_method.card)).toEqual([{ number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '739' }]);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  expect(errors).toEqual([]);
});

test('A2 A3 pasted: digits of other numeral systems among junk and invisible controls become ASCII digits in every field, and the card pays', async ({ page }) => {
  const errors = collectPageErrors(page);
  const { paymentId } = await openCheckout(page, 'result');
  const confirms = recordConfirms(page);
  const card = new CardFrame(page);
  await card.waitUntilReady();

  await card.paste(card.number, '\u202e٤٢٤٢ ٤٢٤٢\u202c ４２４２\u200b४२४२ 🙂+.abc');
  await expect(card.number).toHaveValue('4242 4242 4242 4242');
  await card.paste(card.expiry, '１２／２０３４');
  await expect(card.expiry).toHaveValue('12 / 34');
  // Five characters for three digits: a maxlength of 4 on the field would keep only `73`.
  await card.paste(card.cvc, '٧\u200b٣\u200b٩');
  await expect(card.cvc).toHaveValue('739');
  for (const field of [card.number, card.expiry, card.cvc]) await expect(field).toHaveValue(/^[0-9 /]+$/);

  await submitWithEnter(card);
  await expectPaid(page);
  expect(confirms.map((body) => body.payment_method.card)).toEqual([{ number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '739' }]);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  expect(errors).toEqual([]);
});

test('A5 Amex with 16 digits and Visa with 17 are never complete: confirmPayment resolves a validation_error and no confirm request is sent', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'result');
  const confirms = recordConfirms(page);
  const card = new CardFrame(page);

  // Luhn-valid as 16 digits; Amex numbers have 15, which is all the field keeps (and they fail Luhn).
  await card.fill({ number: '3782 8224 6310 0003', expiry: '12 / 34', cvc: '1234' });
  await expect(card.number).toHaveValue('3782 822463 10000');
  await expect(card.frame.getByText('Your card number is invalid.')).toBeVisible();
  await expect(card.number).toHaveAttribute('aria-invalid', 'true');
  await submitWithEnter(card);
  await expect(page.getByLabel('result')).toHaveText(/^error validation_error invalid_number/);

  // Luhn-valid as 17 digits; Visa numbers have 16, 18 or 19, so this one is still incomplete.
  await card.number.fill('4242 4242 4242 4242 6');
  await card.cvc.fill('123');
  expect((await card.number.inputValue()).replace(/ /g, '')).toBe('42424242424242426');
  await expect(card.frame.getByText('Your card number is incomplete.')).toBeVisible();
  await submitWithEnter(card);
  await expect(page.getByLabel('result')).toHaveText(/^error validation_error incomplete_number/);

  const { results, changes } = await recorded(page);
  expect(results.map((result) => [result.error?.type, result.error?.code])).toEqual([
    ['validation_error', 'invalid_number'],
    ['validation_error', 'incomplete_number'],
  ]);
  expect(changes.filter((change) => change.complete)).toEqual([]);
  expect(confirms).toEqual([]);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');

  // The recorder does see confirms: a right number goes through, once.
  await card.number.fill(TEST_CARDS.success);
  await submitWithEnter(card);
  await expectPaid(page);
  expect(confirms.map((body) => body.payment_method.card.number)).toEqual(['4242424242424242']);
});

test('A8 an expiry 20 years ahead is refused in the frame with no confirm request; 19 years ahead pays', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'result');
  const confirms = recordConfirms(page);
  const card = new CardFrame(page);

  await card.fill({ number: TEST_CARDS.success, expiry: `01 / ${yy(20)}`, cvc: '123' });
  await expect(card.expiry).toHaveValue(`01 / ${yy(20)}`);
  await expect(card.frame.getByText("Your card's expiry year is invalid.")).toBeVisible();
  await expect(card.expiry).toHaveAttribute('aria-invalid', 'true');
  await submitWithEnter(card);
  await expect(page.getByLabel('result')).toHaveText(/^error validation_error invalid_expiry_year/);
  expect(confirms).toEqual([]);
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');

  await card.expiry.fill(`12 / ${yy(19)}`);
  await expect(card.expiry).toHaveAttribute('aria-invalid', 'false');
  await submitWithEnter(card);
  await expectPaid(page);
  expect(confirms.map((body) => [body.payment_method.card.exp_month, body.payment_method.card.exp_year])).toEqual([[12, year + 19]]);
});

test('A10 a 10 kB paste into the card number holds the brand maximum, and the form still pays', async ({ page }) => {
  const errors = collectPageErrors(page);
  const { paymentId } = await openCheckout(page, 'result');
  const confirms = recordConfirms(page);
  const card = new CardFrame(page);
  await card.waitUntilReady();

  // A 19-digit Visa (the longest any brand has), then 10 kB more of digits and spaces.
  const paste = '4111 1111 1111 1111 003 '.padEnd(10_240, '9876 ');
  await card.paste(card.number, paste);
  await expect(card.number).toHaveValue(/^[0-9 ]+$/);
  expect((await card.number.inputValue()).replace(/ /g, '')).toBe('4111111111111111003');

  // Still responsive: the other fields take input, and the card pays.
  await finishAndPay(page, card, paymentId, confirms);
  expect(errors).toEqual([]);
});

test('A10 a long IME composition into the card number also ends at the brand maximum, and the form still pays', async ({ page }) => {
  const errors = collectPageErrors(page);
  const { paymentId } = await openCheckout(page, 'result');
  const confirms = recordConfirms(page);
  const card = new CardFrame(page);
  await card.waitUntilReady();

  // The 19-digit Visa in Arabic-Indic digits, then more of them: 1 kB, composed and committed.
  // (10 kB would test Chromium, not the frame: a plain <input> with no script on the page takes
  // tens of seconds to compose and commit that much here.) The frame used to rewrite the field
  // mid-composition, and the committed text then landed beside the first digit: `4` + `4111…`.
  const composed = '٤١١١١١١١١١١١١١١١٠٠٣'.padEnd(1_024, '٩٨٧٦');
  await card.compose(card.number, composed);
  await expect(card.number).toHaveValue(/^[0-9 ]+$/);
  expect((await card.number.inputValue()).replace(/ /g, '')).toBe('4111111111111111003');

  await finishAndPay(page, card, paymentId, confirms);
  expect(errors).toEqual([]);
});

test('A11 Chromium\'s own card autofill (CDP Autofill.trigger) fills and formats all three fields, change says complete once, and the form pays', async ({ page }) => {
  const errors = collectPageErrors(page);
  const { paymentId } = await openCheckout(page, 'result');
  const confirms = recordConfirms(page);
  const card = new CardFrame(page);

  await card.autofill({ number: '4242424242424242', name: 'Jane Doe', expiryMonth: '12', expiryYear: '2034', cvc: '739' });
  await expect(card.number).toHaveValue('4242 4242 4242 4242');
  await expect(card.expiry).toHaveValue('12 / 34');
  await expect(card.cvc).toHaveValue('739');

  // A blur sent after the autofill arrives after every change the autofill caused (one port, in order).
  const blurs = (await recorded(page)).events.filter((event) => event === 'blur').length;
  await card.cvc.focus();
  await card.cvc.blur();
  await expect.poll(async () => (await recorded(page)).events.filter((event) => event === 'blur').length).toBeGreaterThan(blurs);
  const { changes } = await recorded(page);
  expect(changes.filter((change) => change.complete)).toHaveLength(1);
  expect(changes.at(-1)).toMatchObject({ complete: true, empty: false, brand: 'visa', error: null });

  await submitWithEnter(card);
  await expectPaid(page);
  expect(confirms.map((body) => body.payment_method.card)).toEqual([{ number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '739' }]);
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
  expect(errors).toEqual([]);
});

test('A12 every card input has spellcheck="false", its cc-* autocomplete token, inputmode numeric and autocorrect off (Chromium)', async ({ page }) => {
  await openCheckout(page, 'result');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  const expected = [
    [card.number, 'cc-number'],
    [card.expiry, 'cc-exp'],
    [card.cvc, 'cc-csc'],
  ] as const;
  for (const [field, token] of expected) {
    const seen = await field.evaluate((input: HTMLInputElement) => ({
      spellcheckAttribute: input.getAttribute('spellcheck'),
      // What Chromium's spellchecker and extensions read.
      spellcheck: input.spellcheck,
      autocomplete: input.autocomplete,
      inputMode: input.inputMode,
      autocorrect: input.getAttribute('autocorrect'),
      autocapitalize: input.getAttribute('autocapitalize'),
      type: input.type,
    }));
    expect(seen).toEqual({ spellcheckAttribute: 'false', spellcheck: false, autocomplete: token, inputMode: 'numeric', autocorrect: 'off', autocapitalize: 'off', type: 'text' });
  }
});

/**
 * Accessibility of everything Soxara draws (issue 7): axe-core (WCAG 2.0/2.1 A and AA rules) finds no
 * violation in the card frame — empty, showing errors, busy — in the tabbed payment form, and in each
 * modal (3-D Secure, MoMo prompt, wallet QR code); a keyboard-only customer pays without a mouse; and
 * errors are announced (role=alert / aria-live) with their message.
 *
 * @axe-core/playwright runs axe inside every frame through Playwright (cross-origin frames included)
 * and merges the results; violations are attributed to the frame they were found in.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TEST_PHONES } from '../packages/testing/src/test-values.ts';
import { accumulateFigures, secretApi } from './support/security-harness.ts';
import { CardFrame, FRAME_TITLES, TEST_CARDS } from './support/pages/card-frame.ts';
import { holdStatusChecks } from './support/hold-status-checks.ts';
import { openCheckout, serverPayment } from './support/pages/merchant.ts';
import { ThreeDsModal } from './support/pages/three-ds.ts';
import { stack } from './support/stack.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const results = { states: 0, violations: 0, ourViolations: 0 };
// axe in every frame is slow on a loaded machine.
test.describe.configure({ mode: 'default', timeout: 90_000 });

/**
 * Runs axe over the page and all its frames. Returns the violations found inside Soxara's frames
 * (a node target with a frame path); the test merchant's own page is reported but not ours to fix.
 */
async function audit(page: Page, state: string): Promise<string[]> {
  // Frames axe cannot enter (one still loading, under a loaded machine) are left out of a run, so a run
  // that audited no frame at all is repeated rather than counted.
  const inFrame = (a: Awaited<ReturnType<AxeBuilder['analyze']>>) => a.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));
  let analysis = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  for (let retry = 0; retry < 3 && !inFrame(analysis); retry++) {
    await page.waitForTimeout(500);
    analysis = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  }
  const ours: string[] = [];
  const theirs: string[] = [];
  for (const violation of analysis.violations) {
    for (const node of violation.nodes) {
      const line = `${violation.id} (${violation.impact}): ${JSON.stringify(node.target)} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`;
      (node.target.length > 1 ? ours : theirs).push(line);
    }
  }
  // Frames were really audited: axe reports the rules it passed inside them too.
  expect(inFrame(analysis), `${state}: no frame was audited`).toBe(true);
  if (theirs.length > 0) test.info().annotations.push({ type: `merchant page (${state})`, description: theirs.join('\n') });
  results.states++;
  results.violations += ours.length + theirs.length;
  results.ourViolations += ours.length;
  return ours;
}

test('card frame: empty, with validation errors, with a decline announced, and busy — 0 violations', async ({ page }) => {
  test.setTimeout(90_000);
  await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  expect(await audit(page, 'card empty')).toEqual([]);

  // Validation errors under the fields.
  await card.number.fill('4242 4242 4242 4241');
  await card.expiry.fill('01 / 20');
  await card.cvc.fill('1');
  await card.number.focus();
  await page.locator('h1').click();
  await expect(card.number).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await card.number.getAttribute('aria-describedby');
  expect(describedBy, 'the number field points to its error text').toBeTruthy();
  expect(await audit(page, 'card with validation errors')).toEqual([]);

  // A decline: announced as an alert with the message.
  await card.fill({ number: TEST_CARDS.declined });
  await card.pay();
  await expect(card.alert).toContainText(/declined/i);
  expect(await audit(page, 'card with a decline')).toEqual([]);

  // Busy: the confirm is held on the wire while axe runs.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`${stack.apiUrl}/v1/payments/*/confirm`, async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await card.number.fill(TEST_CARDS.success);
  await card.pay();
  const processing = card.frame.getByRole('button', { name: /Processing/ });
  await expect(processing).toBeDisabled();
  await expect(processing).toHaveAttribute('aria-busy', 'true');
  const busy = await audit(page, 'card busy');
  release();
  expect(busy).toEqual([]);
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
});

test('tabbed payment form (payment.html): 0 violations on each tab', async ({ page }) => {
  await openCheckout(page, 'tabs');
  const form = page.frameLocator(`iframe[title="${FRAME_TITLES.payment}"]`);
  await expect(form.getByRole('tab').first()).toBeVisible({ timeout: 20_000 });
  const tabs = form.getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click();
    expect(await audit(page, `payment form tab ${i + 1}`)).toEqual([]);
  }
});

test('3-D Secure modal: 0 violations', async ({ page }) => {
  await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.threeDSecure });
  await card.pay();
  const modal = new ThreeDsModal(page);
  await expect(modal.dialog).toBeVisible({ timeout: 15_000 });
  await expect(modal.challenge.complete).toBeVisible();
  expect(await audit(page, '3-D Secure modal')).toEqual([]);
  await modal.challenge.complete.click();
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded');
});

test('MoMo prompt and wallet QR modals: 0 violations', async ({ page }) => {
  test.setTimeout(60_000);
  // The dialog is held as first shown while axe runs (see holdStatusChecks).
  const release = await holdStatusChecks(page);
  await openCheckout(page, 'momo', { phone: TEST_PHONES.expires });
  const modal = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  await page.getByRole('button', { name: 'Pay with Mobile Money' }).click();
  await expect(modal.getByRole('dialog')).toBeVisible({ timeout: 15_000 });
  expect(await audit(page, 'MoMo prompt')).toEqual([]);
  await modal.getByRole('button', { name: /Cancel/ }).first().click();
  release();
  await expect(page.getByLabel('result')).toHaveText(/error/);

  const { paymentId } = { paymentId: (await page.locator('meta[name="payment-id"]').getAttribute('content'))! };
  await page.getByRole('button', { name: 'Pay with Soxara wallet' }).click();
  await expect(modal.getByRole('img', { name: /QR code/ })).toBeVisible({ timeout: 15_000 });
  expect(await audit(page, 'wallet QR')).toEqual([]);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  release();
  expect((await secretApi('POST', `/v1/test_helpers/payments/${paymentId}/approve`)).status).toBe(200);
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
});

test('keyboard only: Tab into the card frame, type, Enter pays — no mouse', async ({ page }) => {
  const { paymentId } = await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.waitUntilReady();
  // From the top of the page, Tab until the card number has focus.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 10 && !(await card.number.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(card.number).toBeFocused();
  // A complete number moves focus to the expiry, a complete expiry to the CVC (as Stripe's fields do).
  await page.keyboard.type('4242424242424242');
  await expect(card.expiry).toBeFocused();
  await page.keyboard.type('1234');
  await expect(card.cvc).toBeFocused();
  // Shift+Tab and Tab move between the fields too.
  await page.keyboard.press('Shift+Tab');
  await expect(card.expiry).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card.cvc).toBeFocused();
  await page.keyboard.type('123');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('result')).toHaveText('paymentIntent succeeded', { timeout: 20_000 });
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
});

test('errors are announced: a decline in role=alert, a field error in a live region tied to the field', async ({ page }) => {
  await openCheckout(page, 'modal');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.insufficientFunds });
  await card.pay();
  await expect(card.alert).toBeVisible();
  await expect(card.alert).toContainText(/funds|declined/i);

  await card.number.fill('4242 4242 4242 4241');
  await card.expiry.focus();
  await expect(card.number).toHaveAttribute('aria-invalid', 'true');
  const ids = ((await card.number.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  expect(ids.length).toBeGreaterThan(0);
  const described = await card.frame.locator(ids.map((id) => `[id="${id}"]`).join(',')).allTextContents();
  expect(described.join(' ')).toMatch(/\S/);
  // The message is inside a live region (or an alert), so screen readers hear it when it appears.
  const announced = await card.frame
    .locator('[aria-live="polite"], [aria-live="assertive"], [role="alert"], [role="status"]')
    .allTextContents();
  expect(announced.join(' ')).toContain(described.join(' ').trim());
});

test.afterEach(() => {
  accumulateFigures(
    'axe',
    { states_checked: results.states, violations: results.violations, found_in_soxara_frames: results.ourViolations },
    { states_checked: 'card (empty, errors, decline, busy), payment form tabs, 3DS / MoMo / wallet modals; axe WCAG 2.1 A/AA in every frame' },
  );
  results.states = results.violations = results.ourViolations = 0;
});

/**
 * Checklist C6: the pay button our frame draws (the one-line integration) ignores a pointer click
 * unless it has been visible and steady (apps/frames/src/shared/pay-guard.ts). The merchant page in
 * fixtures/clickjack.html plays the attacker through `window.clickjack`: it makes the frame nearly
 * transparent, covers it with a decoy that lets clicks through, or shows or slides it under the
 * pointer just before a click. Each refused click must leave the payment unpaid and tell the customer
 * why; a later, honest click on the same page must still pay.
 */
import { expect, test, type Page } from '@playwright/test';
import { STEADY_MS } from '../apps/frames/src/shared/pay-guard.ts';
import { recordFigures } from '../scripts/figures.ts';
import { CardFrame, TEST_CARDS } from './support/pages/card-frame.ts';
import { serverPayment } from './support/pages/merchant.ts';
import { stack } from './support/stack.ts';

type Trick = 'transparent' | 'overlay' | 'hide' | 'show' | 'reset';

// One worker runs the file's tests in order, so the figures below add up.
test.describe.configure({ mode: 'default' });
const tally = { attacks_staged: 0, attacks_refused: 0, honest_payments: 0 };
test.afterAll(() => recordFigures('browser-clickjacking', tally));

const IGNORED = /pay button was covered or had just moved/;

async function openClickjackPage(page: Page): Promise<{ paymentId: string; card: CardFrame }> {
  await page.goto(`${stack.merchantUrl}/clickjack`);
  const paymentId = await page.locator('meta[name="payment-id"]').getAttribute('content');
  if (!paymentId) throw new Error('checkout page has no payment id');
  const card = new CardFrame(page);
  await card.fill({ number: TEST_CARDS.success });
  return { paymentId, card };
}

function trick(page: Page, name: Trick): Promise<void> {
  return page.evaluate((name) => (window as unknown as { clickjack: Record<Trick, () => void> }).clickjack[name](), name);
}

function moveFrame(page: Page, dx: number, dy: number): Promise<void> {
  return page.evaluate(([dx, dy]) => (window as unknown as { clickjack: { move(x: number, y: number): void } }).clickjack.move(dx, dy), [dx, dy] as const);
}

/** The page draws twice, so what the hook changed is on screen and hit-testable. */
function nextFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Long enough for the guard's steadiness window with room to spare: what a customer spends reading
 * the form, and what a trick needs to be in place before the click it targets.
 */
const settle = (page: Page) => page.waitForTimeout(STEADY_MS + 500);

async function centreOf(card: CardFrame): Promise<{ x: number; y: number }> {
  const box = await card.payButton.boundingBox();
  if (!box) throw new Error('pay button has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function expectPaid(page: Page, paymentId: string): Promise<void> {
  await page.waitForURL(`${stack.merchantUrl}/return?**`, { timeout: 20_000 });
  expect((await serverPayment(paymentId)).status).toBe('succeeded');
}

async function expectNotPaid(page: Page, paymentId: string): Promise<void> {
  tally.attacks_staged += 1;
  // Nothing was sent, so there is nothing to wait for; a moment more catches a late submit anyway.
  await page.waitForTimeout(1000);
  expect(page.url()).toContain('/clickjack');
  expect((await serverPayment(paymentId)).status).toBe('requires_payment_method');
  tally.attacks_refused += 1;
}

/** The trick undone and a moment to see the form: the next click is an honest one and pays. */
async function honestClickPays(page: Page, card: CardFrame, paymentId: string): Promise<void> {
  await trick(page, 'reset');
  await settle(page);
  await card.payButton.click();
  await expectPaid(page, paymentId);
  tally.honest_payments += 1;
}

test('an honest click on a form that has been on screen pays', async ({ page }) => {
  const { paymentId, card } = await openClickjackPage(page);
  await settle(page);
  await card.payButton.click();
  await expectPaid(page, paymentId);
  tally.honest_payments += 1;
});

test('a transparent frame: the click is ignored, the customer is told why, nothing is paid', async ({ page }) => {
  const { paymentId, card } = await openClickjackPage(page);
  await trick(page, 'transparent');
  await settle(page);
  await card.payButton.click();
  await expect(card.alert).toContainText(IGNORED);
  await expectNotPaid(page, paymentId);
  await honestClickPays(page, card, paymentId);
});

test('a decoy drawn over the frame: the click is ignored, the customer is told why, nothing is paid', async ({ page }) => {
  const { paymentId, card } = await openClickjackPage(page);
  await trick(page, 'overlay');
  await settle(page);
  // The decoy lets clicks through; Playwright would refuse to click what it sees is covered.
  const { x, y } = await centreOf(card);
  await page.mouse.click(x, y);
  await expect(card.alert).toContainText(IGNORED);
  await expectNotPaid(page, paymentId);
  await honestClickPays(page, card, paymentId);
});

test('a frame shown from display:none and clicked at once: ignored, and a later click pays', async ({ page }) => {
  const { paymentId, card } = await openClickjackPage(page);
  const { x, y } = await centreOf(card);
  await trick(page, 'hide');
  await settle(page);
  await trick(page, 'show');
  await nextFrames(page);
  await page.mouse.click(x, y);
  await expect(card.alert).toContainText(IGNORED);
  await expectNotPaid(page, paymentId);
  await honestClickPays(page, card, paymentId);
});

test('a frame slid in from off-screen under the pointer and clicked at once: ignored, and a later click pays', async ({ page }) => {
  const { paymentId, card } = await openClickjackPage(page);
  const { x, y } = await centreOf(card);
  await page.mouse.move(x, y);
  await moveFrame(page, -3000, 0);
  await settle(page);
  await moveFrame(page, 0, 0);
  await nextFrames(page);
  await page.mouse.down();
  await page.mouse.up();
  await expect(card.alert).toContainText(IGNORED);
  await expectNotPaid(page, paymentId);
  await honestClickPays(page, card, paymentId);
});

test('keyboard: Enter in a field pays at once, with no wait (clickjacking aims a pointer)', async ({ page }) => {
  const { paymentId, card } = await openClickjackPage(page);
  await card.cvc.press('Enter');
  await expectPaid(page, paymentId);
});

test('keyboard: Enter on the focused pay button pays at once', async ({ page }) => {
  const { paymentId, card } = await openClickjackPage(page);
  await card.payButton.focus();
  await page.keyboard.press('Enter');
  await expectPaid(page, paymentId);
});

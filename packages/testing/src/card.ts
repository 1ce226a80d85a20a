/**
 * Typing into the card fields, which live in an iframe of the JS origin: reached with a frame locator
 * and the fields' accessible labels, as a customer with a screen reader would find them.
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { PAY_GUARD } from '@soxara/protocol';
import { PAY_CLICK_IGNORED } from '@soxara/protocol/rest';
import { steadyOnScreen } from './steady-on-screen.ts';

/** Titles the merchant script gives its element iframes. */
export const ELEMENT_FRAME_TITLES = {
  card: 'Secure card payment input frame',
  payment: 'Secure payment input frame',
} as const;

export interface CardInput {
  number: string;
  /** `MM / YY`, `MM/YY` or `MMYY`. Default `12 / 34`. */
  exp?: string;
  /** Default `123`. */
  cvc?: string;
}

export interface FillCardOptions {
  /** A frame locator for the form when the page has more than one. Default: the first Soxara form. */
  frame?: FrameLocator;
  timeoutMs?: number;
}

export function cardFrame(page: Page): FrameLocator {
  const { card, payment } = ELEMENT_FRAME_TITLES;
  return page.frameLocator(`iframe[title="${card}"], iframe[title="${payment}"]`).first();
}

export async function fillCard(page: Page, card: CardInput, options: FillCardOptions = {}): Promise<void> {
  const frame = options.frame ?? cardFrame(page);
  const timeout = options.timeoutMs ?? 20_000;
  const number = frame.getByLabel('Card number');
  await number.waitFor({ state: 'visible', timeout });
  await number.fill(card.number, { timeout });
  await frame.getByLabel('Expiry date').fill(card.exp ?? '12 / 34', { timeout });
  await frame.getByLabel('Security code').fill(card.cvc ?? '123', { timeout });
}

/**
 * Presses the form's own pay button ("Pay US$12.50") as a customer does: once it is enabled and has
 * been in plain view, unmoved, for as long as the frame's pay guard asks (`PAY_GUARD`). A click sooner
 * would be ignored, as the guard ignores a click on a button that just moved (a new error line or tab
 * resizing the form, the page shifting around the frame), and on a loaded CI machine that wait is
 * longer than the time it takes to type. If the guard still ignores the click, this throws: your
 * page moved the form under the pointer, and a customer would have been asked to click again.
 */
export async function submitCard(page: Page, options: FillCardOptions = {}): Promise<void> {
  const frame = options.frame ?? cardFrame(page);
  const timeout = options.timeoutMs ?? 20_000;
  await (await payButtonInPlainView(frame, timeout)).click({ timeout });
  // The guard answers in the click's own handler, so its line is there when the click returns.
  if (await frame.getByText(PAY_CLICK_IGNORED.message).count()) {
    throw new Error(`Soxara's pay guard ignored the click: ${PAY_CLICK_IGNORED.message} The form moved or was covered just before the click.`);
  }
}

/** The form's pay button once a pointer click on it would count (see `submitCard`). */
export async function payButtonInPlainView(frame: FrameLocator, timeoutMs = 20_000): Promise<Locator> {
  const button = frame.getByRole('button', { name: /^Pay/ });
  await button.waitFor({ state: 'visible', timeout: timeoutMs });
  await button.evaluate(steadyOnScreen, { steadyMs: PAY_GUARD.steadyMs, minRatio: PAY_GUARD.minRatio, timeoutMs });
  return button;
}

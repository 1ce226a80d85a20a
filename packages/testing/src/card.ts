/**
 * Typing into the card fields, which live in an iframe of the JS origin: reached with a frame locator
 * and the fields' accessible labels, as a customer with a screen reader would find them.
 */
import type { FrameLocator, Page } from '@playwright/test';

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

/** Presses the form's own pay button ("Pay US$12.50"). */
export async function submitCard(page: Page, options: FillCardOptions = {}): Promise<void> {
  const frame = options.frame ?? cardFrame(page);
  await frame.getByRole('button', { name: /^Pay/ }).click({ timeout: options.timeoutMs ?? 20_000 });
}

/**
 * The Firefox suite's page objects: the Chromium suite's (e2e/support/pages) driven through
 * puppeteer-core over WebDriver BiDi instead of Playwright. They share with those everything but the
 * driver: frame titles and the accessible names of every control (../support/pages/names.ts), the
 * pay guard's steadiness wait (packages/testing/src/steady-on-screen.ts), the test values and the
 * merchant's pages and server reads. Controls are found as Playwright's page objects find them, by
 * role and accessible name (puppeteer's `::-p-aria`), which in Firefox reads Firefox's own
 * accessibility tree.
 */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { MIN_RATIO, STEADY_MS } from '../../../apps/frames/src/shared/pay-guard.ts';
import { PAY_CLICK_IGNORED } from '../../../packages/protocol/src/errors.ts';
import { CARD_FIELDS, FRAME_TITLES, PAY_BUTTON } from '../../support/pages/names.ts';
import { steadyOnScreen } from '../../../packages/testing/src/steady-on-screen.ts';

const TIMEOUT_MS = 20_000;
type Scope = Page | Frame;

/** The frame inside the iframe titled `title` (ours, or the sandbox's inside ours). */
export async function frameTitled(scope: Scope, title: string, timeout = TIMEOUT_MS): Promise<Frame> {
  const iframe = await scope.waitForSelector(`iframe[title="${title}"]`, { timeout });
  const frame = await iframe!.contentFrame();
  if (!frame) throw new Error(`the iframe "${title}" has no frame`);
  return frame;
}

/** The control of `role` named exactly `name`, once it is drawn. */
export async function byRole(scope: Scope, role: string, name: string, timeout = TIMEOUT_MS): Promise<ElementHandle<Element>> {
  const handle = await scope.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`, { visible: true, timeout });
  return handle!;
}

/** The field labelled `label`. */
export async function byLabel(scope: Scope, label: string, timeout = TIMEOUT_MS): Promise<ElementHandle<Element>> {
  return byRole(scope, 'textbox', label, timeout);
}

/** Whether any element in `scope` shows `text` now. */
export function showsText(scope: Scope, text: string): Promise<boolean> {
  return scope.evaluate((text) => document.body.innerText.includes(text), text);
}

/** Resolves once `text` is shown in `scope`. */
export async function waitForText(scope: Scope, text: string | RegExp, timeout = TIMEOUT_MS): Promise<void> {
  const source = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
  await scope.waitForFunction((source) => new RegExp(source).test(document.body.innerText), { timeout }, source);
}

/** A button whose accessible text starts "Pay", enabled: the form's own pay button. */
export async function payButton(frame: Frame, timeout = TIMEOUT_MS): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await frame.waitForFunction(
    (source) =>
      [...document.querySelectorAll('button')].find((button) => new RegExp(source).test(button.textContent?.trim() ?? '') && !button.disabled && button.offsetParent !== null),
    { timeout },
    PAY_BUTTON.source,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

/** The pay button once the pay guard would take a pointer click on it (as the Chromium suite waits). */
export async function payButtonOnScreen(frame: Frame): Promise<ElementHandle<HTMLButtonElement>> {
  const button = await payButton(frame);
  await button.evaluate(steadyOnScreen, { steadyMs: STEADY_MS, minRatio: MIN_RATIO, timeoutMs: 15_000 });
  return button;
}

/** A customer's one click on the pay button; a click the guard ignores fails the test. */
export async function clickPayButton(frame: Frame): Promise<void> {
  await (await payButtonOnScreen(frame)).click();
  if (await showsText(frame, PAY_CLICK_IGNORED.message)) throw new Error('the pay guard ignored a click on a button that was in plain view');
}

/** The card fields' frame (the card form, or the tabbed form's card tab). */
export class CardFrame {
  private constructor(readonly page: Page, readonly frame: Frame) {}

  static async on(page: Page, title: string = FRAME_TITLES.card): Promise<CardFrame> {
    return new CardFrame(page, await frameTitled(page, title));
  }

  async fill(card: { number: string; expiry?: string; cvc?: string }): Promise<void> {
    await (await byLabel(this.frame, CARD_FIELDS.number)).type(card.number);
    await (await byLabel(this.frame, CARD_FIELDS.expiry)).type(card.expiry ?? '12 / 34');
    await (await byLabel(this.frame, CARD_FIELDS.cvc)).type(card.cvc ?? '123');
  }

  pay(): Promise<void> {
    return clickPayButton(this.frame);
  }
}

/**
 * The card fields as the customer sees them: an iframe of the JS origin on the merchant page, found
 * by its title and driven through accessible labels only (what a screen reader user would use).
 */
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { PAY_CLICK_IGNORED } from '../../../packages/protocol/src/errors.ts';
import { CARD_FIELDS, FRAME_TITLES, PAY_BUTTON } from './names.ts';
import { payButtonInPlainView } from '../../../packages/testing/src/card.ts';

export { FRAME_TITLES };

/** The sandbox's test cards, spaced as a customer types them (the one list, via @soxara/testing). */
export { TEST_CARDS } from '../../../packages/testing/src/test-values.ts';

/**
 * Clicks the Pay button our frame draws once, as a customer does: after having seen it (see
 * `payButtonOnScreen`). A click the pay guard ignores fails the test: it would have been a customer
 * told to click again, and with a retry a guard that wrongly refuses customers could pass unseen.
 */
export async function clickPayButton(frame: FrameLocator): Promise<void> {
  const button = await payButtonOnScreen(frame);
  await button.click();
  // The guard shows its refusal in the click's own handler, before the click returns.
  await expect(frame.getByText(PAY_CLICK_IGNORED.message), 'the pay guard ignored a click on a button that was in plain view').toHaveCount(0);
}

/**
 * The frame's Pay button, once a customer could have seen it: enabled, and on screen, visible and
 * unmoved for the pay guard's STEADY_MS as the frame itself sees it (@soxara/testing's own wait, which
 * `submitCard` uses). So the wait is the guard's own measure, not a guess of how late a loaded machine
 * reports.
 */
export async function payButtonOnScreen(frame: FrameLocator): Promise<Locator> {
  await expect(frame.getByRole('button', { name: PAY_BUTTON })).toBeEnabled({ timeout: 20_000 });
  return payButtonInPlainView(frame, 15_000);
}

export class CardFrame {
  readonly iframe: Locator;
  readonly frame: FrameLocator;

  constructor(readonly page: Page, title: string = FRAME_TITLES.card) {
    this.iframe = page.locator(`iframe[title="${title}"]`);
    this.frame = page.frameLocator(`iframe[title="${title}"]`);
  }

  get number(): Locator {
    return this.frame.getByLabel(CARD_FIELDS.number);
  }
  get expiry(): Locator {
    return this.frame.getByLabel(CARD_FIELDS.expiry);
  }
  get cvc(): Locator {
    return this.frame.getByLabel(CARD_FIELDS.cvc);
  }
  get payButton(): Locator {
    return this.frame.getByRole('button', { name: PAY_BUTTON });
  }
  /** Payment-outcome errors (declines) the frame announces; validation errors show under the fields. */
  get alert(): Locator {
    return this.frame.getByRole('alert');
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.number).toBeEditable({ timeout: 20_000 });
  }

  async fill(card: { number: string; expiry?: string; cvc?: string }): Promise<void> {
    await this.waitUntilReady();
    await this.number.fill(card.number);
    await this.expiry.fill(card.expiry ?? '12 / 34');
    await this.cvc.fill(card.cvc ?? '123');
  }

  async pay(): Promise<void> {
    await clickPayButton(this.frame);
  }

  /**
   * A real paste into `field` (Ctrl/Cmd+V, inputType `insertFromPaste`) through the clipboard. The
   * merchant page writes the clipboard: the cross-origin frame has no `clipboard-write` permission.
   */
  async paste(field: Locator, text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(this.page.url()).origin });
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await field.focus();
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  /**
   * An IME composition of `text` into `field`, growing then committed, as a phone or CJK keyboard
   * sends it (input events of inputType `insertCompositionText`): DevTools' Input.imeSetComposition
   * and Input.insertText, which go to the focused frame.
   */
  async compose(field: Locator, text: string): Promise<void> {
    await field.focus();
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('Input.imeSetComposition', { text: text.slice(0, 1), selectionStart: 1, selectionEnd: 1 });
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await cdp.send('Input.insertText', { text });
    } finally {
      await cdp.detach();
    }
  }

  /**
   * Chromium's own credit-card autofill, as when the customer picks a saved card: DevTools'
   * `Autofill.trigger` on the number field. The card frame is cross-site (an out-of-process iframe),
   * so the CDP session is the frame's own, and the field is named by its backend node id there.
   */
  async autofill(card: SavedCard): Promise<void> {
    await this.waitUntilReady();
    const frame = await (await this.iframe.elementHandle())?.contentFrame();
    if (!frame) throw new Error('the card frame is not on the page');
    const cdp = await this.page.context().newCDPSession(frame);
    try {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `[...document.querySelectorAll('label')].find((label) => label.textContent === 'Card number')?.control`,
      });
      if (!result.objectId) throw new Error('no field labelled "Card number" in the card frame');
      const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
      await cdp.send('Autofill.enable');
      // Chromium answers "Field not found" until its autofill agent has parsed the freshly drawn form.
      await expect(() => cdp.send('Autofill.trigger', { fieldId: node.backendNodeId, frameId: frameTree.frame.id, card })).toPass({ timeout: 10_000 });
    } finally {
      await cdp.detach();
    }
  }
}

/** A card saved in the browser, in the shape of CDP's `Autofill.CreditCard`. */
export interface SavedCard {
  number: string;
  name: string;
  /** Two digits. */
  expiryMonth: string;
  /** Four digits. */
  expiryYear: string;
  cvc: string;
}

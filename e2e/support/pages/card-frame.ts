/**
 * The card fields as the customer sees them: an iframe of the JS origin on the merchant page, found
 * by its title and driven through accessible labels only (what a screen reader user would use).
 */
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** Titles the merchant script gives its iframes (packages/soxara-js/src/element.ts, modal-host.ts). */
export const FRAME_TITLES = {
  card: 'Secure card payment input frame',
  payment: 'Secure payment input frame',
  modal: 'Soxara secure payment dialog',
  controller: 'Soxara payment controller',
} as const;

export const TEST_CARDS = {
  success: '4242 4242 4242 4242',
  genericDecline: '4000 0000 0000 0002',
  threeDs: '4000 0027 6000 3184',
  insufficientFunds: '4000 0000 0000 9995',
  expired: '4000 0000 0000 0069',
  incorrectCvc: '4000 0000 0000 0127',
} as const;

export class CardFrame {
  readonly iframe: Locator;
  readonly frame: FrameLocator;

  constructor(readonly page: Page, title: string = FRAME_TITLES.card) {
    this.iframe = page.locator(`iframe[title="${title}"]`);
    this.frame = page.frameLocator(`iframe[title="${title}"]`);
  }

  get number(): Locator {
    return this.frame.getByLabel('Card number');
  }
  get expiry(): Locator {
    return this.frame.getByLabel('Expiry date');
  }
  get cvc(): Locator {
    return this.frame.getByLabel('Security code');
  }
  get payButton(): Locator {
    return this.frame.getByRole('button', { name: /^Pay/ });
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
    await this.payButton.click();
  }
}

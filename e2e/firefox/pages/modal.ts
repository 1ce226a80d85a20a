/** The Soxara modal over the merchant page (MoMo, wallet, 3-D Secure), as the Firefox suite drives it. */
import type { Frame, Page } from 'puppeteer-core';
import { FRAME_TITLES, THREE_DS } from '../../support/pages/names.ts';
import { byRole, frameTitled } from './frames.ts';

export class Modal {
  private constructor(readonly page: Page, readonly frame: Frame) {}

  static async on(page: Page, timeout = 15_000): Promise<Modal> {
    return new Modal(page, await frameTitled(page, FRAME_TITLES.modal, timeout));
  }

  /** The dialog named `name`, once drawn; resolves to its text. */
  async dialog(name: string): Promise<string> {
    const dialog = await byRole(this.frame, 'dialog', name, 15_000);
    return dialog.evaluate((element) => (element as HTMLElement).innerText);
  }

  async click(role: string, name: string): Promise<void> {
    await (await byRole(this.frame, role, name)).click();
  }

  /** The sandbox's 3-D Secure challenge, framed inside the modal. */
  challenge(): Promise<Frame> {
    return frameTitled(this.frame, THREE_DS.frameTitle);
  }
}

/** Resolves once the merchant page has no Soxara modal any more. */
export async function modalGone(page: Page): Promise<void> {
  await page.waitForFunction((title) => !document.querySelector(`iframe[title="${title}"]`), { timeout: 15_000 }, FRAME_TITLES.modal);
}

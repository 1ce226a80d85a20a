/**
 * 3-D Secure as the customer meets it: the sandbox's challenge page (reached by a full-page redirect,
 * or framed inside the Soxara modal with `redirect: 'if_required'`).
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { FRAME_TITLES, THREE_DS } from './names.ts';

type Scope = Page | FrameLocator;

/** The sandbox challenge page's two decisions. */
export class ThreeDsChallenge {
  constructor(readonly scope: Scope) {}

  get complete(): Locator {
    return this.scope.getByRole('button', { name: THREE_DS.complete });
  }
  get fail(): Locator {
    return this.scope.getByRole('button', { name: THREE_DS.fail });
  }
}

/** The Soxara modal over the merchant page, with the challenge framed inside it. */
export class ThreeDsModal {
  readonly iframe: Locator;
  readonly frame: FrameLocator;

  constructor(readonly page: Page) {
    this.iframe = page.locator(`iframe[title="${FRAME_TITLES.modal}"]`);
    this.frame = page.frameLocator(`iframe[title="${FRAME_TITLES.modal}"]`);
  }

  get dialog(): Locator {
    return this.frame.getByRole('dialog');
  }
  get cancel(): Locator {
    return this.frame.getByRole('button', { name: 'Cancel' });
  }
  get challenge(): ThreeDsChallenge {
    return new ThreeDsChallenge(this.frame.frameLocator(`iframe[title="${THREE_DS.frameTitle}"]`));
  }
}

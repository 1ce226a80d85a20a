/**
 * Answering the sandbox's 3-D Secure challenge. It is either the whole page (after the redirect of
 * `confirmPayment({elements, confirmParams})`) or a frame inside the Soxara modal (with
 * `redirect: 'if_required'`); both are found among the page's frames by the challenge's URL.
 */
import type { Frame, Page } from '@playwright/test';

const CHALLENGE_URL = /\/simulators\/3ds\/[^/?#]+(?:\?|$)/;

export interface ThreeDSOptions {
  timeoutMs?: number;
}

export async function completeThreeDS(page: Page, options?: ThreeDSOptions): Promise<void> {
  await decide(page, 'Complete authentication', options);
}

export async function failThreeDS(page: Page, options?: ThreeDSOptions): Promise<void> {
  await decide(page, 'Fail authentication', options);
}

async function decide(page: Page, button: string, options: ThreeDSOptions = {}): Promise<void> {
  const timeout = options.timeoutMs ?? 20_000;
  const frame = await challengeFrame(page, Date.now() + timeout);
  await frame.getByRole('button', { name: button }).click({ timeout });
}

async function challengeFrame(page: Page, deadline: number): Promise<Frame> {
  for (;;) {
    const frame = page.frames().find((f) => CHALLENGE_URL.test(f.url()));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`No 3-D Secure challenge on the page (at ${page.url()})`);
    await page.waitForTimeout(100);
  }
}

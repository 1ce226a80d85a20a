/** Headless Chromium as the browser suites run it: the binary and flags of scripts/chromium.ts. */
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions, headless: true });
}

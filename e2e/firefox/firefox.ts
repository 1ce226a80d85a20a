/**
 * Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (Playwright's own Firefox build
 * cannot be downloaded on these machines). One browser per test file, a fresh browser context (its
 * own cookies and storage, as a new customer) per test. puppeteer-core is pinned to the last 24.x:
 * 25 requires Node 22.12, and this repository runs on Node 20.
 */
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // No traffic of the browser's own (updates, telemetry, remote settings) during a run.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
}

/** Registers the file's browser; `newPage()` opens a page in a context of its own, closed after the test. */
export function useFirefox(): { newPage(): Promise<Page>; browser(): Browser } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchFirefox();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser() {
      if (!browser) throw new Error('Firefox is not running (newPage outside a test?)');
      return browser;
    },
    async newPage() {
      const context = await this.browser().createBrowserContext();
      contexts.push(context);
      return context.newPage();
    },
  };
}

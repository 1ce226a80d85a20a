import { defineConfig, devices } from '@playwright/test';
import { stack, stackEnv } from './e2e/support/stack.ts';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * A phone as this suite emulates one: a Pixel 7's touch screen, user agent and pixel ratio, 390 CSS px
 * wide (the narrow end of today's phones), in the suite's Chromium.
 */
const { defaultBrowserType: _chromiumAnyway, ...pixel7 } = devices['Pixel 7'];
export const phone = { ...pixel7, viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 } };

/** The test merchant's pages (e2e/support/merchant-server.ts); the CDN suite runs the same one. */
export const merchantWebServer = {
  command: 'tsx e2e/support/merchant-server.ts',
  url: `${stack.merchantUrl}/health`,
  env: stackEnv,
  reuseExistingServer: !process.env.CI,
  timeout: 30_000,
};

export default defineConfig({
  testDir: 'e2e',
  // The same flows with the JS origin served by nginx from the static CDN build: playwright.cdn.config.ts.
  // The Firefox suite (e2e/firefox/, vitest + puppeteer-core) is not Playwright's: `pnpm test:firefox`.
  testIgnore: ['**/e2e/cdn/**', '**/e2e/firefox/**'],
  fullyParallel: true,
  workers: 2,
  // One retry in CI only, for the browser's own rare hangs (a context close that never settles after a
  // passed test: microsoft/playwright#18016). A test that fails twice fails the run, and a retried one
  // is listed as "flaky" in the output, so nothing is hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    // A project's testIgnore replaces the one above, so it names the CDN suite again.
    { name: 'chromium', testIgnore: ['**/e2e/cdn/**', '**/e2e/firefox/**', '**/e2e/phone.spec.ts'] },
    // Only the phone spec: the whole suite again at phone size would double its time for little news.
    { name: 'phone', testMatch: '**/e2e/phone.spec.ts', use: { ...phone } },
  ],
  webServer: [
    {
      command: 'tsx scripts/start.ts --reset',
      url: `${stack.jsUrl}/health`,
      env: stackEnv,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
    merchantWebServer,
  ],
});

import { defineConfig } from '@playwright/test';
import { stack, stackEnv } from './e2e/support/stack.ts';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

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
  testIgnore: '**/e2e/cdn/**',
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

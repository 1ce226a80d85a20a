/**
 * The browser suite of the static CDN build (e2e/cdn/): the guide's card, 3-D Secure and MoMo flows,
 * and the headers on every kind of path, with the JS origin served by nginx from `pnpm build:cdn`'s
 * output (e2e/support/nginx-origin.ts) against the real sandbox and the real test merchant. Browser
 * settings are the main suite's; the stack is its own (e2e/support/stack.ts, E2E_JS_ORIGIN).
 */
import { defineConfig } from '@playwright/test';

// Before stack.ts is read (by this file, the main config and every spec): it picks its ports and JS
// origin from this. The test workers inherit it.
process.env.E2E_JS_ORIGIN = 'nginx';
const { stack, stackEnv } = await import('./e2e/support/stack.ts');
const { nginxOriginCommand } = await import('./e2e/support/nginx-origin.ts');
const { default: mainSuite, merchantWebServer } = await import('./playwright.config.ts');

const sandboxData = `${stackEnv.SOXARA_STACK_DIR}/sandbox`;

export default defineConfig({
  ...mainSuite,
  testDir: 'e2e/cdn',
  testIgnore: [],
  webServer: [
    {
      // A fresh sandbox each run, as the main suite's `start.ts --reset`.
      command: `rm -rf '${sandboxData}' && tsx packages/sandbox/src/main.ts`,
      url: `${stack.apiUrl}/healthz`,
      env: { ...stackEnv, SOXARA_DATA_DIR: sandboxData },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: nginxOriginCommand(),
      url: `${stack.jsUrl}/v1/integrity.json`,
      env: stackEnv,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
    },
    merchantWebServer,
  ],
});

/**
 * The stack the browser tests run against: three origins on loopback, with the JS origin on
 * `127.0.0.1` and the merchant on `localhost`, so the frames are cross-site as in production.
 *
 * `E2E_PORT_OFFSET` moves every port (and the data directory), so two suites can run side by side
 * on one machine without one reusing, or stopping, the other's servers.
 *
 * `E2E_JS_ORIGIN=nginx` (set by playwright.cdn.config.ts) is the same stack with the JS origin served
 * by nginx from the static CDN build instead of the Node server: on ports and a data directory of its
 * own, so that it never reuses the Node stack's servers, and both suites can run at once.
 */
export type JsOriginServer = 'node' | 'nginx';
export const jsOriginServer: JsOriginServer = process.env.E2E_JS_ORIGIN === 'nginx' ? 'nginx' : 'node';
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const base = jsOriginServer === 'nginx' ? 40 : 0;
const ports = { api: 4110 + base + offset, js: 4120 + base + offset, demo: 3100 + base + offset, merchant: 4130 + base + offset };
const dataDir = `.data/e2e${jsOriginServer === 'nginx' ? '-cdn' : ''}${offset ? `-${offset}` : ''}`;

export const stack = {
  apiUrl: `http://127.0.0.1:${ports.api}`,
  jsUrl: `http://127.0.0.1:${ports.js}`,
  demoUrl: `http://localhost:${ports.demo}`,
  /** Test merchant pages (e2e/support/merchant-server.ts). */
  merchantUrl: `http://localhost:${ports.merchant}`,
  publishableKey: 'sxm_test_e2eE2Ee2eE2Ee2eE2E',
  secretKey: 'sxs_test_e2eE2Ee2eE2Ee2eE2E',
  momoDelayMs: 2000,
  momoExpiryMs: 8000,
} as const;

export const stackEnv: Record<string, string> = {
  SOXARA_STACK_DIR: dataDir,
  SOXARA_API_PORT: String(ports.api),
  SOXARA_JS_PORT: String(ports.js),
  DEMO_PORT: String(ports.demo),
  SOXARA_API_URL: stack.apiUrl,
  SOXARA_JS_URL: stack.jsUrl,
  DEMO_URL: stack.demoUrl,
  SOXARA_PUBLISHABLE_KEY: stack.publishableKey,
  SOXARA_SECRET_KEY: stack.secretKey,
  SOXARA_MOMO_DELAY_MS: String(stack.momoDelayMs),
  SOXARA_MOMO_EXPIRY_MS: String(stack.momoExpiryMs),
  SOXARA_WEBHOOK_RETRY_MS: '200',
  MERCHANT_PORT: String(ports.merchant),
};

/**
 * The stack the browser tests run against: three origins on loopback, with the JS origin on
 * `127.0.0.1` and the merchant on `localhost`, so the frames are cross-site as in production.
 *
 * `E2E_PORT_OFFSET` moves every port (and the data directory), so two suites can run side by side
 * on one machine without one reusing, or stopping, the other's servers.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const ports = { api: 4110 + offset, js: 4120 + offset, demo: 3100 + offset, merchant: 4130 + offset };

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
  /**
   * The frames' confirm request timeout (30 s in production), so that the client-timeout case of
   * faults.spec.ts waits this long rather than half a minute. Far above any confirm on loopback, and
   * long enough that a confirm a11y.spec.ts holds on the wire while axe runs on a loaded machine is
   * still answered by one of its three tries.
   */
  requestTimeoutMs: 20_000,
} as const;

export const stackEnv: Record<string, string> = {
  SOXARA_STACK_DIR: offset ? `.data/e2e-${offset}` : '.data/e2e',
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
  SOXARA_REQUEST_TIMEOUT_MS: String(stack.requestTimeoutMs),
  SOXARA_WEBHOOK_RETRY_MS: '200',
  MERCHANT_PORT: String(ports.merchant),
};

/**
 * The stack the browser tests run against: three origins on loopback, with the JS origin on
 * `127.0.0.1` and the merchant on `localhost`, so the frames are cross-site as in production.
 */
export const stack = {
  apiUrl: 'http://127.0.0.1:4110',
  jsUrl: 'http://127.0.0.1:4120',
  demoUrl: 'http://localhost:3100',
  /** Test merchant pages (e2e/support/merchant-server.ts). */
  merchantUrl: 'http://localhost:4130',
  publishableKey: 'sxm_test_e2eE2Ee2eE2Ee2eE2E',
  secretKey: 'sxs_test_e2eE2Ee2eE2Ee2eE2E',
  momoDelayMs: 2000,
  momoExpiryMs: 8000,
} as const;

export const stackEnv: Record<string, string> = {
  SOXARA_STACK_DIR: '.data/e2e',
  SOXARA_API_PORT: '4110',
  SOXARA_JS_PORT: '4120',
  DEMO_PORT: '3100',
  SOXARA_API_URL: stack.apiUrl,
  SOXARA_JS_URL: stack.jsUrl,
  DEMO_URL: stack.demoUrl,
  SOXARA_PUBLISHABLE_KEY: stack.publishableKey,
  SOXARA_SECRET_KEY: stack.secretKey,
  SOXARA_MOMO_DELAY_MS: String(stack.momoDelayMs),
  SOXARA_MOMO_EXPIRY_MS: String(stack.momoExpiryMs),
  SOXARA_WEBHOOK_RETRY_MS: '200',
  MERCHANT_PORT: '4130',
};

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
import { describeStack } from '../../scripts/stack-settings.ts';

export type JsOriginServer = 'node' | 'nginx';
export const jsOriginServer: JsOriginServer = process.env.E2E_JS_ORIGIN === 'nginx' ? 'nginx' : 'node';
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) + (jsOriginServer === 'nginx' ? 40 : 0);
const merchantPort = 4130 + offset;
const REQUEST_TIMEOUT_MS = 20_000;

const { env, ...described } = describeStack({
  apiPort: 4110 + offset,
  jsPort: 4120 + offset,
  demoPort: 3100 + offset,
  reactDemoPort: 3101 + offset,
  dataDir: `.data/e2e${jsOriginServer === 'nginx' ? '-cdn' : ''}${process.env.E2E_PORT_OFFSET ? `-${process.env.E2E_PORT_OFFSET}` : ''}`,
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
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
  webhookRetryMs: 200,
});

export const stack = {
  ...described,
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
  /** Test merchant pages (e2e/support/merchant-server.ts). */
  merchantUrl: `http://localhost:${merchantPort}`,
} as const;

/** For `scripts/start.ts` and the test merchant, as Playwright starts them (playwright.config.ts). */
export const stackEnv: Record<string, string> = {
  ...env,
  MERCHANT_PORT: String(merchantPort),
};

/**
 * A local stack as `scripts/start.ts` runs it (sandbox API, JS/frames origin, demo shop), described once:
 * ports, the URLs browsers use, the default account's keys and the timers, and the environment
 * variables that hand all of it to start.ts. The browser suites (e2e/support/stack.ts) and the bench
 * (bench/src/stack.ts) each describe their stack with this and start it through start.ts.
 *
 * The JS origin is `127.0.0.1` and the demo merchant `localhost`, so the frames are cross-site as in
 * production (a merchant page on `localhost` that frames `127.0.0.1`).
 */

export interface StackSettings {
  apiPort: number;
  jsPort: number;
  demoPort: number;
  /** The React shop (apps/react-demo). */
  reactDemoPort: number;
  /** Everything the stack stores (keys, SQLite), relative to the repository root. */
  dataDir: string;
  publishableKey: string;
  secretKey: string;
  momoDelayMs: number;
  momoExpiryMs: number;
  webhookRetryMs: number;
  /** The frames' confirm request timeout (30 s when unset), shortened by test stacks. */
  requestTimeoutMs?: number;
}

export interface StackDescription {
  apiUrl: string;
  jsUrl: string;
  demoUrl: string;
  reactDemoUrl: string;
  publishableKey: string;
  secretKey: string;
  momoDelayMs: number;
  momoExpiryMs: number;
  requestTimeoutMs: number | undefined;
  /** For `tsx scripts/start.ts` (spawned with this environment, or as a Playwright web server). */
  env: Record<string, string>;
}

export function describeStack(settings: StackSettings): StackDescription {
  const apiUrl = `http://127.0.0.1:${settings.apiPort}`;
  const jsUrl = `http://127.0.0.1:${settings.jsPort}`;
  const demoUrl = `http://localhost:${settings.demoPort}`;
  const reactDemoUrl = `http://localhost:${settings.reactDemoPort}`;
  return {
    apiUrl,
    jsUrl,
    demoUrl,
    reactDemoUrl,
    publishableKey: settings.publishableKey,
    secretKey: settings.secretKey,
    momoDelayMs: settings.momoDelayMs,
    momoExpiryMs: settings.momoExpiryMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    env: {
      SOXARA_STACK_DIR: settings.dataDir,
      SOXARA_API_PORT: String(settings.apiPort),
      SOXARA_JS_PORT: String(settings.jsPort),
      DEMO_PORT: String(settings.demoPort),
      SOXARA_API_URL: apiUrl,
      SOXARA_JS_URL: jsUrl,
      DEMO_URL: demoUrl,
      REACT_DEMO_PORT: String(settings.reactDemoPort),
      REACT_DEMO_URL: reactDemoUrl,
      SOXARA_PUBLISHABLE_KEY: settings.publishableKey,
      SOXARA_SECRET_KEY: settings.secretKey,
      SOXARA_MOMO_DELAY_MS: String(settings.momoDelayMs),
      SOXARA_MOMO_EXPIRY_MS: String(settings.momoExpiryMs),
      SOXARA_WEBHOOK_RETRY_MS: String(settings.webhookRetryMs),
      ...(settings.requestTimeoutMs === undefined ? {} : { SOXARA_REQUEST_TIMEOUT_MS: String(settings.requestTimeoutMs) }),
    },
  };
}

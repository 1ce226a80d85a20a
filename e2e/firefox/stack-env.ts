/**
 * The Firefox suite's place on the machine, set before e2e/support/stack.ts is read (it picks its ports
 * and data directory from E2E_PORT_OFFSET at import): the Chromium suite's offset plus 5, which lands
 * between the Chromium suite's ports and the CDN suite's (4110, 4120, 4130, 3100 and +40 for nginx),
 * so `pnpm test` may run them side by side. Import this first wherever stack.ts is used in this suite.
 */
export const FIREFOX_PORT_SHIFT = 5;

if (!process.env.SOXARA_FIREFOX_STACK) {
  process.env.E2E_PORT_OFFSET = String(Number(process.env.E2E_PORT_OFFSET ?? 0) + FIREFOX_PORT_SHIFT);
  // Marks the shift as done: the test files inherit this environment from the global setup.
  process.env.SOXARA_FIREFOX_STACK = '1';
}

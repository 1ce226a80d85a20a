/**
 * The Firefox suite (`pnpm test:firefox`): the checkout's main flows in Debian's Firefox ESR over
 * WebDriver BiDi, against the same three-origin stack as the Chromium suite, on ports of its own
 * (./stack-env.ts). Not part of the root vitest projects: `pnpm test:unit` stays browser-free.
 */
import { defineConfig } from 'vitest/config';
import './stack-env.ts';

export default defineConfig({
  test: {
    name: 'firefox',
    root: new URL('.', import.meta.url).pathname,
    include: ['*.test.ts'],
    globalSetup: ['./stack-servers.ts'],
    // One Firefox at a time: the machine has two cores and the Chromium suite may run beside it.
    fileParallelism: false,
    testTimeout: 45_000,
    hookTimeout: 90_000,
    // A hang of the browser's own, as the Chromium suite allows in CI; a retried test is reported.
    retry: process.env.CI ? 1 : 0,
  },
});

import { defineProject } from 'vitest/config';

// DOM tests run in happy-dom on a merchant-page URL; the server-rendering test opts into `node`
// (`// @vitest-environment node`), where any touch of `window` throws.
export default defineProject({
  test: {
    name: '@soxara/react-soxara-js',
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'https://shop.test/checkout' } },
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});

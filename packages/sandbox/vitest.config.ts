import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@soxara/sandbox',
    environment: 'node',
    // Every test lives in test/ (see README.md, "Tests").
    include: ['test/**/*.test.ts'],
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});

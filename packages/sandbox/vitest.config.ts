import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@soxara/sandbox',
    environment: 'node',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 15_000,
    hookTimeout: 15_000,
  },
});

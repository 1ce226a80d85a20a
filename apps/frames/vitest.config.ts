import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@soxara/frames',
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'test/**/*.test.ts'],
  },
});

import { defineProject } from 'vitest/config';

// Unit tests of the harness only (statistics, charts, README markers): no timing is ever asserted.
export default defineProject({
  test: { include: ['test/**/*.test.ts'] },
});

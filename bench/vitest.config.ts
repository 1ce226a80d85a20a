import { defineProject } from 'vitest/config';

// Unit tests of the harness only (statistics, charts, README markers, the throttling proxy): no measured
// timing is ever asserted (the proxy's test checks the delay it adds, a lower bound of its own making).
export default defineProject({
  test: { include: ['test/**/*.test.ts'] },
});

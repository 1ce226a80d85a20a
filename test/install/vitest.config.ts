import { defineProject } from 'vitest/config';

// The pack-and-install test: packs the public packages once (global-setup.ts), then checks them as
// npm installed them in a merchant's project outside the workspace. See README.md.
export default defineProject({
  test: {
    name: 'install',
    environment: 'node',
    include: ['*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    // npm, tsc and a server start in each file: minutes on a shared, loaded 2-core machine. These
    // bound a hang; they are not timing checks.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

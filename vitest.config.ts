import { defineConfig } from 'vitest/config';

// One project per workspace package: each keeps its own environment and setup.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'bench'],
  },
});

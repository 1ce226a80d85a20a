import { defineConfig } from 'vitest/config';

// One project per workspace package: each keeps its own environment and setup. `test/install` packs
// the public packages and installs them outside the workspace (test/install/README.md).
export default defineConfig({
  test: {
    projects: ['packages/*', 'packages/react-soxara-js/test/react-18', 'apps/*', 'bench', 'test/install'],
  },
});

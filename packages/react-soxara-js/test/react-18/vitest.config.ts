/**
 * The bindings' unit tests (the files of the folder above) run again with React 18. React 18 and the
 * Testing Library built against it are this package's own dependencies; every import of them, from the
 * tests and from the bindings' source, is pointed here, so one React runs the whole test.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);
const REACT_18_MODULES = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client', 'react-dom/server', '@testing-library/react'];

export default defineProject({
  resolve: {
    alias: REACT_18_MODULES.map((name) => ({ find: new RegExp(`^${name}$`), replacement: require.resolve(name) })),
  },
  test: {
    name: '@soxara/react-soxara-js (React 18)',
    root: fileURLToPath(new URL('..', import.meta.url)),
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'https://shop.test/checkout' } },
    include: ['*.test.{ts,tsx}'],
    // The bundle size does not depend on which React runs the tests.
    exclude: ['size.test.ts'],
    setupFiles: ['setup.ts'],
  },
});

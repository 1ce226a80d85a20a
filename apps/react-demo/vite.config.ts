/**
 * The React checkout's build: one page, hashed assets under /assets/ (served immutable by the shop's
 * server), no inline script or style so that the page's CSP needs no 'unsafe-inline'.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The bindings and the app must share one React.
  resolve: { dedupe: ['react', 'react-dom'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});

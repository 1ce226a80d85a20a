import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@soxara/soxara-js',
    environment: 'happy-dom',
    environmentOptions: {
      // The tests play the browser's part (window.Soxara appears, then `load` fires); happy-dom must not fetch.
      happyDOM: { url: 'https://shop.example/checkout', settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true } },
    },
    include: ['test/**/*.test.ts'],
  },
});

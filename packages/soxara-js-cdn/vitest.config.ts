import { defineProject } from 'vitest/config';

// Node by default; DOM tests opt in with `// @vitest-environment happy-dom` and get a merchant page
// URL and iframes that never load (the handshake is driven by the test).
export default defineProject({
  test: {
    environmentOptions: {
      happyDOM: {
        url: 'https://shop.test/checkout',
        settings: { disableIframePageLoading: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
      },
    },
  },
});

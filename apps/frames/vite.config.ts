/**
 * Builds the frame pages for `/frames/` on the JS origin. build.ts runs one build per page
 * (SOXARA_FRAMES_PAGE): each frame is its own document, so shared chunks would save nothing at run
 * time but would make every frame load the union of what all frames need (the card frame has a
 * 20 KB budget). Names carry content hashes (the server marks assets immutable); CSS goes to files
 * (the frame CSP has no 'unsafe-inline').
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { frameLayoutCss } from '@soxara/protocol';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
/** payment.html belongs to the tabbed form and is built once it exists. */
export const PAGES = ['controller', 'card', 'modal', 'payment'].filter((page) => existsSync(here(`./${page}.html`)));
const only = process.env.SOXARA_FRAMES_PAGE;
const pages = only ? PAGES.filter((page) => page === only) : PAGES;

/** The element frames' heights, from the constants the merchant script sizes their iframes by. */
function frameLayoutStylesheet(): Plugin {
  const ids = { 'virtual:soxara-layout-card.css': 'card', 'virtual:soxara-layout-payment.css': 'payment' } as const;
  const kindOf = (id: string) => ids[id.replace(/^\0/, '') as keyof typeof ids];
  return {
    name: 'soxara-frame-layout',
    resolveId: (source) => (kindOf(source) ? `\0${source}` : null),
    load: (resolved) => {
      const kind = resolved.startsWith('\0') ? kindOf(resolved) : undefined;
      return kind ? frameLayoutCss(kind) : null;
    },
  };
}

export default defineConfig({
  base: '/frames/',
  plugins: [preact(), frameLayoutStylesheet()],
  // No light-dark() anywhere: without this, lightningcss writes its polyfill's variables beside every
  // `color-scheme`, bytes of the card frame's budget for nothing. 1 << 20 is its Features.LightDark.
  css: { lightningcss: { exclude: 1 << 20 } },
  build: {
    outDir: 'dist',
    emptyOutDir: !only,
    target: 'es2020',
    cssCodeSplit: true,
    // Native modulepreload is everywhere we support; the polyfill would cost every page bytes.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: !only,
    rollupOptions: {
      input: Object.fromEntries(pages.map((page) => [page, here(`./${page}.html`)])),
    },
  },
});

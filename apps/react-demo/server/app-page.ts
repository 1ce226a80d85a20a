/**
 * The app's one HTML document, Vite's `dist/index.html` with the shop's Soxara settings written into
 * its `<meta>` tags at serve time: the keys are made when the stack first starts, after the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '@soxara/demo/deps';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const escapeAttribute = (value: string): string => value.replace(/[&"<>]/g, (char) => ESCAPES[char]!);

/** Returns the page, or null while the app is not built (read once it is). */
export function appPage(distDir: string, config: Deps['config']): () => string | null {
  const file = path.join(distDir, 'index.html');
  let page: string | null = null;
  return () => {
    if (page === null && existsSync(file)) {
      page = readFileSync(file, 'utf8')
        .replace('content="%SOXARA_PUBLISHABLE_KEY%"', `content="${escapeAttribute(config.publishableKey)}"`)
        .replace('content="%SOXARA_JS_URL%"', `content="${escapeAttribute(config.jsUrl)}"`);
    }
    return page;
  };
}

/**
 * Soxara.js, loaded once for the whole app, outside any component (a promise made during render would
 * be a new `soxara` prop on every render). The shop's server writes its publishable key and the JS
 * origin into the page's `<meta>` tags.
 */
import { loadSoxara } from '@soxara/soxara-js';

function meta(name: string): string {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  if (!content || content.startsWith('%')) throw new Error(`The page has no ${name}: serve it with the shop's server (pnpm start).`);
  return content;
}

loadSoxara.setLoadParameters({ scriptUrl: `${meta('soxara-js-url')}/v1` });

export const soxaraPromise = loadSoxara(meta('soxara-publishable-key'));

/**
 * The built frame pages (apps/frames/dist) as served under /frames/: HTML with the API URL injected
 * at serve time (one build, any environment), and hashed assets that never change behind their URL.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

// Page and asset names are plain file names: nothing that could climb out of dist/.
const PAGE_NAME = /^[a-z][a-z0-9-]*$/;
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*$/;

export function contentTypeOf(file: string): string | null {
  return CONTENT_TYPES[path.extname(file)] ?? null;
}

export async function readFramePage(distDir: string, page: string, apiUrl: string): Promise<string | null> {
  if (!PAGE_NAME.test(page)) return null;
  let html: string;
  try {
    html = await readFile(path.join(distDir, `${page}.html`), 'utf8');
  } catch {
    return null;
  }
  return injectApiUrl(html, apiUrl);
}

export function injectApiUrl(html: string, apiUrl: string): string {
  const meta = `<meta name="soxara-api-url" content="${escapeAttribute(apiUrl)}">`;
  // After <meta charset> when there is one, so the charset stays the first thing in <head>.
  if (/<meta charset[^>]*>/i.test(html)) return html.replace(/<meta charset[^>]*>/i, (charset) => `${charset}\n    ${meta}`);
  return html.replace(/<head>/i, (head) => `${head}\n    ${meta}`);
}

export async function readAsset(distDir: string, name: string): Promise<{ body: Buffer; contentType: string } | null> {
  const contentType = contentTypeOf(name);
  if (!ASSET_NAME.test(name) || !contentType) return null;
  try {
    return { body: await readFile(path.join(distDir, 'assets', name)), contentType };
  } catch {
    return null;
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

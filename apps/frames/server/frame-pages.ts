/**
 * The built frame pages (apps/frames/dist) as served under /frames/: HTML with this server's settings
 * injected at serve time (one build, any environment), and hashed assets that never change behind
 * their URL.
 */
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

/** The built page's file, or null for a name that is not a plain page name. */
export function framePagePath(distDir: string, page: string): string | null {
  return PAGE_NAME.test(page) ? path.join(distDir, `${page}.html`) : null;
}

/** What the frames read from their page (apps/frames/src/controller/page-settings.ts). */
export interface FramePageSettings {
  /** The API origin: the only place the controller sends requests. */
  apiUrl: string;
  /** How long the controller waits for a confirm's answer before it retries; the frames' default when absent. */
  requestTimeoutMs?: number;
}

export function injectSettings(html: string, settings: FramePageSettings): string {
  const metas = [`<meta name="soxara-api-url" content="${escapeAttribute(settings.apiUrl)}">`];
  if (settings.requestTimeoutMs !== undefined) metas.push(`<meta name="soxara-request-timeout-ms" content="${Math.round(settings.requestTimeoutMs)}">`);
  const tags = metas.join('\n    ');
  // After <meta charset> when there is one, so the charset stays the first thing in <head>.
  if (/<meta charset[^>]*>/i.test(html)) return html.replace(/<meta charset[^>]*>/i, (charset) => `${charset}\n    ${tags}`);
  return html.replace(/<head>/i, (head) => `${head}\n    ${tags}`);
}

/** A hashed asset's file and type, or null for a name that could leave assets/ or a type we do not serve. */
export function assetPath(distDir: string, name: string): { file: string; contentType: string } | null {
  const contentType = contentTypeOf(name);
  if (!ASSET_NAME.test(name) || !contentType) return null;
  return { file: path.join(distDir, 'assets', name), contentType };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

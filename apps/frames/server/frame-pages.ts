/**
 * The built frame pages (apps/frames/dist) as served under /frames/: HTML with the frames' settings
 * (the API URL; on test stacks a shorter request timeout) injected when it is served or deployed (one
 * build, any environment) and each of its scripts pinned by `integrity`, so the page's CSP can allow
 * exactly those (response-headers.ts); and hashed assets that never change behind their URL. The Node
 * server and the CDN build render pages the same way.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ASSET_CONTENT_TYPES } from './response-headers.ts';
import { integrityOf } from './subresource-integrity.ts';

// Page and asset names are plain file names: nothing that could climb out of dist/.
const PAGE_NAME = /^[a-z][a-z0-9-]*$/;
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*$/;
/** A script tag of a built page, loading one of its assets (Vite writes them as `/frames/assets/…`). */
const ASSET_SCRIPT_TAG = /<script\b[^>]*\bsrc="\/frames\/assets\/([^"]+)"[^>]*>/gi;
const PINNED_SCRIPT_TAG = /<script\b[^>]*\bintegrity="(sha384-[A-Za-z0-9+/]+={0,2})"[^>]*>/gi;

export function contentTypeOf(file: string): string | null {
  return ASSET_CONTENT_TYPES[path.extname(file)] ?? null;
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

/** The bytes of an asset of `distDir` by name, or null when there is none (or the name is not one). */
export function assetReader(distDir: string): (name: string) => Promise<Uint8Array | null> {
  return async (name) => {
    const asset = assetPath(distDir, name);
    return asset && readFile(asset.file).catch(() => null);
  };
}

/**
 * A built page as sent: its settings injected and its scripts pinned. `readAsset` (assetReader) gives
 * an asset's bytes, or null when there is none: that script is left unpinned, and so blocked by the CSP.
 */
export async function renderFramePage(html: string, settings: FramePageSettings, readAsset: (name: string) => Promise<Uint8Array | null>): Promise<string> {
  const names = [...new Set([...html.matchAll(ASSET_SCRIPT_TAG)].map((match) => match[1]!))];
  const integrity = new Map<string, string>();
  for (const name of names) {
    const bytes = await readAsset(name);
    if (bytes) integrity.set(name, integrityOf(bytes));
  }
  const pinned = html.replace(ASSET_SCRIPT_TAG, (tag, name: string) => {
    const hash = integrity.get(name);
    return hash && !/\bintegrity=/i.test(tag) ? tag.replace(/>$/, ` integrity="${hash}">`) : tag;
  });
  return injectSettings(pinned, settings);
}

/** The integrity of each script a rendered page pins, in page order: what its CSP allows. */
export function pinnedScriptIntegrity(html: string): string[] {
  return [...html.matchAll(PINNED_SCRIPT_TAG)].map((match) => match[1]!);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

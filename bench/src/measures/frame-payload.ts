/**
 * 2. Frame payload: the HTML, JS and CSS each frame page loads before it runs, read from the Vite
 * build (apps/frames/dist) — the entry page, every script and stylesheet it links, and every chunk
 * those scripts import statically. Dynamic `import()` chunks are listed apart: they load only when
 * that path is taken (a modal, a payment method).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Unavailable } from '../outcome.ts';
import { addSizes, compressedSizes, type Compressed } from '../sizes.ts';
import { repoRoot } from '../paths.ts';

export interface FramePayload {
  page: string;
  files: { file: string; kind: 'html' | 'js' | 'css'; size: Compressed }[];
  total: Compressed;
  /** Loaded later, on demand. */
  lazy: { file: string; size: Compressed }[];
}

export interface FramePayloads {
  pages: FramePayload[];
  builtAt: string;
}

const framesDist = path.join(repoRoot, 'apps/frames/dist');
const pages = ['card', 'payment', 'controller', 'modal'];
/** The Vite `base` the pages are built with: asset URLs start with it. */
const base = '/frames/';

export async function measureFramePayloads(distDir = framesDist): Promise<FramePayloads> {
  if (!existsSync(distDir)) throw new Unavailable('apps/frames/dist is not built (pnpm build)');
  const htmlFiles = listFiles(distDir).filter((file) => file.endsWith('.html'));
  const measured: FramePayload[] = [];
  for (const page of pages) {
    const html = htmlFiles.find((file) => path.basename(file) === `${page}.html`) ?? htmlFiles.find((file) => file.endsWith(`/${page}/index.html`));
    if (html) measured.push(payloadOf(page, html, distDir));
  }
  if (measured.length === 0) throw new Unavailable(`no frame pages in apps/frames/dist (looked for ${pages.map((p) => `${p}.html`).join(', ')})`);
  return { pages: measured, builtAt: statSync(distDir).mtime.toISOString() };
}

function payloadOf(page: string, htmlFile: string, distDir: string): FramePayload {
  const html = readFileSync(htmlFile, 'utf8');
  const relative = (file: string) => path.relative(distDir, file);
  const files: FramePayload['files'] = [{ file: relative(htmlFile), kind: 'html', size: compressedSizes(html) }];
  const seen = new Set<string>([htmlFile]);
  const lazy = new Map<string, Compressed>();
  const queue: string[] = [];
  for (const url of linkedAssets(html)) {
    const file = resolveAsset(url, path.dirname(htmlFile), distDir);
    if (file) queue.push(file);
  }
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const content = readFileSync(file, 'utf8');
    files.push({ file: relative(file), kind: file.endsWith('.css') ? 'css' : 'js', size: compressedSizes(content) });
    if (!file.endsWith('.js')) continue;
    for (const spec of staticImports(content)) {
      const target = resolveAsset(spec, path.dirname(file), distDir);
      if (target) queue.push(target);
    }
    for (const spec of dynamicImports(content)) {
      const target = resolveAsset(spec, path.dirname(file), distDir);
      if (target && existsSync(target) && !lazy.has(target)) lazy.set(target, compressedSizes(readFileSync(target)));
    }
  }
  for (const file of seen) lazy.delete(file);
  const total = files.reduce((sum, f) => addSizes(sum, f.size), { raw: 0, gzip: 0, brotli: 0 });
  return { page, files, total, lazy: [...lazy].map(([file, size]) => ({ file: relative(file), size })) };
}

function linkedAssets(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.push(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    if (!/\brel="(stylesheet|modulepreload)"/.test(tag)) continue;
    const href = /\bhref="([^"]+)"/.exec(tag);
    if (href) urls.push(href[1]!);
  }
  return urls;
}

/** `import"./a.js"`, `import{x}from"./a.js"`, `export*from"./a.js"` in minified output. */
function staticImports(js: string): string[] {
  return [...js.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.(?:js|css))["']/g)].map((m) => m[1]!);
}

function dynamicImports(js: string): string[] {
  return [...js.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => m[1]!);
}

function resolveAsset(url: string, fromDir: string, distDir: string): string | null {
  if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return null;
  if (url.startsWith(base)) return path.join(distDir, url.slice(base.length));
  if (url.startsWith('/')) return path.join(distDir, url.slice(1));
  return path.resolve(fromDir, url);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

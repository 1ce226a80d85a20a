/**
 * The JS origin as static files (`pnpm build:cdn`): what the Node server (../app.ts) answers, written
 * once to a folder any static host can serve, with the headers of each file (../response-headers.ts)
 * in the two formats hosts read, `_headers` (Netlify, Cloudflare Pages) and an nginx include.
 *
 *   v1.js                      the merchant script, served at /v1 (a folder v1/ exists, so no file
 *                              can be called v1; _redirects and the nginx include map the URL to it)
 *   v1/soxara.<hash>.js        the same bytes, pinnable (../pinned-script.ts), plus every earlier
 *                              build already in the output folder: pinned pages keep loading them
 *   v1/integrity.json          { url, integrity } of this build, the URL on SOXARA_JS_URL
 *   frames/<page>.html         rendered as the Node server renders them (../frame-pages.ts)
 *   frames/assets/*            as built
 *   *.gz                       gzip -9 siblings of the text files, for nginx's gzip_static (the hosts
 *                              of `_headers` compress by themselves)
 *   _headers, _redirects, nginx.conf
 *
 * The folder is written beside the output and swapped in with one rename, as the frames build does, so
 * a server reading it never sees half a build.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { assetPath, assetReader, framePagePath, pinnedScriptIntegrity, renderFramePage } from '../frame-pages.ts';
import { integrityManifest, pinScript, PINNED_FILE_NAME } from '../pinned-script.ts';
import type { JsOriginRoute } from '../response-headers.ts';
import { CdnBuildError, type CdnBuildConfig } from './cdn-config.ts';
import { headersFile, redirectsFile } from './headers-file.ts';
import { nginxInclude } from './nginx-include.ts';

/** One file of the site: the URL browsers ask for, the file under the site's folder, and its route. */
export interface SiteFile {
  urlPath: string;
  /** Relative to the site's folder, with `/` separators. */
  file: string;
  route: JsOriginRoute;
}

export interface StaticSite {
  root: string;
  files: SiteFile[];
}

export interface StaticSiteOptions extends CdnBuildConfig {
  /** apps/frames/dist */
  framesDist: string;
  /** packages/soxara-js-cdn/dist/soxara.js */
  merchantScript: string;
  /** Where the site goes (dist/cdn at the repository root for `pnpm build:cdn`). */
  outDir: string;
}

const COMPRESSIBLE = /\.(html|js|css|json|svg|map)$/;

export async function buildStaticSite(options: StaticSiteOptions): Promise<StaticSite> {
  const { apiOrigin, jsOrigin, framesDist, merchantScript, outDir } = options;
  const script = await readFile(merchantScript).catch(() => null);
  if (!script) throw new CdnBuildError('not_built', `${merchantScript} is missing: run \`pnpm build\` first.`);
  const pages = (await readdir(framesDist).catch(() => [] as string[])).filter((name) => name.endsWith('.html') && framePagePath(framesDist, name.slice(0, -5)));
  if (pages.length === 0) throw new CdnBuildError('not_built', `no frame pages in ${framesDist}: run \`pnpm build\` first.`);
  const assets = (await readdir(path.join(framesDist, 'assets')).catch(() => [] as string[])).filter((name) => assetPath(framesDist, name)).sort();

  const next = `${outDir}.next-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  const files: SiteFile[] = [];
  const put = async (file: string, bytes: Uint8Array | string, urlPath: string, route: JsOriginRoute) => {
    const target = path.join(next, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    files.push({ urlPath, file, route });
  };

  const pinned = pinScript(script);
  await put('v1.js', script, '/v1', { kind: 'script' });
  await put(`v1/${pinned.fileName}`, script, `/v1/${pinned.fileName}`, { kind: 'pinned-script' });
  for (const earlier of await earlierPinnedBuilds(outDir, pinned.fileName)) {
    await put(`v1/${earlier.fileName}`, earlier.bytes, `/v1/${earlier.fileName}`, { kind: 'pinned-script' });
  }
  await put('v1/integrity.json', integrityManifest(jsOrigin, pinned), '/v1/integrity.json', { kind: 'integrity-manifest' });

  const readAsset = assetReader(framesDist);
  for (const page of pages.sort()) {
    const html = await renderFramePage(await readFile(path.join(framesDist, page), 'utf8'), { apiUrl: apiOrigin }, readAsset);
    await put(`frames/${page}`, html, `/frames/${page}`, { kind: 'frame-page', apiOrigin, scriptIntegrity: pinnedScriptIntegrity(html) });
  }
  for (const name of assets) {
    const { file, contentType } = assetPath(framesDist, name)!;
    await put(`frames/assets/${name}`, await readFile(file), `/frames/assets/${name}`, { kind: 'frame-asset', contentType });
  }

  for (const { file } of files.filter(({ file }) => COMPRESSIBLE.test(file))) await writeGzipSibling(path.join(next, file));
  const site = { root: outDir, files };
  await writeFile(path.join(next, '_headers'), headersFile(site, apiOrigin));
  await writeFile(path.join(next, '_redirects'), redirectsFile(site));
  await writeFile(path.join(next, 'nginx.conf'), nginxInclude(site, apiOrigin));
  await swapIn(next, outDir);
  return site;
}

/** Pinned builds a previous run left in the output folder, each checked against its name. */
async function earlierPinnedBuilds(outDir: string, current: string): Promise<Array<{ fileName: string; bytes: Buffer }>> {
  const dir = path.join(outDir, 'v1');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => PINNED_FILE_NAME.test(name) && name !== current).sort();
  const kept: Array<{ fileName: string; bytes: Buffer }> = [];
  for (const fileName of names) {
    const bytes = await readFile(path.join(dir, fileName));
    // A file whose bytes are not the ones its name promises is not carried into a deploy.
    if (pinScript(bytes).fileName === fileName) kept.push({ fileName, bytes });
  }
  return kept;
}

/** `<file>.gz` when gzip makes it smaller (a tiny file can come out larger); nginx then sends whichever the browser takes. */
async function writeGzipSibling(file: string): Promise<void> {
  const bytes = await readFile(file);
  const gzipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  if (gzipped.length < bytes.length) await writeFile(`${file}.gz`, gzipped);
}

async function swapIn(next: string, outDir: string): Promise<void> {
  const old = `${outDir}.old-${process.pid}`;
  await mkdir(path.dirname(outDir), { recursive: true });
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(next, outDir);
  await rm(old, { recursive: true, force: true });
}

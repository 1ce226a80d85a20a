/**
 * `pnpm build:cdn`: the JS origin (the merchant script at /v1 and the frames) as static files for a
 * CDN, in dist/cdn/ (or `--out <folder>`), from what `pnpm build` made. SOXARA_API_URL (the API the
 * frames call) and SOXARA_JS_URL (where the files will be served) are baked in; both are required.
 * How to deploy the folder: apps/frames/README.md, "Static CDN build".
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CdnBuildError, cdnConfigFromEnv } from '../apps/frames/server/cdn/cdn-config.ts';
import { buildStaticSite } from '../apps/frames/server/cdn/static-site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Cloudflare Pages' limit on the rules of a _headers file.
const CLOUDFLARE_PAGES_RULES = 100;
const USAGE = 'usage: SOXARA_API_URL=<origin> SOXARA_JS_URL=<origin> tsx scripts/build-cdn.ts [--out <folder>]';

function fail(message: string, code: number): never {
  console.error(`build:cdn: ${message}`);
  process.exit(code);
}

let out: string;
try {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  out = path.resolve(values.out ?? path.join(root, 'dist', 'cdn'));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}

try {
  const config = cdnConfigFromEnv(process.env);
  const site = await buildStaticSite({
    ...config,
    framesDist: path.join(root, 'apps/frames/dist'),
    merchantScript: path.join(root, 'packages/soxara-js-cdn/dist/soxara.js'),
    outDir: out,
  });
  const pinned = site.files.filter((file) => file.route.kind === 'pinned-script').length;
  console.log(`JS origin for ${config.jsOrigin} (API ${config.apiOrigin}) written to ${path.relative(process.cwd(), out) || '.'}:`);
  console.log(`  ${site.files.length} files (${pinned} pinned build${pinned === 1 ? '' : 's'} of /v1), with _headers, _redirects and nginx.conf`);
  // One _headers rule per file, and one more per rewritten URL (headers-file.ts).
  const rules = site.files.length + site.files.filter((file) => file.urlPath !== `/${file.file}`).length;
  if (rules > CLOUDFLARE_PAGES_RULES) console.warn(`  warning: _headers has ${rules} rules; Cloudflare Pages applies ${CLOUDFLARE_PAGES_RULES}`);
} catch (error) {
  if (error instanceof CdnBuildError) fail(error.message, error.code === 'not_built' ? 1 : 2);
  throw error;
}

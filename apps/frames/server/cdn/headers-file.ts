/**
 * The site's headers as a `_headers` file and its one rewrite as `_redirects`, the formats Netlify and
 * Cloudflare Pages read from the root of what they publish. One rule per file, by its exact path:
 * both hosts join the values of a header that two matching rules set (`Cache-Control: a, b`), so no
 * rule may overlap another, and a splat would (`/v1/*` also matches /v1/integrity.json).
 */
import { responseHeaders } from '../response-headers.ts';
import type { SiteFile, StaticSite } from './static-site.ts';

export function headersFile(site: StaticSite, apiOrigin: string): string {
  const rules = site.files.flatMap((entry) => servedAt(entry).map((urlPath) => rule(urlPath, responseHeaders(entry.route))));
  return [
    '# Soxara.js, the JS origin: the response headers of every file, for Netlify and Cloudflare Pages.',
    `# Written by \`pnpm build:cdn\` for the API origin ${apiOrigin}, from apps/frames/server/response-headers.ts.`,
    '# Do not edit: rebuild.',
    '',
    ...rules,
  ].join('\n');
}

/** `/v1` is served from v1.js by a rewrite (status 200: the URL stays /v1). */
export function redirectsFile(site: StaticSite): string {
  const rewrites = site.files.filter((entry) => entry.urlPath !== `/${entry.file}`).map((entry) => `${entry.urlPath} /${entry.file} 200`);
  return ['# Soxara.js, the JS origin: URLs served from a file of another name. Written by `pnpm build:cdn`.', ...rewrites, ''].join('\n');
}

/**
 * Where a rule must stand for the file's headers to apply. A rewritten URL gets its rule at both paths,
 * since a host may match `_headers` against either the URL asked for or the file it rewrote it to.
 */
function servedAt(entry: SiteFile): string[] {
  return entry.urlPath === `/${entry.file}` ? [entry.urlPath] : [entry.urlPath, `/${entry.file}`];
}

function rule(urlPath: string, headers: Record<string, string>): string {
  return [urlPath, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
}

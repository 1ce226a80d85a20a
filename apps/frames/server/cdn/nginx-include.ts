/**
 * The site's headers as an nginx include: one exact `location` per file of the build, each sending
 * that file's headers (../response-headers.ts), and a 404 for every other path (`always`: nginx adds
 * headers to an error only when told), so nothing else in the folder (`_headers`, this file, the `.gz`
 * siblings) is ever served. It is the whole JS origin:
 * include it in a `server` block of its own whose `root` is the build's folder.
 *
 * Per location: `types {}` empties the extension → type map, so `default_type` gives the table's exact
 * Content-Type whatever mime.types the server loads; `add_header` sends the rest. (A location with any
 * `add_header` inherits none from its server, so nothing the host sets at server level mixes in.)
 * `gzip_static` sends the `.gz` sibling to browsers that take gzip, with `Vary: Accept-Encoding`.
 */
import { responseHeaders } from '../response-headers.ts';
import type { SiteFile, StaticSite } from './static-site.ts';

export function nginxInclude(site: StaticSite, apiOrigin: string): string {
  return [
    '# Soxara.js, the JS origin, for nginx. Written by `pnpm build:cdn` for the API origin',
    `# ${apiOrigin}, from apps/frames/server/response-headers.ts. Do not edit: rebuild.`,
    '#',
    '#   server {',
    '#       listen 443 ssl;',
    '#       server_name js.example.com;',
    '#       root /path/to/dist/cdn;',
    '#       include /path/to/dist/cdn/nginx.conf;',
    '#   }',
    '',
    'gzip_static on;',
    'gzip_vary on;',
    '',
    ...site.files.map(location),
    'location / {',
    '    return 404;',
    ...Object.entries(responseHeaders({ kind: 'not-found' })).map(([name, value]) => `    add_header ${name} ${quote(value)} always;`),
    '}',
    '',
  ].join('\n');
}

function location(entry: SiteFile): string {
  const { 'Content-Type': contentType, ...rest } = responseHeaders(entry.route);
  const lines = [
    ...(entry.urlPath === `/${entry.file}` ? [] : [`try_files /${entry.file} =404;`]),
    'types { }',
    `default_type ${quote(contentType!)};`,
    ...Object.entries(rest).map(([name, value]) => `add_header ${name} ${quote(value)};`),
  ];
  return [`location = ${entry.urlPath} {`, ...lines.map((line) => `    ${line}`), '}', ''].join('\n');
}

/** A value as an nginx string. `$` would start a variable, and nothing of ours needs one. */
function quote(value: string): string {
  if (value.includes('$')) throw new Error(`a header value with "$" cannot be written for nginx: ${value}`);
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

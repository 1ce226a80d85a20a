/**
 * The two ways of serving the JS origin send the same thing: for every file of a static build, its
 * `_headers` rule, its nginx location and the Node server's response all carry exactly the headers of
 * the one table (../response-headers.ts), and the Node server's body is the built file, byte for byte.
 * (e2e/cdn/headers.spec.ts asks a real nginx the same question.)
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJsApp } from '../app.ts';
import { responseHeaders, type JsOriginRoute } from '../response-headers.ts';
import { buildStaticSite, type StaticSite } from './static-site.ts';

const API = 'http://127.0.0.1:4010';
const JS = 'https://js.soxara.example';

const root = mkdtempSync(path.join(tmpdir(), 'soxara-cdn-'));
const framesDist = path.join(root, 'frames-dist');
const merchantScript = path.join(root, 'soxara.js');
mkdirSync(path.join(framesDist, 'assets'), { recursive: true });
const page = (name: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title><script type="module" crossorigin src="/frames/assets/${name}-a1.js"></script><link rel="stylesheet" crossorigin href="/frames/assets/${name}-b2.css"></head><body></body></html>`;
for (const name of ['card', 'controller']) {
  writeFileSync(path.join(framesDist, `${name}.html`), page(name));
  writeFileSync(path.join(framesDist, 'assets', `${name}-a1.js`), `console.log(${JSON.stringify(name)});\n`.repeat(50));
  writeFileSync(path.join(framesDist, 'assets', `${name}-b2.css`), 'body { margin: 0 }\n'.repeat(20));
}
writeFileSync(path.join(framesDist, 'assets', 'card-a1.js.map'), '{"version":3}');
writeFileSync(merchantScript, 'window.Soxara = function () {};\n'.repeat(40));

let site: StaticSite;
const out = path.join(root, 'cdn');
beforeAll(async () => {
  site = await buildStaticSite({ apiOrigin: API, jsOrigin: JS, framesDist, merchantScript, outDir: out });
});

const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/** `_headers`: a path line, then its indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('/')) {
      expect(rules.has(line), `one rule per path: ${line}`).toBe(false);
      rules.set(line, (current = {}));
    } else {
      const match = /^\s+([\w-]+): (.*)$/.exec(line);
      expect(match && current, `a header line under a path: ${line}`).toBeTruthy();
      current![match![1]!.toLowerCase()] = match![2]!;
    }
  }
  return rules;
}

interface NginxLocation {
  headers: Record<string, string>;
  /** From `try_files`, when the URL is served from a file of another name. */
  file?: string;
  /** Headers sent with errors too (`always`). */
  always: Record<string, string>;
}

/** The include's `location` blocks, by their exact path (`/` for the catch-all). */
function parseNginxInclude(text: string): Map<string, NginxLocation> {
  const locations = new Map<string, NginxLocation>();
  const unquote = (value: string) => value.slice(1, -1).replace(/\\(["\\])/g, '$1');
  let current: NginxLocation | null = null;
  for (const line of text.split('\n')) {
    const start = /^location (?:= )?(\S+) \{$/.exec(line);
    if (start) {
      expect(locations.has(start[1]!), `one location per path: ${start[1]}`).toBe(false);
      locations.set(start[1]!, (current = { headers: {}, always: {} }));
      continue;
    }
    if (line === '}') current = null;
    if (!current) continue;
    const header = /^\s+add_header ([\w-]+) ("(?:[^"\\]|\\.)*")( always)?;$/.exec(line);
    if (header) (header[3] ? current.always : current.headers)[header[1]!.toLowerCase()] = unquote(header[2]!);
    const type = /^\s+default_type ("(?:[^"\\]|\\.)*");$/.exec(line);
    if (type) current.headers['content-type'] = unquote(type[1]!);
    const tryFiles = /^\s+try_files (\S+) =404;$/.exec(line);
    if (tryFiles) current.file = tryFiles[1]!;
  }
  return locations;
}

// What the Node server adds for the transfer, not for the file: compression and its Vary.
const TRANSPORT = new Set(['vary', 'content-encoding', 'content-length']);

async function fromNodeServer(urlPath: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const app = createJsApp({ apiUrl: API, framesDist, merchantScript, publicUrl: JS });
  const response = await app.request(`http://127.0.0.1:4020${urlPath}`, { headers: { 'Accept-Encoding': 'identity' } });
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !TRANSPORT.has(name)));
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe('the static build and the Node server send the headers of one table', () => {
  it('builds a file for every kind of path of the table', () => {
    const kinds = new Set(site.files.map((file) => file.route.kind));
    expect([...kinds].sort()).toEqual(['frame-asset', 'frame-page', 'integrity-manifest', 'pinned-script', 'script']);
    expect(site.files.map((file) => file.urlPath)).toEqual(expect.arrayContaining(['/v1', '/v1/integrity.json', '/frames/card.html', '/frames/assets/card-a1.js', '/frames/assets/card-a1.js.map']));
  });

  it('_headers has exactly one rule per file, with exactly its headers (a rewritten URL at both of its paths)', () => {
    const rules = parseHeadersFile(readFileSync(path.join(out, '_headers'), 'utf8'));
    const expected = new Map<string, Record<string, string>>();
    for (const file of site.files) {
      expected.set(file.urlPath, lower(responseHeaders(file.route)));
      if (file.urlPath !== `/${file.file}`) expected.set(`/${file.file}`, lower(responseHeaders(file.route)));
    }
    expect(Object.fromEntries(rules)).toEqual(Object.fromEntries(expected));
    expect(readFileSync(path.join(out, '_redirects'), 'utf8')).toMatch(/^\/v1 \/v1\.js 200$/m);
  });

  it('the nginx include has exactly one location per file, with exactly its headers, and a 404 for the rest', () => {
    const locations = parseNginxInclude(readFileSync(path.join(out, 'nginx.conf'), 'utf8'));
    const { '/': notFound, ...files } = Object.fromEntries(locations);
    expect(Object.keys(files).sort()).toEqual(site.files.map((file) => file.urlPath).sort());
    for (const file of site.files) {
      expect(files[file.urlPath]?.headers, file.urlPath).toEqual(lower(responseHeaders(file.route)));
      expect(files[file.urlPath]?.file ?? file.urlPath, file.urlPath).toBe(`/${file.file}`);
    }
    expect(notFound?.always).toEqual(lower(responseHeaders({ kind: 'not-found' })));
  });

  it('the Node server answers each path with the same headers and the same bytes as the built file', async () => {
    for (const file of site.files) {
      const node = await fromNodeServer(file.urlPath);
      expect(node.status, file.urlPath).toBe(200);
      expect(node.headers, file.urlPath).toEqual(lower(responseHeaders(file.route)));
      expect(node.body.equals(readFileSync(path.join(out, file.file))), `${file.urlPath} body`).toBe(true);
    }
    const missing = await fromNodeServer('/frames/assets/nothing-here.js');
    expect(missing.status).toBe(404);
    expect(missing.headers).toMatchObject(lower(responseHeaders({ kind: 'not-found' })));
  });

  it('a frame page allows exactly the scripts it pins: the table is given each page’s own hashes', () => {
    const pages = site.files.filter((file): file is typeof file & { route: Extract<JsOriginRoute, { kind: 'frame-page' }> } => file.route.kind === 'frame-page');
    expect(pages.map((file) => file.urlPath)).toEqual(['/frames/card.html', '/frames/controller.html']);
    for (const file of pages) {
      const html = readFileSync(path.join(out, file.file), 'utf8');
      expect(file.route.scriptIntegrity).toHaveLength(1);
      expect(html).toContain(`integrity="${file.route.scriptIntegrity[0]}"`);
      expect(html).toContain(`<meta name="soxara-api-url" content="${API}">`);
      expect(file.route.apiOrigin).toBe(API);
    }
    expect(pages[0]!.route.scriptIntegrity).not.toEqual(pages[1]!.route.scriptIntegrity);
  });
});

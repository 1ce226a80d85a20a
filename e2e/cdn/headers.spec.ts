/**
 * What nginx, configured only by the build's include, actually sends on each kind of path of the JS
 * origin, held to the one headers table (apps/frames/server/response-headers.ts): content type, cache,
 * CORS, CORP and, on the frame pages, the CSP with the hash of the very script nginx serves. Then the
 * pre-compressed siblings, and the 404 for everything that is not a file of the site.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { ASSET_CONTENT_TYPES, responseHeaders, type JsOriginRoute } from '../../apps/frames/server/response-headers.ts';
import { stack } from '../support/stack.ts';

const FRAME_PAGES = ['controller', 'card', 'modal', 'payment'] as const;
const sha384 = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const framePage = (html: string): JsOriginRoute => ({ kind: 'frame-page', apiOrigin: stack.apiUrl, scriptIntegrity: [...html.matchAll(/<script\b[^>]*\bintegrity="([^"]+)"/g)].map((match) => match[1]!) });

async function get(request: APIRequestContext, urlPath: string, encoding = 'identity'): Promise<APIResponse> {
  return request.get(`${stack.jsUrl}${urlPath}`, { headers: { 'Accept-Encoding': encoding }, failOnStatusCode: false });
}

/** Each header of the table exactly once, with the table's value, from nginx. */
function expectTableHeaders(response: APIResponse, route: JsOriginRoute, label: string): void {
  const sent = response.headersArray();
  for (const [name, value] of Object.entries(responseHeaders(route))) {
    const copies = sent.filter((header) => header.name.toLowerCase() === name.toLowerCase()).map((header) => header.value);
    expect(copies, `${label}: ${name}`).toEqual([value]);
  }
  expect(response.headers()['server'], label).toMatch(/^nginx\//);
}

test('every kind of path carries exactly the headers of the table', async ({ request }) => {
  const script = await get(request, '/v1');
  expect(script.status()).toBe(200);
  expectTableHeaders(script, { kind: 'script' }, '/v1');

  const manifestResponse = await get(request, '/v1/integrity.json');
  expectTableHeaders(manifestResponse, { kind: 'integrity-manifest' }, '/v1/integrity.json');
  const manifest = (await manifestResponse.json()) as { url: string; integrity: string };
  const pinned = await get(request, new URL(manifest.url).pathname);
  expect(pinned.status()).toBe(200);
  expectTableHeaders(pinned, { kind: 'pinned-script' }, manifest.url);
  expect(sha384(await pinned.body())).toBe(manifest.integrity);
  expect((await pinned.body()).equals(await script.body())).toBe(true);

  const assets = new Set<string>();
  for (const name of FRAME_PAGES) {
    const page = await get(request, `/frames/${name}.html`);
    expect(page.status(), name).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<meta name="soxara-api-url" content="${stack.apiUrl}">`);
    // The hash in the CSP is the hash of the script nginx serves at the page's src.
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*\bintegrity="([^"]+)"/g)].map((match) => ({ src: match[1]!, integrity: match[2]! }));
    expect(scripts, `${name}.html pins its script`).toHaveLength(1);
    for (const { src, integrity } of scripts) expect(sha384(await (await get(request, src)).body()), src).toBe(integrity);
    expectTableHeaders(page, framePage(html), `${name}.html`);
    for (const match of html.matchAll(/(?:src|href)="(\/frames\/assets\/[^"]+)"/g)) assets.add(match[1]!);
  }

  expect([...assets].some((asset) => asset.endsWith('.css'))).toBe(true);
  for (const asset of assets) {
    const response = await get(request, asset);
    expect(response.status(), asset).toBe(200);
    expectTableHeaders(response, { kind: 'frame-asset', contentType: ASSET_CONTENT_TYPES[path.extname(asset)]! }, asset);
  }
});

test('a browser that takes gzip gets the pre-compressed sibling of the same bytes, with Vary', async ({ request }) => {
  for (const urlPath of ['/v1', '/frames/card.html']) {
    const plain = await get(request, urlPath);
    const gzipped = await get(request, urlPath, 'gzip');
    expect(plain.headers()['content-encoding'], urlPath).toBeUndefined();
    expect(gzipped.headers()['content-encoding'], urlPath).toBe('gzip');
    expect(gzipped.headers()['vary'], urlPath).toBe('Accept-Encoding');
    expect(Number(gzipped.headers()['content-length']), urlPath).toBeLessThan(Number(plain.headers()['content-length']));
    // Playwright decodes the body: it is the file itself.
    expect((await gzipped.body()).equals(await plain.body()), urlPath).toBe(true);
    expectTableHeaders(gzipped, urlPath === '/v1' ? { kind: 'script' } : framePage(await plain.text()), `${urlPath} (gzip)`);
  }
});

test('anything that is not a file of the site is a 404 no cache keeps: the config files, the siblings, an unknown build', async ({ request }) => {
  for (const urlPath of ['/health', '/', '/nginx.conf', '/_headers', '/_redirects', '/v1.js', '/v1/', '/v1.js.gz', '/frames/card.html.gz', '/frames/', '/v1/soxara.0000000000000000.js', '/frames/assets/card.js', '/frames/missing.html']) {
    const response = await get(request, urlPath);
    expect(response.status(), urlPath).toBe(404);
    expectTableHeaders(response, { kind: 'not-found' }, urlPath);
  }
});

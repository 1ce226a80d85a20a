import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsApp } from './app.ts';
import { startJsServer, type JsServer } from './js-server.ts';

const root = mkdtempSync(path.join(tmpdir(), 'soxara-js-'));
const dist = path.join(root, 'dist');
mkdirSync(path.join(dist, 'assets'), { recursive: true });
writeFileSync(path.join(dist, 'card.html'), '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/frames/assets/card-abc.js"></script></head><body></body></html>');
writeFileSync(path.join(dist, 'assets', 'card-abc.js'), 'console.log(1)');
const script = path.join(root, 'soxara.js');
const sha384 = (bytes: string | Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

let server: JsServer;
beforeAll(async () => {
  server = await startJsServer({ port: 0, apiUrl: 'http://127.0.0.1:4010', framesDist: dist, merchantScript: script });
});
afterAll(() => server.close());

describe('JS server', () => {
  it('answers /health', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('says clearly when the merchant script is not built, then serves it', async () => {
    const missing = await fetch(`${server.url}/v1`);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toMatch(/not built/);
    writeFileSync(script, 'window.Soxara=1');
    const response = await fetch(`${server.url}/v1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves frame pages with the API URL injected and the security headers', async () => {
    const response = await fetch(`${server.url}/frames/card.html`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<meta name="soxara-api-url" content="http://127.0.0.1:4010">');
    const csp = response.headers.get('content-security-policy') ?? '';
    // The one script the page loads, pinned by integrity, and nothing else: not 'self'.
    const cardScript = sha384(readFileSync(path.join(dist, 'assets', 'card-abc.js')));
    expect(html).toContain(`src="/frames/assets/card-abc.js" integrity="${cardScript}"`);
    expect(csp).toContain(`script-src '${cardScript}';`);
    expect(csp).not.toContain("script-src 'self'");
    expect(csp).toContain('connect-src http://127.0.0.1:4010');
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('blocks a script whose asset is missing: a page whose script cannot be hashed may run none', async () => {
    writeFileSync(path.join(dist, 'broken.html'), '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/frames/assets/gone-abc.js"></script></head><body></body></html>');
    const response = await fetch(`${server.url}/frames/broken.html`);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('integrity=');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'none';");
  });

  it('lets cross-origin isolated merchants load the script, the frames and their assets (COEP, checklist C4)', async () => {
    writeFileSync(script, 'window.Soxara=1');
    // Under the merchant's COEP a cross-origin script or asset needs CORP; a cross-origin iframe needs
    // CORP and a COEP of its own (require-corp: also what Safari, without `credentialless`, accepts).
    for (const url of ['/v1', '/frames/assets/card-abc.js', '/frames/card.html']) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('cross-origin-resource-policy'), url).toBe('cross-origin');
    }
    const page = await fetch(`${server.url}/frames/card.html`);
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    // The frames' own COEP holds for what they embed: the 3-D Secure challenge of the API origin.
    expect(page.headers.get('content-security-policy')).toContain('frame-src http://127.0.0.1:4010');
  });

  it('gzips what the browser accepts', async () => {
    writeFileSync(path.join(dist, 'assets', 'big-abc.js'), 'console.log("soxara");\n'.repeat(200));
    const response = await fetch(`${server.url}/frames/assets/big-abc.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toContain('console.log("soxara");');
  });

  it('prefers brotli, honours q=0, and sends a rebuilt page at once', async () => {
    const asset = `${server.url}/frames/assets/big-abc.js`;
    const br = await fetch(asset, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(await br.text()).toContain('console.log("soxara");');
    const noBr = await fetch(asset, { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
    expect(noBr.headers.get('content-encoding')).toBe('gzip');
    writeFileSync(path.join(dist, 'page.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body>one</body></html>');
    expect(await (await fetch(`${server.url}/frames/page.html`)).text()).toContain('one');
    writeFileSync(path.join(dist, 'page.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body>second build</body></html>');
    const rebuilt = await (await fetch(`${server.url}/frames/page.html`)).text();
    expect(rebuilt).toContain('second build');
    expect(rebuilt).toContain('<meta name="soxara-api-url" content="http://127.0.0.1:4010">');
  });

  it('injects a request timeout for the controller only when it is configured', async () => {
    expect(await (await fetch(`${server.url}/frames/card.html`)).text()).not.toContain('soxara-request-timeout-ms');
    const app = createJsApp({ apiUrl: 'http://127.0.0.1:4010', framesDist: dist, merchantScript: script, requestTimeoutMs: 4000 });
    const html = await (await app.request('/frames/card.html')).text();
    expect(html).toContain('<meta name="soxara-request-timeout-ms" content="4000">');
    expect(html).toContain('<meta name="soxara-api-url" content="http://127.0.0.1:4010">');
  });

  it('marks hashed assets immutable and refuses anything outside dist', async () => {
    const asset = await fetch(`${server.url}/frames/assets/card-abc.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const bad of ['/frames/assets/..%2Fcard.html', '/frames/..%2F..%2Fpackage.json', '/frames/missing.html', '/frames/assets/x.exe']) {
      expect((await fetch(`${server.url}${bad}`)).status).toBe(404);
    }
  });
});

describe('the pinnable script: /v1/soxara.<hash>.js and /v1/integrity.json (checklist C1)', () => {
  const versionedName = (bytes: string) => `soxara.${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.js`;
  const manifest = async () => (await (await fetch(`${server.url}/v1/integrity.json`)).json()) as { url: string; integrity: string };

  it('C1 the manifest names the versioned URL and the sha384 of the bytes /v1 serves', async () => {
    const build = 'window.Soxara=function(){};/* build A */';
    writeFileSync(script, build);
    const response = await fetch(`${server.url}/v1/integrity.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ url: `${server.url}/v1/${versionedName(build)}`, integrity: sha384(build) });
    const evergreen = new Uint8Array(await (await fetch(`${server.url}/v1`)).arrayBuffer());
    expect(sha384(evergreen)).toBe(sha384(build));
  });

  it('C1 serves the versioned URL immutable, with CORS for crossorigin="anonymous" and CORP, in every encoding', async () => {
    const build = `window.Soxara=function(){};/* build B */${'//padding so that compression pays\n'.repeat(40)}`;
    writeFileSync(script, build);
    const { url, integrity } = await manifest();
    expect(url).toMatch(/\/v1\/soxara\.[0-9a-f]{16}\.js$/);
    for (const encoding of ['identity', 'gzip', 'br']) {
      const response = await fetch(url, { headers: { 'Accept-Encoding': encoding } });
      expect(response.status, encoding).toBe(200);
      expect(response.headers.get('content-encoding') ?? 'identity', encoding).toBe(encoding);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // SRI hashes the decoded body: the same integrity whatever the transfer encoding.
      expect(sha384(new Uint8Array(await response.arrayBuffer())), encoding).toBe(integrity);
    }
  });

  it('C1 answers 404 for an unknown hash, and for the old hash once the script is rebuilt', async () => {
    const before = 'window.Soxara=function(){};/* build C */';
    writeFileSync(script, before);
    const old = await manifest();
    expect((await fetch(old.url)).status).toBe(200);
    for (const bad of ['/v1/soxara.0000000000000000.js', '/v1/soxara.abc.js', '/v1/soxara.ABCDEF0123456789.js', '/v1/soxara.js', '/v1/integrity.js']) {
      const response = await fetch(`${server.url}${bad}`);
      expect(response.status, bad).toBe(404);
    }
    const unknown = await fetch(`${server.url}/v1/soxara.0000000000000000.js`);
    expect(unknown.headers.get('cache-control')).toBe('no-store');

    const after = 'window.Soxara=function(){};/* build D, a rebuild */';
    writeFileSync(script, after);
    const current = await manifest();
    expect(current.url).not.toBe(old.url);
    expect(current.integrity).toBe(sha384(after));
    expect((await fetch(old.url)).status).toBe(404);
    expect(await (await fetch(current.url)).text()).toBe(after);
    expect(await (await fetch(`${server.url}/v1`)).text()).toBe(after);
  });

  it('C1 names the configured public URL in the manifest, and says so when the script is not built', async () => {
    const pinned = createJsApp({ apiUrl: 'http://127.0.0.1:4010', framesDist: dist, merchantScript: script, publicUrl: 'https://js.soxara.example/' });
    const body = (await (await pinned.request('http://127.0.0.1:4020/v1/integrity.json')).json()) as { url: string };
    expect(body.url).toMatch(/^https:\/\/js\.soxara\.example\/v1\/soxara\.[0-9a-f]{16}\.js$/);

    const unbuilt = createJsApp({ apiUrl: 'http://127.0.0.1:4010', framesDist: dist, merchantScript: path.join(root, 'missing.js') });
    const missing = await unbuilt.request('http://127.0.0.1:4020/v1/integrity.json');
    expect(missing.status).toBe(503);
    expect(await missing.text()).toMatch(/not built/);
    expect((await unbuilt.request(`http://127.0.0.1:4020${new URL(body.url).pathname}`)).status).toBe(404);
  });
});

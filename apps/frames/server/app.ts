/**
 * The JS origin's routes: the merchant script at /v1 (evergreen) and at /v1/soxara.<hash>.js with its
 * manifest /v1/integrity.json (pinnable with SRI, see pinned-script.ts), the frame pages and their
 * assets under /frames/, and /health. Everything else is a 404.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { EncodedFiles, pickEncoding, type Encoded } from './encoded-files.ts';
import { assetPath, assetReader, framePagePath, pinnedScriptIntegrity, renderFramePage } from './frame-pages.ts';
import { integrityManifest, pinnedScript } from './pinned-script.ts';
import { COMMON_HEADERS, responseHeaders } from './response-headers.ts';

export interface JsAppConfig {
  /** The API origin browsers use, e.g. http://localhost:4010. */
  apiUrl: string;
  /** apps/frames/dist */
  framesDist: string;
  /** packages/soxara-js-cdn/dist/soxara.js */
  merchantScript: string;
  /**
   * This server's origin as browsers reach it (e.g. https://js.soxara.com), for the absolute URL in
   * /v1/integrity.json. Without it, the origin the request was made to.
   */
  publicUrl?: string;
  /**
   * How long the controller frame waits for a confirm's answer before it gives up on that request and
   * retries it with the same idempotency key; 30 s when absent. Test stacks shorten it, so that a
   * test of the timeout need not sit through it.
   */
  requestTimeoutMs?: number;
}

export function createJsApp(config: JsAppConfig): Hono {
  const apiOrigin = new URL(config.apiUrl).origin;
  const app = new Hono();
  const files = new EncodedFiles();
  const settings = { apiUrl: apiOrigin, ...(config.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: config.requestTimeoutMs }) };
  const readAsset = assetReader(config.framesDist);
  const pageBody = async (body: Buffer) => new TextEncoder().encode(await renderFramePage(body.toString('utf8'), settings, readAsset));
  // Keyed by the cached page (one `Encoded` per version of it): its CSP names the scripts it pins.
  const pageHeaders = new WeakMap<Encoded, Record<string, string>>();
  const headersOfPage = (page: Encoded) => {
    let headers = pageHeaders.get(page);
    if (!headers) {
      const scriptIntegrity = pinnedScriptIntegrity(new TextDecoder().decode(page.identity));
      headers = responseHeaders({ kind: 'frame-page', apiOrigin, scriptIntegrity });
      pageHeaders.set(page, headers);
    }
    return headers;
  };
  const publicOrigin = config.publicUrl === undefined ? null : new URL(config.publicUrl).origin;
  // The current build is compressed (and the merchant script hashed) at start, off the first customer's path.
  void prewarm([config.merchantScript], config.framesDist, async (file) => {
    const body = await files.get(file, file.endsWith('.html') ? pageBody : undefined);
    if (body && file === config.merchantScript) pinnedScript(body);
  });

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(COMMON_HEADERS)) c.header(name, value);
  });
  // What a CDN would do in production; here so that local pages load what the budgets measure. The
  // routes below send bodies compressed once (encoded-files.ts); this covers the rest (errors).
  app.use(compress());

  app.get('/health', (c) => c.json({ ok: true }));

  const notBuilt = (c: Context) => c.text('soxara.js is not built yet: run `pnpm build` (packages/soxara-js-cdn).\n', 503, { 'Cache-Control': 'no-store' });

  app.get('/v1', async (c) => {
    const script = await files.get(config.merchantScript);
    if (!script) return notBuilt(c);
    return send(c, script, responseHeaders({ kind: 'script' }));
  });

  // The same bytes under their content address. CORS is not optional here: a cross-origin
  // `<script integrity>` must be loaded with `crossorigin="anonymous"`, and the browser refuses the
  // script unless the response allows the page's origin (an opaque response cannot be hashed).
  app.get('/v1/:file{soxara\\.[0-9a-f]+\\.js}', async (c) => {
    const script = await files.get(config.merchantScript);
    if (!script || pinnedScript(script).fileName !== c.req.param('file')) {
      return c.text('Not found: not the current build of soxara.js (see /v1/integrity.json)\n', 404, responseHeaders({ kind: 'not-found' }));
    }
    return send(c, script, responseHeaders({ kind: 'pinned-script' }));
  });

  app.get('/v1/integrity.json', async (c) => {
    const script = await files.get(config.merchantScript);
    if (!script) return notBuilt(c);
    const origin = publicOrigin ?? new URL(c.req.url).origin;
    return c.body(integrityManifest(origin, pinnedScript(script)), 200, responseHeaders({ kind: 'integrity-manifest' }));
  });

  app.get('/frames/assets/:name', async (c) => {
    const asset = assetPath(config.framesDist, c.req.param('name'));
    const body = asset && (await files.get(asset.file));
    if (!asset || !body) return c.text('Not found\n', 404, responseHeaders({ kind: 'not-found' }));
    return send(c, body, responseHeaders({ kind: 'frame-asset', contentType: asset.contentType }));
  });

  app.get('/frames/:page{[a-z][a-z0-9-]*\\.html}', async (c) => {
    const file = framePagePath(config.framesDist, c.req.param('page').replace(/\.html$/, ''));
    const html = file && (await files.get(file, pageBody));
    if (!html) return c.text('Not found (are the frames built? run `pnpm build`)\n', 404, responseHeaders({ kind: 'not-found' }));
    return send(c, html, headersOfPage(html));
  });

  app.notFound((c) => c.text('Not found\n', 404, responseHeaders({ kind: 'not-found' })));
  return app;
}

async function prewarm(first: string[], distDir: string, get: (file: string) => Promise<unknown>): Promise<void> {
  const list = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).map((name) => path.join(dir, name));
  for (const file of [...first, ...(await list(distDir)), ...(await list(path.join(distDir, 'assets')))]) {
    if (/\.(html|js|css)$/.test(file)) await get(file);
  }
}

/** The smallest encoding the browser accepts (a tiny body can come out larger compressed). */
function send(c: Context, body: Encoded, headers: Record<string, string>): Response {
  const preferred = pickEncoding(c.req.header('Accept-Encoding'));
  const encoding = body[preferred].length < body.identity.length ? preferred : 'identity';
  return c.body(body[encoding] as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    Vary: 'Accept-Encoding',
    ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
  });
}

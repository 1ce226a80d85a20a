/**
 * The JS origin's routes: the merchant script at /v1, the frame pages and their assets under
 * /frames/, and /health. Everything else is a 404.
 */
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { readAsset, readFramePage } from './frame-pages.ts';
import { COMMON_HEADERS, frameDocumentHeaders } from './security-headers.ts';

export interface JsAppConfig {
  /** The API origin browsers use, e.g. http://localhost:4010. */
  apiUrl: string;
  /** apps/frames/dist */
  framesDist: string;
  /** packages/soxara-js/dist/soxara.js */
  merchantScript: string;
}

export function createJsApp(config: JsAppConfig): Hono {
  const apiOrigin = new URL(config.apiUrl).origin;
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(COMMON_HEADERS)) c.header(name, value);
  });
  // What a CDN would do in production; here so that local pages load what the budgets measure.
  app.use(compress());

  app.get('/health', (c) => c.json({ ok: true }));

  app.get('/v1', async (c) => {
    let script: Buffer;
    try {
      script = await readFile(config.merchantScript);
    } catch {
      return c.text('soxara.js is not built yet: run `pnpm build` (packages/soxara-js).\n', 503, { 'Cache-Control': 'no-store' });
    }
    return c.body(new Uint8Array(script), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    });
  });

  app.get('/frames/assets/:name', async (c) => {
    const asset = await readAsset(config.framesDist, c.req.param('name'));
    if (!asset) return c.text('Not found\n', 404);
    return c.body(new Uint8Array(asset.body), 200, {
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Access-Control-Allow-Origin': '*',
    });
  });

  app.get('/frames/:page{[a-z][a-z0-9-]*\\.html}', async (c) => {
    const page = c.req.param('page').replace(/\.html$/, '');
    const html = await readFramePage(config.framesDist, page, apiOrigin);
    if (html === null) return c.text('Not found (are the frames built? run `pnpm build`)\n', 404);
    return c.body(html, 200, frameDocumentHeaders(apiOrigin));
  });

  app.notFound((c) => c.text('Not found\n', 404));
  return app;
}

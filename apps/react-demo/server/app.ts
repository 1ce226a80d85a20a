/**
 * The React shop as one hono app: the built single-page app (Vite's `dist/`) under a strict CSP, the
 * checkout's JSON, and the demo shop's own webhook and order routes, reused as they are. server.ts
 * binds it to a port; tests call `app.request`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import type { Deps } from '@soxara/demo/deps';
import { apiRoutes } from '@soxara/demo/routes/api';
import { shopSecurityHeaders } from '@soxara/demo/security-headers';
import { webhookRoutes } from '@soxara/demo/routes/webhooks';
import { WEBHOOK_PATH } from '@soxara/demo/webhook-endpoint';
import { checkoutApi } from './checkout-api.ts';
import { appPage } from './app-page.ts';

export const DIST_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

export function createApp(deps: Deps, distDir = DIST_DIR): Hono {
  const app = new Hono();

  // The demo shop's strict CSP; the app is a bundle of this origin, so no nonce and no inline script.
  app.use('*', shopSecurityHeaders(deps.config.jsUrl, 'self'));
  app.use(WEBHOOK_PATH, bodyLimit({ maxSize: 512 * 1024 }));
  app.use('/api/*', csrf());

  app.get('/health', (c) => c.json({ ok: true }));
  app.route('/', webhookRoutes(deps));
  app.route('/', checkoutApi(deps));
  app.route('/', apiRoutes(deps));

  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      // Vite names every asset by its content hash.
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );

  const page = appPage(distDir, deps.config);
  // Every page of the app is the same document; the app reads its route from the URL.
  for (const route of ['/', '/orders/:id', '/orders/:id/checkout']) {
    app.get(route, (c) => {
      c.header('Cache-Control', 'no-store');
      const html = page();
      return html === null ? c.text('The React demo is not built: run `pnpm build`.\n', 503) : c.html(html);
    });
  }
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'There is no such page.' } }, 404));
  return app;
}

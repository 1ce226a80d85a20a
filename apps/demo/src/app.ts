/**
 * The demo shop as one hono app: security headers (a strict, nonce-based CSP) for every page, CSRF
 * checks for the forms, and the route modules. server.ts binds it to a port; tests call `app.request`.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { csrf } from 'hono/csrf';
import type { Deps } from './deps.ts';
import { messagePage } from './pages/message.ts';
import { shopSecurityHeaders } from './security-headers.ts';
import { adminRoutes } from './routes/admin.ts';
import { apiRoutes } from './routes/api.ts';
import { shopRoutes } from './routes/shop.ts';
import { errorSummary } from './errors.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { WEBHOOK_PATH } from './webhook-endpoint.ts';

const stylesheet = readFileSync(new URL('./public/shop.css', import.meta.url), 'utf8');

export function createApp(deps: Deps): Hono {
  const app = new Hono();

  app.use('*', shopSecurityHeaders(deps.config.jsUrl, 'nonce'));
  app.use(WEBHOOK_PATH, bodyLimit({ maxSize: 512 * 1024 }));
  app.use('/orders/*', csrf());
  app.use('/orders', csrf());

  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/static/shop.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(stylesheet);
  });

  app.route('/', webhookRoutes(deps));
  app.route('/', apiRoutes(deps));
  app.route('/', shopRoutes(deps));
  app.route('/', adminRoutes(deps));

  app.notFound((c) => c.html(messagePage('Not found', 'There is no such page.'), 404));
  app.onError((error, c) => {
    // Middleware refusals (CSRF, body too large) carry their own status.
    if (error instanceof HTTPException) return error.getResponse();
    deps.log(`${c.req.method} ${c.req.path}: ${errorSummary(error)}`);
    return c.html(messagePage('Something went wrong', 'Please try again in a moment.'), 500);
  });
  return app;
}

/**
 * CORS for the browser routes: any origin, no credentials (publishable key in the Authorization header).
 * hono's `cors` is kept for preflights; on the actual request it writes its header into `c.res` before
 * the route runs, which makes hono rebuild the route's response around a streamed copy of its body (a
 * cost that shows in the bench's sandbox throughput, measure 7 of bench/README.md). Setting the one header on the finished response is the same
 * answer without that copy.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export function browserCors(): MiddlewareHandler {
  const preflight = cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Idempotency-Key', 'Idempotency-Key'],
    maxAge: 600,
    credentials: false,
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', 'Request-Id');
  };
}

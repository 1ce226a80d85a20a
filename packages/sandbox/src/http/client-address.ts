/**
 * The address a request's connection comes from, for per-client rate limits. Never `X-Forwarded-For`:
 * the sandbox listens on its own socket behind no proxy, so a forwarded header would only let a burst
 * name a fresh client on every request.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

export function clientAddress(c: Context): string {
  // @hono/node-server puts the Node request in the context's env; an in-process app.request() has none.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

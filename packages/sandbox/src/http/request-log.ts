/**
 * One line per request, starting with its `Request-Id` when request-id.ts gave it one. The query string
 * is left out on purpose: the browser's retrieve carries the client secret there, and a client secret
 * must not be logged (research/security.md §4.6).
 */
import type { MiddlewareHandler } from 'hono';

export function requestLog(write: (line: string) => void = (line) => console.log(line)): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    const id = c.get('requestId') as string | undefined;
    write(`[sandbox] ${id ? `${id} ` : ''}${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`);
  };
}

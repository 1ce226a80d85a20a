/**
 * The request body cap. hono's `bodyLimit` reads `c.req.raw.body`, which makes @hono/node-server build a
 * full WHATWG Request (a web ReadableStream over the socket, an AbortController) for every request: a
 * measured ~10 % of the API's CPU under load. A body announced with Content-Length is checked from that
 * header alone, so `c.req.text()` keeps node-server's direct read; only a chunked body (no length known
 * in advance) goes through hono's counting reader.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';

export function bodyLimit(options: { maxSize: number; onError: (c: Context) => Response }): MiddlewareHandler {
  const streaming = streamingBodyLimit(options);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (c.req.header('transfer-encoding') !== undefined) return streaming(c, next);
    const length = c.req.header('content-length');
    // Without either header an HTTP/1.1 request has no body (RFC 9112 §6.3).
    if (length === undefined) return next();
    return Number.parseInt(length, 10) > options.maxSize ? options.onError(c) : next();
  };
}

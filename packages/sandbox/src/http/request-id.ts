/**
 * `Request-Id: req_…` on every answer, as Stripe's API has: a developer quotes it from a failed call, and
 * the same id is in the error body and the request log line, so one id finds the request everywhere.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { newId } from '../ids.ts';

export const REQUEST_ID_HEADER = 'Request-Id';

export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = newId('req', 16);
    c.set('requestId', id);
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, id);
  };
}

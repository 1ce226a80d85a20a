/**
 * The success envelopes of the contract: `{success:true,data}`, and for lists Stripe's list object inside
 * the envelope, `{success:true,object:'list',url,data:[…],has_more}` (`url`: the list's path, to page on).
 */
import type Database from 'better-sqlite3';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.ts';
import { completeKey } from '../store/idempotency.ts';

export function ok(c: Context, data: unknown, status: ContentfulStatusCode = 200): Response {
  return c.json({ success: true, data }, status);
}

/** What a state-changing route answers: a success, or a 402 for a decline that was recorded. */
export interface Answer {
  status: ContentfulStatusCode;
  body: object;
}

/**
 * Runs a state change and stores its answer for the request's `X-Idempotency-Key` in the same SQLite
 * transaction ("atomic phases", as Stripe does). Stored afterwards, a crash between the two would
 * leave a committed payment or refund with no answer, and the client's retry with the same key would
 * make a second one. `change` may open transactions of its own: they nest as savepoints.
 */
export function commit(c: Context<AppEnv>, db: Database.Database, change: () => Answer): Response {
  const slot = c.get('idempotency');
  const { status, text } = db.transaction(() => {
    const answer = change();
    const text = JSON.stringify(answer.body);
    if (slot) completeKey(db, slot.scope, slot.key, answer.status, text, 'application/json');
    return { status: answer.status, text };
  })();
  if (slot) slot.stored = true;
  return c.body(text, status, { 'Content-Type': 'application/json' });
}

export function list(c: Context, items: readonly unknown[], hasMore: boolean): Response {
  return c.json({ success: true, object: 'list', url: c.req.path, data: items, has_more: hasMore }, 200);
}


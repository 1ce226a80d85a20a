/** The success envelopes of the contract: `{success:true,data}` and `{success:true,data:[…],has_more}`. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function ok(c: Context, data: unknown, status: ContentfulStatusCode = 200): Response {
  return c.json({ success: true, data }, status);
}

export function list(c: Context, items: readonly unknown[], hasMore: boolean): Response {
  return c.json({ success: true, data: items, has_more: hasMore }, 200);
}

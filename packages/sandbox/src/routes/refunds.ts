/** `/v1/refunds`: create and retrieve. */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv, Deps } from '../http/env.ts';
import { requireSecretKey } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { commit, ok } from '../http/respond.ts';
import { parseBody } from '../http/body.ts';
import { amountSchema, metadataSchema } from '../http/schemas.ts';
import { createRefund } from '../refunds/create.ts';
import { findRefund } from '../store/refunds.ts';

export const createRefundBody = v.strictObject({
  payment: v.pipe(v.string('must be a payment id (pi_…)'), v.regex(/^pi_[A-Za-z0-9]{1,100}$/, 'must be a payment id (pi_…)')),
  amount: v.optional(v.pipe(amountSchema, v.description('Default: all that is left to refund.'))),
  reason: v.optional(
    v.picklist(
      ['duplicate', 'fraudulent', 'requested_by_customer'],
      'must be "duplicate", "fraudulent" or "requested_by_customer"',
    ),
  ),
  metadata: v.optional(metadataSchema),
});

export function refundRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/refunds', requireSecretKey(deps), async (c) => {
    const input = await parseBody(c, createRefundBody, (path) => String(path[0] ?? ''));
    const accountId = c.var.account.id;
    return commit(c, deps.db, () => ({ status: 200, body: { success: true, data: createRefund(deps, accountId, input) } }));
  });

  app.get('/refunds/:id', requireSecretKey(deps), (c) => {
    const id = c.req.param('id');
    const refund = findRefund(deps.db, c.var.account.id, id);
    if (!refund) throw notFound(`refund: '${id.slice(0, 100)}'`);
    return ok(c, refund);
  });

  return app;
}

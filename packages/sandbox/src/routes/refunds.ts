/** `/v1/refunds`: create, list (all, or one payment's) and retrieve. */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv, Deps } from '../http/env.ts';
import { requireSecretKey } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { commit, list, ok } from '../http/respond.ts';
import { parseBody, parseQuery } from '../http/body.ts';
import { createdFilter, createdQuery, pageQueryEntries, toPageQuery } from '../http/list-query.ts';
import { existsFor, listPage } from '../store/pages.ts';
import { amountSchema, metadataSchema } from '../http/schemas.ts';
import { createRefund } from '../refunds/create.ts';
import { findRefund } from '../store/refunds.ts';
import type { Refund } from '@soxara/protocol';

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

export const listRefundsQuery = v.object({
  ...pageQueryEntries('re_…'),
  payment: v.optional(v.pipe(v.string(), v.maxLength(200), v.description('Only the refunds of this payment (`pi_…`).'))),
  created: createdQuery,
});

export function refundRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/refunds', requireSecretKey(deps), async (c) => {
    const input = await parseBody(c, createRefundBody, (path) => String(path[0] ?? ''));
    const accountId = c.var.account.id;
    return commit(c, deps.db, () => ({ status: 200, body: { success: true, data: createRefund(deps, accountId, input) } }));
  });

  app.get('/refunds', requireSecretKey(deps), (c) => {
    const query = parseQuery(listRefundsQuery, c);
    const accountId = c.var.account.id;
    const filter = createdFilter(query.created);
    if (query.payment !== undefined) {
      if (!existsFor(deps.db, 'payments', accountId, query.payment)) throw notFound(`payment: '${query.payment}'`, 'payment');
      filter.where.push('payment_id = ?');
      filter.params.push(query.payment);
    }
    const page = listPage(deps.db, 'refunds', accountId, filter, toPageQuery(deps.db, 'refunds', accountId, query));
    return list(c, page.data.map((data) => JSON.parse(data) as Refund), page.hasMore);
  });

  app.get('/refunds/:id', requireSecretKey(deps), (c) => {
    const id = c.req.param('id');
    const refund = findRefund(deps.db, c.var.account.id, id);
    if (!refund) throw notFound(`refund: '${id.slice(0, 100)}'`);
    return ok(c, refund);
  });

  return app;
}

/**
 * `POST /v1/test_helpers/payments/:id/approve|decline`: end the pending customer action (3DS challenge,
 * MoMo PIN prompt, wallet approval) as the customer would. 400 when nothing is pending.
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/env.ts';
import { requireSecretKey } from '../http/auth.ts';
import { invalidRequest, notFound } from '../http/errors.ts';
import { commit } from '../http/respond.ts';
import { parseBody } from '../http/body.ts';
import { emptyBodySchema } from '../http/schemas.ts';
import { findPayment, findPendingAction } from '../store/payments.ts';
import { resolveAction } from '../payments/actions.ts';

export function testHelperRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  for (const decision of ['approve', 'decline'] as const) {
    app.post(`/test_helpers/payments/:id/${decision}`, requireSecretKey(deps), async (c) => {
      await parseBody(c, emptyBodySchema);
      const id = c.req.param('id') ?? '';
      const record = findPayment(deps.db, c.var.account.id, id);
      if (!record) throw notFound(`payment: '${id.slice(0, 100)}'`);
      return commit(c, deps.db, () => {
        const action = record.payment.status === 'requires_action' ? findPendingAction(deps.db, id) : undefined;
        const result = action ? resolveAction(deps, action.token, decision) : null;
        if (!result) {
          throw invalidRequest(
            'payment_no_pending_action',
            `This payment has no pending customer action to ${decision} (status: ${record.payment.status}).`,
          );
        }
        return { status: 200, body: { success: true, data: result.payment } };
      });
    });
  }

  return app;
}

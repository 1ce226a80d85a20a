/** The merchant's pages: the order list and refunds. A real shop puts these behind a login. */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { getOrder, listOrders, parseOrderId, refundsOf } from '../orders.ts';
import { messagePage } from '../pages/message.ts';
import { ordersPage } from '../pages/orders-admin.ts';
import { now } from '../db.ts';
import { errorSummary } from '../errors.ts';

const NOTICES = {
  refund_requested: 'Refund requested. The order changes when Soxara confirms it (refund.succeeded).',
  refund_failed: 'Soxara did not accept the refund. See the server log.',
} as const;

export function adminRoutes(deps: Deps): Hono {
  const app = new Hono();

  app.get('/orders', (c) => {
    const notice = NOTICES[c.req.query('notice') as keyof typeof NOTICES];
    const orders = listOrders(deps.db).map((order) => ({ order, refunds: refundsOf(deps.db, order.id) }));
    return c.html(ordersPage(orders, notice));
  });

  app.post('/orders/:id/refund', async (c) => {
    const id = parseOrderId(c.req.param('id'));
    const order = id === undefined ? undefined : getOrder(deps.db, id);
    if (!order?.payment_id) return c.html(messagePage('Order not found', 'There is no paid order with that number.'), 404);
    if (order.status !== 'paid' && order.status !== 'partially_refunded') {
      return c.html(messagePage('Nothing to refund', `Order #${order.id} is ${order.status}.`), 409);
    }
    try {
      // One key per order and refunded total: a double click refunds once, a later refund of what is left is new.
      const refund = await deps.soxara.refunds.create(
        { payment: order.payment_id, metadata: { order_id: String(order.id) } },
        { idempotencyKey: `order-${order.id}-refund-${order.refunded_amount}` },
      );
      deps.db
        .prepare(`INSERT OR IGNORE INTO refunds (id, payment_id, order_id, amount, status, updated_at) VALUES (?, ?, ?, ?, 'pending', ?)`)
        .run(refund.id, refund.payment, order.id, refund.amount, now());
      return c.redirect('/orders?notice=refund_requested', 303);
    } catch (error) {
      deps.log(`order ${order.id}: refund failed: ${errorSummary(error)}`);
      return c.redirect('/orders?notice=refund_failed', 303);
    }
  });

  return app;
}

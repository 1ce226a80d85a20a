/**
 * JSON read by the thanks page's live refresh and by the end-to-end tests. The deliveries route keeps
 * the signed bodies as received, which a sandbox shop may show to help debug (and which the tests
 * replay to prove the handler's dedupe); a live shop would not publish them.
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { getOrder, parseOrderId, refundsOf } from '../orders.ts';

export function apiRoutes(deps: Deps): Hono {
  const app = new Hono();

  app.get('/api/orders/:id', (c) => {
    const id = parseOrderId(c.req.param('id'));
    const order = id === undefined ? undefined : getOrder(deps.db, id);
    if (!order) return c.json({ error: 'not_found' }, 404);
    const events = deps.db
      .prepare<[number], { event_id: string; type: string; processed_at: string }>(
        `SELECT event_id, type, processed_at FROM processed_events WHERE order_id = ? ORDER BY processed_at`,
      )
      .all(order.id);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...order, refunds: refundsOf(deps.db, order.id), events });
  });

  app.get('/api/orders/:id/webhook-deliveries', (c) => {
    const id = parseOrderId(c.req.param('id'));
    if (id === undefined || !getOrder(deps.db, id)) return c.json({ error: 'not_found' }, 404);
    const deliveries = deps.db
      .prepare(`SELECT id, received_at, event_id, event_type, signature, body, outcome FROM webhook_deliveries WHERE order_id = ? ORDER BY id`)
      .all(id);
    c.header('Cache-Control', 'no-store');
    return c.json({ data: deliveries });
  });

  /** Whether an event has been processed, whatever it was about (the tests' view of the dedupe table). */
  app.get('/api/webhook-events/:id', (c) => {
    const row = deps.db.prepare(`SELECT event_id, type, order_id, processed_at FROM processed_events WHERE event_id = ?`).get(c.req.param('id'));
    if (!row) return c.json({ error: 'not_found' }, 404);
    c.header('Cache-Control', 'no-store');
    return c.json(row);
  });

  return app;
}

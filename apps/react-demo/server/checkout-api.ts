/**
 * The JSON the React checkout reads and posts: the catalogue, placing an order (which creates its
 * payment with @soxara/node, exactly as the demo shop does), and the client secret of an order's
 * payment for the checkout step. The order's status comes from the demo's `/api/orders/:id`, which
 * shows what the webhook recorded.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { Deps } from '@soxara/demo/deps';
import { errorSummary } from '@soxara/demo/errors';
import { createOrder, findProduct, getOrder, MAX_QUANTITY, parseOrderId, PRODUCTS, type Product } from '@soxara/demo/orders';
import { paymentForOrder } from '@soxara/demo/payments';
import type { Order } from '@soxara/demo/db';

const NewOrder = v.object({
  product_id: v.pipe(v.string(), v.maxLength(100)),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_QUANTITY)),
  email: v.pipe(v.string(), v.trim(), v.maxLength(200), v.email()),
});

/** What the checkout step needs: the order as the customer sees it and its payment's client secret. */
export interface CheckoutView {
  order: { id: number; product: string; quantity: number; amount: number; currency: string; status: Order['status'] };
  clientSecret: string;
}

function checkoutView(order: Order, product: Product, clientSecret: string): CheckoutView {
  return {
    order: { id: order.id, product: product.name, quantity: order.quantity, amount: order.amount, currency: order.currency, status: order.status },
    clientSecret,
  };
}

export function checkoutApi(deps: Deps): Hono {
  const app = new Hono();

  app.get('/api/products', (c) => c.json({ data: PRODUCTS, maxQuantity: MAX_QUANTITY }));

  app.post('/api/orders', async (c) => {
    const parsed = v.safeParse(NewOrder, await c.req.json().catch(() => null));
    const product = parsed.success ? findProduct(parsed.output.product_id) : undefined;
    if (!parsed.success || !product) {
      return c.json({ error: { code: 'invalid_order', message: `Please choose a quantity from 1 to ${MAX_QUANTITY} and enter a valid email address.` } }, 400);
    }
    // The price comes from the catalogue on the server, never from the browser.
    const order = createOrder(deps.db, { product, quantity: parsed.output.quantity, email: parsed.output.email });
    return c.json({ data: { id: order.id } }, 201);
  });

  app.get('/api/orders/:id/checkout', async (c) => {
    const id = parseOrderId(c.req.param('id'));
    const order = id === undefined ? undefined : getOrder(deps.db, id);
    const product = order && findProduct(order.product_id);
    if (!order || !product) return c.json({ error: { code: 'not_found', message: 'There is no such order.' } }, 404);
    c.header('Cache-Control', 'no-store');
    try {
      // Made once per order (its idempotency key is the order's), so a reload gets the same payment.
      const payment = await paymentForOrder(deps.soxara, deps.db, order);
      return c.json({ data: checkoutView(getOrder(deps.db, order.id) ?? order, product, payment.client_secret) });
    } catch (error) {
      deps.log(`order ${order.id}: preparing the payment failed: ${errorSummary(error)}`);
      return c.json({ error: { code: 'payment_unavailable', message: 'We could not reach our payment provider. Please try again in a moment.' } }, 503);
    }
  });

  return app;
}

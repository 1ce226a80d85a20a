/** The customer's path: shop → order → checkout → (3DS return) → thanks. */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { errorSummary } from '../errors.ts';
import { paymentForOrder } from '../payments.ts';
import { createOrder, findProduct, getOrder, MAX_QUANTITY, parseOrderId, PRODUCTS } from '../orders.ts';
import { checkoutPage } from '../pages/checkout.ts';
import { messagePage } from '../pages/message.ts';
import { shopPage } from '../pages/shop.ts';
import { thanksPage, thanksState } from '../pages/thanks.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function shopRoutes(deps: Deps): Hono {
  const app = new Hono();

  app.get('/', (c) => c.html(shopPage(PRODUCTS)));

  app.post('/orders', async (c) => {
    const form = await c.req.parseBody();
    const product = typeof form.product_id === 'string' ? findProduct(form.product_id) : undefined;
    const quantity = typeof form.quantity === 'string' && /^\d+$/.test(form.quantity) ? Number(form.quantity) : NaN;
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    if (!product || !(quantity >= 1 && quantity <= MAX_QUANTITY) || !EMAIL.test(email) || email.length > 200) {
      return c.html(shopPage(PRODUCTS, 'Please choose a quantity from 1 to 5 and enter a valid email address.'), 400);
    }
    const order = createOrder(deps.db, { product, quantity, email });
    try {
      await paymentForOrder(deps.soxara, deps.db, order);
    } catch (error) {
      deps.log(`order ${order.id}: creating the payment failed: ${errorSummary(error)}`);
      // The order is kept; the checkout page retries with the same idempotency key.
    }
    return c.redirect(`/orders/${order.id}/checkout`, 303);
  });

  app.get('/orders/:id/checkout', async (c) => {
    const id = parseOrderId(c.req.param('id'));
    const order = id === undefined ? undefined : getOrder(deps.db, id);
    const product = order && findProduct(order.product_id);
    if (!order || !product) return c.html(messagePage('Order not found', 'There is no such order.'), 404);
    if (thanksState(order) === 'receipt' || order.status === 'canceled') return c.redirect(`/orders/${order.id}/thanks`, 303);
    let clientSecret: string;
    try {
      const payment = await paymentForOrder(deps.soxara, deps.db, order);
      if (payment.status === 'succeeded') return c.redirect(`/orders/${order.id}/thanks`, 303);
      clientSecret = payment.client_secret;
    } catch (error) {
      deps.log(`order ${order.id}: preparing the payment failed: ${errorSummary(error)}`);
      return c.html(messagePage('Payment unavailable', 'We could not reach our payment provider. Please reload this page in a moment.'), 503);
    }
    const nonce = c.get('secureHeadersNonce') ?? '';
    // The client secret is on this page only: it must not be cached by a shared cache.
    c.header('Cache-Control', 'no-store');
    return c.html(
      checkoutPage({
        order,
        product,
        clientSecret,
        nonce,
        publishableKey: deps.config.publishableKey,
        jsUrl: deps.config.jsUrl,
        publicUrl: deps.config.publicUrl,
      }),
    );
  });

  // The 3-D Secure return_url. Its query (redirect_status, …) is the browser's word, not the webhook's:
  // the thanks page decides from the database.
  app.get('/orders/:id/return', (c) => {
    const id = parseOrderId(c.req.param('id'));
    if (id === undefined || !getOrder(deps.db, id)) return c.html(messagePage('Order not found', 'There is no such order.'), 404);
    return c.redirect(`/orders/${id}/thanks`, 303);
  });

  app.get('/orders/:id/thanks', (c) => {
    const id = parseOrderId(c.req.param('id'));
    const order = id === undefined ? undefined : getOrder(deps.db, id);
    if (!order) return c.html(messagePage('Order not found', 'There is no such order.'), 404);
    c.header('Cache-Control', 'no-store');
    return c.html(thanksPage(order, findProduct(order.product_id), c.get('secureHeadersNonce') ?? ''));
  });

  return app;
}

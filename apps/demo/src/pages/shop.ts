/** The shop window: one product and the order form. The form sends a quantity, never a price. */
import { html } from 'hono/html';
import { formatMoney, MAX_QUANTITY, type Product } from '../orders.ts';
import { layout, type Html } from './layout.ts';

export function shopPage(products: readonly Product[], error?: string): Html {
  const quantities = Array.from({ length: MAX_QUANTITY }, (_, i) => i + 1);
  return layout(
    'Shop',
    html`<h1>Kpelle Coffee</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${products.map(
  (product) => html`<section class="product" aria-labelledby="product-${product.id}">
  <h2 id="product-${product.id}">${product.name}</h2>
  <p>${product.description}</p>
  <p class="price">${formatMoney(product.unitAmount, product.currency)}</p>
  <form method="post" action="/orders" class="order-form">
    <input type="hidden" name="product_id" value="${product.id}">
    <label for="quantity-${product.id}">Quantity</label>
    <select id="quantity-${product.id}" name="quantity">
      ${quantities.map((q) => html`<option value="${q}">${q}</option>`)}
    </select>
    <label for="email-${product.id}">Email for the receipt</label>
    <input id="email-${product.id}" name="email" type="email" autocomplete="email" required>
    <button type="submit">Order and pay</button>
  </form>
</section>`,
)}`,
  );
}

/**
 * The checkout: step 2 of the guide, with Soxara's one drop-in form. It loads Soxara.js from the JS
 * origin and mounts the tabbed Payment Element — card, MTN MoMo / Orange Money, Soxara wallet — in the
 * shop's colours, then sends the customer to the thanks page, which shows what the webhook recorded,
 * not what this page was told. (The guide's direct `confirmPayment({ paymentMethod: { type: 'momo' } })`
 * for a shop with its own MoMo fields is in docs/integration-guide.md.)
 *
 * The form shows every outcome of its own confirm (a decline, a refused prompt) under its pay button;
 * this page shows an error only when the form itself could not be reached, so nothing is said twice.
 */
import { html } from 'hono/html';
import type { Order } from '../db.ts';
import { formatMoney, type Product } from '../orders.ts';
import { jsLiteral, layout, type Html } from './layout.ts';

export interface CheckoutView {
  order: Order;
  product: Product;
  clientSecret: string;
  publishableKey: string;
  jsUrl: string;
  publicUrl: string;
  nonce: string;
}

/** The shop's look, handed to the form and its dialogs (shop.css uses the same colours). */
const APPEARANCE = {
  theme: 'stripe',
  variables: { colorPrimary: '#5a3a1b', colorText: '#1d1d1f', borderRadius: '6px', fontFamily: 'system-ui, sans-serif' },
};

/** Errors of a form that is gone (its frame never loaded, or was replaced): the form cannot show them. */
const FORM_UNREACHABLE = ['frame_unavailable', 'frame_load_failed', 'frame_replaced', 'element_unavailable'];

export function checkoutPage(view: CheckoutView): Html {
  const { order, product, nonce } = view;
  const returnUrl = `${view.publicUrl}/orders/${order.id}/return`;
  const thanksUrl = `/orders/${order.id}/thanks`;
  return layout(
    `Pay for order #${order.id}`,
    html`<h1>Pay for order #${order.id}</h1>
<p class="summary">${order.quantity} × ${product.name}: <strong data-testid="order-total">${formatMoney(order.amount, order.currency)}</strong></p>

<section aria-labelledby="pay-heading" class="payment">
  <h2 id="pay-heading">Payment</h2>
  <div id="payment-form"></div>
  <p id="payment-errors" class="error" role="alert"></p>
</section>

<script src="${view.jsUrl}/v1" nonce="${nonce}"></script>
<script nonce="${nonce}">
  const soxara = Soxara(${jsLiteral(view.publishableKey)});
  const thanksUrl = ${jsLiteral(thanksUrl)};
  const formUnreachable = ${jsLiteral(FORM_UNREACHABLE)};

  const form = soxara.elements({
    clientSecret: ${jsLiteral(view.clientSecret)},
    paymentMethods: ['card', 'momo', 'soxara_wallet'],
    appearance: ${jsLiteral(APPEARANCE)},
  });
  form.mount('#payment-form');
  form.on('loaderror', (event) => { document.getElementById('payment-errors').textContent = event.error.message; });

  form.on('submit', async (e) => {
    e.preventDefault();
    document.getElementById('payment-errors').textContent = '';
    // Card: 3-D Secure and success navigate to return_url; MoMo and the wallet resolve here.
    const result = await soxara.confirmPayment({
      elements: form,
      confirmParams: { return_url: ${jsLiteral(returnUrl)} },
    });
    if (result.error) {
      // The form already shows the customer what went wrong; only a form that is gone cannot.
      if (formUnreachable.includes(result.error.code)) document.getElementById('payment-errors').textContent = result.error.message;
      return;
    }
    // Don't trust the result on its own — wait for the webhook
    window.location = thanksUrl;
  });
</script>`,
  );
}

/**
 * The checkout: step 2 of the guide. It loads Soxara.js from the JS origin and runs the guide's code
 * as written — card Elements, MoMo and the Soxara wallet — then sends the customer to the thanks page,
 * which shows what the webhook recorded, not what this page was told.
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

export function checkoutPage(view: CheckoutView): Html {
  const { order, product, nonce } = view;
  const returnUrl = `${view.publicUrl}/orders/${order.id}/return`;
  const thanksUrl = `/orders/${order.id}/thanks`;
  return layout(
    `Pay for order #${order.id}`,
    html`<h1>Pay for order #${order.id}</h1>
<p class="summary">${order.quantity} × ${product.name}: <strong data-testid="order-total">${formatMoney(order.amount, order.currency)}</strong></p>

<section aria-labelledby="pay-card">
  <h2 id="pay-card">Pay by card</h2>
  <div id="payment-form"></div>
  <p id="card-errors" class="error" role="alert"></p>
</section>

<section aria-labelledby="pay-momo">
  <h2 id="pay-momo">Pay with mobile money</h2>
  <form id="momo-form">
    <fieldset>
      <legend>Operator</legend>
      <label><input type="radio" name="provider" value="mtn" checked> MTN MoMo</label>
      <label><input type="radio" name="provider" value="orange"> Orange Money</label>
    </fieldset>
    <label for="momo-phone">Mobile number</label>
    <input id="momo-phone" name="phone_number" type="tel" autocomplete="tel" inputmode="tel" placeholder="+231 88 115 8457" required>
    <button type="submit">Pay with mobile money</button>
  </form>
  <p id="momo-errors" class="error" role="alert"></p>
</section>

<section aria-labelledby="pay-wallet">
  <h2 id="pay-wallet">Pay with the Soxara wallet</h2>
  <button type="button" id="wallet-button">Pay with Soxara</button>
  <p id="wallet-errors" class="error" role="alert"></p>
</section>

<script src="${view.jsUrl}/v1" nonce="${nonce}"></script>
<script nonce="${nonce}">
  const soxara = Soxara(${jsLiteral(view.publishableKey)});
  const clientSecret = ${jsLiteral(view.clientSecret)};
  const thanksUrl = ${jsLiteral(thanksUrl)};

  function showError(id, error) {
    document.getElementById(id).textContent = error ? error.message : '';
  }

  // Card — the guide's code.
  const form = soxara.elements({ clientSecret: clientSecret });
  form.mount('#payment-form');

  form.on('submit', async (e) => {
    e.preventDefault();
    showError('card-errors', null);
    const result = await soxara.confirmPayment({
      elements: form,
      confirmParams: { return_url: ${jsLiteral(returnUrl)} },
    });
    if (result.error) { showError('card-errors', result.error); return; }
    // Don't trust the result on its own — wait for the webhook
    window.location = thanksUrl;
  });

  // MTN MoMo / Orange Money.
  const momoForm = document.getElementById('momo-form');
  momoForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    showError('momo-errors', null);
    const fields = new FormData(momoForm);
    const button = momoForm.querySelector('button');
    button.disabled = true;
    const result = await soxara.confirmPayment({
      clientSecret: clientSecret,
      paymentMethod: {
        type: 'momo',
        momo: { provider: fields.get('provider'), phone_number: fields.get('phone_number') },
      },
    });
    button.disabled = false;
    if (result.error) { showError('momo-errors', result.error); return; }
    window.location = thanksUrl;
  });

  // Soxara wallet.
  const walletButton = document.getElementById('wallet-button');
  walletButton.addEventListener('click', async () => {
    showError('wallet-errors', null);
    walletButton.disabled = true;
    const result = await soxara.confirmPayment({
      clientSecret: clientSecret,
      paymentMethod: { type: 'soxara_wallet' },
    });
    walletButton.disabled = false;
    if (result.error) { showError('wallet-errors', result.error); return; }
    window.location = thanksUrl;
  });
</script>`,
  );
}

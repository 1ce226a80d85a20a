/**
 * Step 4 of the guide: the thanks page shows what the database says, nothing the browser claimed.
 * While the webhook has not arrived it says so and refreshes itself by asking the shop's own server.
 */
import { html } from 'hono/html';
import type { Order } from '../db.ts';
import { formatMoney, type Product } from '../orders.ts';
import { jsLiteral, layout, type Html } from './layout.ts';

/** What the customer should see for the order as the database has it now. */
export type ThanksState = 'receipt' | 'processing' | 'failed' | 'canceled';

export function thanksState(order: Order): ThanksState {
  switch (order.status) {
    case 'paid':
    case 'partially_refunded':
    case 'refunded':
      return 'receipt';
    case 'canceled':
      return 'canceled';
    case 'pending':
    case 'awaiting_payment':
      return order.last_error_code ? 'failed' : 'processing';
  }
}

// The refresh stops after a while: an order whose webhook is this late needs a person, not a spinner.
const REFRESH_EVERY_MS = 1500;
const REFRESH_FOR_MS = 120_000;

export function thanksPage(order: Order, product: Product | undefined, nonce: string): Html {
  const state = thanksState(order);
  const item = `${order.quantity} × ${product?.name ?? order.product_id}`;
  const total = formatMoney(order.amount, order.currency);
  return layout(
    `Order #${order.id}`,
    html`<h1>Order #${order.id}</h1>
<div data-testid="order-state" data-state="${state}" data-status="${order.status}">
${state === 'receipt'
  ? html`<h2>Thank you — payment received</h2>
<dl class="receipt">
  <dt>Item</dt><dd>${item}</dd>
  <dt>Total</dt><dd>${total}</dd>
  <dt>Paid</dt><dd><time datetime="${order.paid_at ?? ''}">${order.paid_at ?? ''}</time></dd>
  <dt>Payment</dt><dd><code>${order.payment_id ?? ''}</code></dd>
  ${order.refunded_amount > 0 ? html`<dt>Refunded</dt><dd>${formatMoney(order.refunded_amount, order.currency)}</dd>` : ''}
</dl>
<p>A receipt is on its way to ${order.email}.</p>`
  : state === 'processing'
    ? html`<h2>Processing — we'll email you when it's confirmed</h2>
<p id="live-status" role="status" aria-live="polite">We're waiting for the payment confirmation for ${item} (${total}). This page updates by itself.</p>
<script nonce="${nonce}">
  (() => {
    const url = ${jsLiteral(`/api/orders/${order.id}`)};
    const seen = ${jsLiteral(`${order.status}|${order.last_error_code ?? ''}`)};
    const stopAt = Date.now() + ${REFRESH_FOR_MS};
    async function check() {
      try {
        const response = await fetch(url, { headers: { accept: 'application/json' } });
        if (response.ok) {
          const order = await response.json();
          if (order.status + '|' + (order.last_error_code || '') !== seen) { location.reload(); return; }
        }
      } catch (error) {
        // Offline for a moment: the next tick tries again.
      }
      if (Date.now() < stopAt) setTimeout(check, ${REFRESH_EVERY_MS});
      else document.getElementById('live-status').textContent = 'Still waiting for the confirmation. We will email you when it arrives.';
    }
    setTimeout(check, ${REFRESH_EVERY_MS});
  })();
</script>`
    : state === 'failed'
      ? html`<h2>Payment failed</h2>
<p role="alert">Your payment for ${item} (${total}) did not go through: ${order.last_error_message ?? 'the payment failed'}. You have not been charged.</p>
<p><a href="/orders/${order.id}/checkout">Try again</a></p>`
      : html`<h2>Order canceled</h2>
<p>This order was canceled. You have not been charged.</p>`}
</div>`,
  );
}

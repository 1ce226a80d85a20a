/** The merchant's view: every order with its payment and refunds, and a button to refund. */
import { html } from 'hono/html';
import type { Order, RefundRow } from '../db.ts';
import { formatMoney } from '../orders.ts';
import { layout, type Html } from './layout.ts';

const REFUNDABLE = new Set<Order['status']>(['paid', 'partially_refunded']);

export function ordersPage(orders: Array<{ order: Order; refunds: RefundRow[] }>, notice?: string): Html {
  return layout(
    'Orders',
    html`<h1>Orders</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${orders.length === 0
  ? html`<p>No orders yet. <a href="/">Place one.</a></p>`
  : html`<table>
  <caption>Newest first. Status is what the webhooks have told this shop.</caption>
  <thead><tr><th scope="col">Order</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col">Payment</th><th scope="col">Refunds</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  ${orders.map(
    ({ order, refunds }) => html`<tr data-order-id="${order.id}">
    <th scope="row"><a href="/orders/${order.id}/thanks">#${order.id}</a></th>
    <td>${formatMoney(order.amount, order.currency)}</td>
    <td data-testid="status">${order.status}${order.last_error_code ? html` <span class="error">(${order.last_error_code})</span>` : ''}</td>
    <td><code>${order.payment_id ?? '—'}</code></td>
    <td>${refunds.length === 0 ? '—' : refunds.map((r) => html`<div><code>${r.id}</code> ${formatMoney(r.amount, order.currency)} ${r.status}</div>`)}</td>
    <td>${REFUNDABLE.has(order.status)
      ? html`<form method="post" action="/orders/${order.id}/refund"><button type="submit" aria-label="Refund order #${order.id}">Refund</button></form>`
      : ''}</td>
  </tr>`,
  )}
  </tbody>
</table>`}`,
    'merchant',
  );
}

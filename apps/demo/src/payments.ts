/** Step 1 of the guide: the server creates the payment, from the order's own amount, once per order. */
import type { Soxara } from '@soxara/node';
import type { Payment } from '@soxara/protocol';
import type { Db, Order } from './db.ts';
import { attachPayment } from './orders.ts';

/**
 * Creates the order's payment, or gets the one already created. The idempotency key is derived from
 * the order, so a double click, a reload or a retry after a lost answer all give the same `pi_…`.
 */
export async function paymentForOrder(soxara: Soxara, db: Db, order: Order): Promise<Payment> {
  if (order.payment_id) return soxara.payments.retrieve(order.payment_id);
  const payment = await soxara.payments.create(
    {
      amount: order.amount,
      currency: order.currency,
      description: `Order #${order.id}`,
      metadata: { order_id: String(order.id) },
    },
    { idempotencyKey: `order-${order.id}-v1` },
  );
  attachPayment(db, order.id, payment.id);
  return payment;
}

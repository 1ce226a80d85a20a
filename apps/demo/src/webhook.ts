/**
 * The webhook handler: the only place an order becomes paid (the guide's "webhook is the source of
 * truth"). Every delivery is verified with `constructEvent`, then applied inside one SQLite transaction
 * together with the insert into `processed_events`, so an event is applied exactly once however many
 * times Soxara (or an attacker replaying a captured delivery) sends it.
 *
 * Deliveries may arrive in any order. Each handler therefore only moves an order forward from the
 * states it expects, and refunds are recorded against the payment whatever the order's state, so a
 * `refund.succeeded` that overtakes its `payment.succeeded` is kept and applied when the payment lands.
 */
import { SoxaraSignatureVerificationError, webhooks, type SoxaraEvent } from '@soxara/node';
import type { Payment, Refund } from '@soxara/protocol';
import type { Db, Order, RefundStatus } from './db.ts';
import { now } from './db.ts';
import { getOrder, getOrderByPayment } from './orders.ts';

export type DeliveryResult =
  | { outcome: 'processed'; eventId: string; orderId: number | null }
  | { outcome: 'duplicate'; eventId: string }
  | { outcome: 'rejected'; code: string; message: string }
  | { outcome: 'not_configured' };

export interface Delivery {
  rawBody: Buffer | string;
  signature: string | undefined;
}

/** Verifies and applies one delivery. Throws only on a bug or a database failure (→ HTTP 500, retried). */
export function receiveDelivery(db: Db, secret: string | undefined, delivery: Delivery): DeliveryResult {
  if (!secret) return { outcome: 'not_configured' };
  let event: SoxaraEvent;
  try {
    event = webhooks.constructEvent(delivery.rawBody, delivery.signature, secret);
  } catch (error) {
    if (error instanceof SoxaraSignatureVerificationError) {
      return { outcome: 'rejected', code: error.code ?? 'signature_verification_error', message: error.message };
    }
    throw error;
  }
  if (!isEventShaped(event)) return { outcome: 'rejected', code: 'invalid_event', message: 'The body is not a Soxara event' };

  const apply = db.transaction((): DeliveryResult => {
    const inserted = db
      .prepare(`INSERT OR IGNORE INTO processed_events (event_id, type, processed_at) VALUES (?, ?, ?)`)
      .run(event.id, event.type, now());
    if (inserted.changes === 0) {
      const first = db.prepare<[string], { order_id: number | null }>(`SELECT order_id FROM processed_events WHERE event_id = ?`).get(event.id);
      logDelivery(db, event, first?.order_id ?? null, delivery, 'duplicate');
      return { outcome: 'duplicate', eventId: event.id };
    }
    const orderId = applyEvent(db, event);
    db.prepare(`UPDATE processed_events SET order_id = ? WHERE event_id = ?`).run(orderId, event.id);
    logDelivery(db, event, orderId, delivery, 'processed');
    return { outcome: 'processed', eventId: event.id, orderId };
  });
  return apply.immediate();
}

function isEventShaped(event: unknown): event is SoxaraEvent {
  if (typeof event !== 'object' || event === null) return false;
  const e = event as Record<string, unknown>;
  const data = e.data as Record<string, unknown> | undefined;
  return (
    typeof e.id === 'string' &&
    typeof e.type === 'string' &&
    typeof data === 'object' &&
    data !== null &&
    typeof data.object === 'object' &&
    data.object !== null
  );
}

/** Applies the event to the shop's data; returns the order it concerned, if any. */
export function applyEvent(db: Db, event: SoxaraEvent): number | null {
  // A signed event is Soxara's, but a shape this code does not know (a newer API version, a sample
  // event) must be acknowledged, not crash the handler into endless retries.
  if (event.type.startsWith('payment.') && !isPaymentShaped(event.data.object)) return null;
  if (event.type.startsWith('refund.') && !isRefundShaped(event.data.object)) return null;
  switch (event.type) {
    case 'payment.succeeded':
      return onPaymentSucceeded(db, event.data.object);
    case 'payment.failed':
      return onPaymentFailed(db, event.data.object);
    case 'payment.requires_action':
      return onPaymentRequiresAction(db, event.data.object);
    case 'payment.canceled':
      return onPaymentCanceled(db, event.data.object);
    case 'refund.created':
      return recordRefund(db, event.data.object, 'pending');
    case 'refund.succeeded':
      return recordRefund(db, event.data.object, 'succeeded');
    case 'refund.failed':
      return recordRefund(db, event.data.object, 'failed');
    default:
      // Transfers, gift cards, bills, memberships, disputes: this shop sells coffee and has none.
      return null;
  }
}

function isPaymentShaped(object: unknown): object is Payment {
  const p = object as Record<string, unknown>;
  return typeof p.id === 'string' && typeof p.amount === 'number' && typeof p.currency === 'string' && (p.metadata === undefined || p.metadata === null || typeof p.metadata === 'object');
}

function isRefundShaped(object: unknown): object is Refund {
  const r = object as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.payment === 'string' && Number.isSafeInteger(r.amount);
}

/** The order a payment event is about: its metadata names it, and the stored `pi_…` must agree. */
function orderOfPayment(db: Db, payment: Payment): Order | undefined {
  const raw = payment.metadata?.order_id;
  const order = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? getOrder(db, Number(raw)) : getOrderByPayment(db, payment.id);
  if (!order) return undefined;
  // A payment of another order (or of another integration reusing the metadata key) must not pay this one.
  if (order.payment_id !== null && order.payment_id !== payment.id) return undefined;
  return order;
}

function onPaymentSucceeded(db: Db, payment: Payment): number | null {
  const order = orderOfPayment(db, payment);
  if (!order) return null;
  if (payment.amount !== order.amount || payment.currency !== order.currency) {
    db.prepare(`UPDATE orders SET last_error_code = 'amount_mismatch', last_error_message = ? WHERE id = ?`).run(
      `Soxara reported ${payment.amount} ${payment.currency}, the order is ${order.amount} ${order.currency}`,
      order.id,
    );
    return order.id;
  }
  // The guide's query: the guard keeps a canceled (or already paid) order from flipping to paid.
  db.prepare(
    `UPDATE orders
        SET status = 'paid', paid_at = ?, payment_id = ?, last_error_code = NULL, last_error_message = NULL
      WHERE id = ? AND status IN ('pending', 'awaiting_payment')`,
  ).run(text(payment.succeeded_at) ?? now(), payment.id, order.id);
  settleRefunds(db, order.id);
  return order.id;
}

function onPaymentFailed(db: Db, payment: Payment): number | null {
  const order = orderOfPayment(db, payment);
  if (!order) return null;
  const error = typeof payment.last_payment_error === 'object' ? payment.last_payment_error : null;
  db.prepare(
    `UPDATE orders SET last_error_code = ?, last_error_message = ?
      WHERE id = ? AND status IN ('pending', 'awaiting_payment')`,
  ).run(text(error?.decline_code) ?? text(error?.code) ?? 'payment_failed', text(error?.message) ?? 'The payment failed.', order.id);
  return order.id;
}

/** A new attempt is under way (3DS, PIN prompt, wallet): an earlier attempt's failure no longer applies. */
function onPaymentRequiresAction(db: Db, payment: Payment): number | null {
  const order = orderOfPayment(db, payment);
  if (!order) return null;
  db.prepare(
    `UPDATE orders SET last_error_code = NULL, last_error_message = NULL
      WHERE id = ? AND status IN ('pending', 'awaiting_payment')`,
  ).run(order.id);
  return order.id;
}

function onPaymentCanceled(db: Db, payment: Payment): number | null {
  const order = orderOfPayment(db, payment);
  if (!order) return null;
  db.prepare(`UPDATE orders SET status = 'canceled' WHERE id = ? AND status IN ('pending', 'awaiting_payment')`).run(order.id);
  return order.id;
}

const REFUND_RANK: Record<RefundStatus, number> = { pending: 0, succeeded: 1, failed: 1 };

/**
 * Keeps the refund whatever the order's state. A final status (succeeded, failed) is never overwritten
 * by a late `refund.created`.
 */
function recordRefund(db: Db, refund: Refund, status: RefundStatus): number | null {
  const order = getOrderByPayment(db, refund.payment);
  const existing = db.prepare<[string], { status: RefundStatus }>(`SELECT status FROM refunds WHERE id = ?`).get(refund.id);
  if (!existing) {
    db.prepare(`INSERT INTO refunds (id, payment_id, order_id, amount, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
      refund.id,
      refund.payment,
      order?.id ?? null,
      refund.amount,
      status,
      now(),
    );
  } else if (REFUND_RANK[status] > REFUND_RANK[existing.status]) {
    db.prepare(`UPDATE refunds SET status = ?, updated_at = ? WHERE id = ?`).run(status, now(), refund.id);
  }
  if (!order) return null;
  settleRefunds(db, order.id);
  return order.id;
}

/**
 * Derives a paid order's refund state from the refunds that succeeded. An order not yet paid keeps its
 * status: when its `payment.succeeded` arrives, this runs again and the refund takes effect.
 */
function settleRefunds(db: Db, orderId: number): void {
  // Summed by payment, not by order: a refund recorded before its order was linked still counts.
  const row = db
    .prepare<[number], { total: number | null }>(
      `SELECT SUM(amount) AS total FROM refunds
        WHERE payment_id = (SELECT payment_id FROM orders WHERE id = ?) AND status = 'succeeded'`,
    )
    .get(orderId);
  const refunded = row?.total ?? 0;
  db.prepare(
    `UPDATE orders
        SET refunded_amount = ?,
            status = CASE
              WHEN status NOT IN ('paid', 'partially_refunded', 'refunded') OR ? = 0 THEN status
              WHEN ? >= amount THEN 'refunded'
              ELSE 'partially_refunded'
            END
      WHERE id = ?`,
  ).run(refunded, refunded, refunded, orderId);
}

function logDelivery(db: Db, event: SoxaraEvent, orderId: number | null, delivery: Delivery, outcome: 'processed' | 'duplicate'): void {
  const body = typeof delivery.rawBody === 'string' ? delivery.rawBody : delivery.rawBody.toString('utf8');
  db.prepare(
    `INSERT INTO webhook_deliveries (received_at, event_id, event_type, order_id, signature, body, outcome)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(now(), event.id, event.type, orderId, delivery.signature ?? '', body, outcome);
}

/** A string field of an event, or undefined when it is anything else (SQLite would bind any type). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

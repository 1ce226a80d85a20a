/** Events shaped as the sandbox sends them, signed with @soxara/node's test header helper. */
import { generateTestHeaderString } from '@soxara/node';
import type { EventObjectMap, EventOf, EventType, Payment, Refund } from '@soxara/protocol';
import { openDatabase, type Db, type Order } from '../src/db.ts';
import { attachPayment, createOrder, PRODUCTS } from '../src/orders.ts';
import { receiveDelivery } from '../src/webhook.ts';

export const SECRET = 'whsec_test_demo_handler_secret';

let counter = 0;
export function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${counter}`;
}

export function freshDb(): Db {
  return openDatabase(':memory:');
}

/** An order whose payment has been created (status awaiting_payment), as after POST /orders. */
export function orderAwaitingPayment(db: Db, quantity = 1): Order & { payment_id: string } {
  const product = PRODUCTS[0]!;
  const order = createOrder(db, { product, quantity, email: 'ada@example.com' });
  const paymentId = nextId('pi');
  attachPayment(db, order.id, paymentId);
  return { ...order, status: 'awaiting_payment', payment_id: paymentId };
}

export function paymentOf(order: Order & { payment_id: string }, overrides: Partial<Payment> = {}): Payment {
  return {
    id: order.payment_id,
    object: 'payment',
    livemode: false,
    amount: order.amount,
    amount_refunded: 0,
    currency: order.currency,
    status: 'succeeded',
    client_secret: `${order.payment_id}_secret_abc`,
    description: `Order #${order.id}`,
    metadata: { order_id: String(order.id) },
    payment_method: 'card',
    payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034 } },
    next_action: null,
    last_payment_error: null,
    customer: null,
    created_at: '2026-05-23T14:05:14Z',
    succeeded_at: '2026-05-23T14:05:32Z',
    canceled_at: null,
    ...overrides,
  };
}

export function refundOf(order: Order & { payment_id: string }, overrides: Partial<Refund> = {}): Refund {
  return {
    id: nextId('re'),
    object: 'refund',
    payment: order.payment_id,
    amount: order.amount,
    currency: order.currency,
    status: 'succeeded',
    reason: null,
    failure_reason: null,
    metadata: {},
    created_at: '2026-05-23T15:00:00Z',
    ...overrides,
  };
}

export function event<T extends EventType>(type: T, object: EventObjectMap[T]): EventOf<T> {
  return { id: nextId('evt'), object: 'event', type, livemode: false, created_at: '2026-05-23T14:05:33Z', data: { object } } as EventOf<T>;
}

export interface SignedDelivery {
  rawBody: string;
  signature: string;
}

export function sign(evt: object, secret = SECRET, timestamp?: number): SignedDelivery {
  const rawBody = JSON.stringify(evt);
  return { rawBody, signature: generateTestHeaderString({ payload: rawBody, secret, ...(timestamp === undefined ? {} : { timestamp }) }) };
}

export function deliver(db: Db, evt: object) {
  return receiveDelivery(db, SECRET, sign(evt));
}

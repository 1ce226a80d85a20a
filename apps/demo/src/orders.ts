/** Orders: what the shop sells, how an order is placed, and the queries the pages and the webhook share. */
import type { Db, Order, RefundRow } from './db.ts';
import { now } from './db.ts';

export interface Product {
  id: string;
  name: string;
  description: string;
  /** Minor units (cents). */
  unitAmount: number;
  currency: 'USD';
}

/** The catalogue lives on the server: the browser sends a product id and a quantity, never a price. */
export const PRODUCTS: readonly Product[] = [
  {
    id: 'coffee-250g',
    name: 'Nimba highland coffee, 250 g',
    description: 'Whole beans, roasted in Monrovia every Tuesday.',
    unitAmount: 1250,
    currency: 'USD',
  },
];

export const MAX_QUANTITY = 5;

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

export function createOrder(db: Db, input: { product: Product; quantity: number; email: string }): Order {
  const amount = input.product.unitAmount * input.quantity;
  const row = db
    .prepare<[string, number, number, string, string, string], Order>(
      `INSERT INTO orders (product_id, quantity, amount, currency, email, status, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?) RETURNING *`,
    )
    .get(input.product.id, input.quantity, amount, input.product.currency, input.email, now());
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row;
}

export function getOrder(db: Db, id: number): Order | undefined {
  return db.prepare<[number], Order>(`SELECT * FROM orders WHERE id = ?`).get(id);
}

export function getOrderByPayment(db: Db, paymentId: string): Order | undefined {
  return db.prepare<[string], Order>(`SELECT * FROM orders WHERE payment_id = ?`).get(paymentId);
}

export function listOrders(db: Db, limit = 50): Order[] {
  return db.prepare<[number], Order>(`SELECT * FROM orders ORDER BY id DESC LIMIT ?`).all(limit);
}

/** Saves the `pi_…` against the order, as the guide says, once the API has created it. */
export function attachPayment(db: Db, orderId: number, paymentId: string): void {
  db.prepare(
    `UPDATE orders SET payment_id = ?, status = 'awaiting_payment' WHERE id = ? AND status = 'pending'`,
  ).run(paymentId, orderId);
}

export function refundsOf(db: Db, orderId: number): RefundRow[] {
  return db.prepare<[number], RefundRow>(`SELECT * FROM refunds WHERE order_id = ? ORDER BY updated_at`).all(orderId);
}

/** Orders whose id parses: route params are strings, and junk must be a 404, not an exception. */
export function parseOrderId(raw: string): number | undefined {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/** Both dollars are written `$` in Liberia: each says which it is (`US$12.50`, `L$1,250.00`), as Soxara's form does. */
const SYMBOLS: Record<string, string> = { USD: 'US$', LRD: 'L$' };

export function formatMoney(amount: number, currency: string): string {
  const number = new Intl.NumberFormat('en-LR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount / 100);
  return `${SYMBOLS[currency] ?? `${currency} `}${number}`;
}

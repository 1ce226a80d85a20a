/** The shop server's JSON (server/checkout-api.ts and the demo's /api/orders/:id), typed at the edge. */
import type { CheckoutView } from '../server/checkout-api.ts';
import type { Product } from '@soxara/demo/orders';

export type { CheckoutView, Product };

export interface OrderStatusView {
  id: number;
  status: 'pending' | 'awaiting_payment' | 'paid' | 'partially_refunded' | 'refunded' | 'canceled';
  amount: number;
  currency: string;
  last_error_message: string | null;
}

export class ShopError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers } });
  } catch {
    throw new ShopError('network', 'The shop could not be reached. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => null)) as { data?: T; error?: { code: string; message: string } } | T | null;
  if (!response.ok) {
    const error = (body as { error?: { code: string; message: string } } | null)?.error;
    throw new ShopError(error?.code ?? 'http_error', error?.message ?? `The shop answered ${response.status}.`);
  }
  return body as T;
}

export const shopApi = {
  products: () => request<{ data: Product[]; maxQuantity: number }>('/api/products'),
  placeOrder: (order: { product_id: string; quantity: number; email: string }) =>
    request<{ data: { id: number } }>('/api/orders', { method: 'POST', body: JSON.stringify(order) }).then((body) => body.data),
  checkout: (orderId: string) => request<{ data: CheckoutView }>(`/api/orders/${orderId}/checkout`).then((body) => body.data),
  order: (orderId: string) => request<OrderStatusView>(`/api/orders/${orderId}`),
};

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-LR', { style: 'currency', currency }).format(amount / 100);
}

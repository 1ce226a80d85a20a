import { Soxara } from '@soxara/node';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { setSetting } from '../src/db.ts';
import { getOrder } from '../src/orders.ts';
import { event, freshDb, paymentOf, SECRET, sign } from './fixtures.ts';

const DEMO = 'http://localhost:3000';
const JS = 'http://127.0.0.1:4020';

interface SeenRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

/** The shop against a stand-in for the API that creates payments as the sandbox would. */
function shop() {
  const db = freshDb();
  setSetting(db, 'webhook_secret', SECRET);
  const seen: SeenRequest[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    seen.push({ method: init?.method ?? 'GET', path: url.pathname, headers: new Headers(init?.headers), body });
    const id = `pi_test${seen.length}`;
    const data = { id, client_secret: `${id}_secret_xyz`, status: 'requires_payment_method', ...body };
    return new Response(JSON.stringify({ success: true, data }), { status: 200 });
  };
  const soxara = new Soxara('sxs_test_unitunitunit', { baseUrl: 'http://api.invalid', fetch: fakeFetch, maxNetworkRetries: 0 });
  const app = createApp({ db, soxara, config: { publicUrl: DEMO, jsUrl: JS, publishableKey: 'sxm_test_unitunitunit' }, log: () => {} });
  return { app, db, seen };
}

function orderForm(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: DEMO },
    body: new URLSearchParams(fields).toString(),
  };
}

describe('pages', () => {
  it('serve a strict, nonce-based CSP that allows only the JS origin for scripts and frames', async () => {
    const { app } = shop();
    const response = await app.request(`${DEMO}/`);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toMatch(/script-src 'nonce-[^']+' http:\/\/127\.0\.0\.1:4020/);
    expect(csp).toContain(`frame-src ${JS}`);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await response.text()).not.toMatch(/style=/);
  });
});

describe('placing an order', () => {
  it('creates the payment from the server-side price with the order\'s idempotency key, whatever the form says', async () => {
    const { app, db, seen } = shop();
    const response = await app.request(`${DEMO}/orders`, orderForm({ product_id: 'coffee-250g', quantity: '2', email: 'ada@example.com', amount: '1' }));
    expect(response.status).toBe(303);
    const orderId = Number(/\/orders\/(\d+)\/checkout/.exec(response.headers.get('Location') ?? '')?.[1]);
    const create = seen.find((r) => r.method === 'POST' && r.path === '/v1/payments');
    expect(create?.body).toEqual({ amount: 2500, currency: 'USD', description: `Order #${orderId}`, metadata: { order_id: String(orderId) } });
    expect(create?.headers.get('X-Idempotency-Key')).toBe(`order-${orderId}-v1`);
    expect(getOrder(db, orderId)).toMatchObject({ status: 'awaiting_payment', payment_id: 'pi_test1', amount: 2500 });
  });

  it('renders the checkout with the guide\'s code under the CSP nonce', async () => {
    const { app } = shop();
    const placed = await app.request(`${DEMO}/orders`, orderForm({ product_id: 'coffee-250g', quantity: '1', email: 'ada@example.com' }));
    const checkout = await app.request(`${DEMO}${placed.headers.get('Location')}`);
    expect(checkout.status).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(checkout.headers.get('Content-Security-Policy') ?? '')?.[1];
    const page = await checkout.text();
    expect(page).toContain(`<script src="${JS}/v1" nonce="${nonce}"></script>`);
    expect(page).toContain(`<script nonce="${nonce}">`);
    expect(page).toContain("form.mount('#payment-form');");
    expect(page).toMatch(/"pi_test\d+_secret_xyz"/);
  });

  it('refuses a cross-site form post', async () => {
    const { app } = shop();
    const init = orderForm({ product_id: 'coffee-250g', quantity: '1', email: 'ada@example.com' });
    const response = await app.request(`${DEMO}/orders`, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });
});

describe('POST /webhooks/soxara', () => {
  it('verifies the raw body, processes once, and rejects a bad signature', async () => {
    const { app, db } = shop();
    const placed = await app.request(`${DEMO}/orders`, orderForm({ product_id: 'coffee-250g', quantity: '1', email: 'ada@example.com' }));
    const orderId = Number(/\/orders\/(\d+)\//.exec(placed.headers.get('Location') ?? '')?.[1]);
    const order = getOrder(db, orderId)!;
    const delivery = sign(event('payment.succeeded', paymentOf({ ...order, payment_id: order.payment_id! })));
    const post = (signature: string) =>
      app.request(`${DEMO}/webhooks/soxara`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Soxara-Signature': signature }, body: delivery.rawBody });

    expect(await (await post(delivery.signature)).json()).toEqual({ received: true });
    expect(await (await post(delivery.signature)).json()).toEqual({ received: true, duplicate: true });
    expect((await post('t=1,v1=00')).status).toBe(400);
    expect(getOrder(db, orderId)?.status).toBe('paid');

    const thanks = await (await app.request(`${DEMO}/orders/${orderId}/thanks`)).text();
    expect(thanks).toContain('payment received');
    const json = (await (await app.request(`${DEMO}/api/orders/${orderId}`)).json()) as { status: string; events: unknown[] };
    expect(json.status).toBe('paid');
    expect(json.events).toHaveLength(1);
  });
});

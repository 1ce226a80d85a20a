/**
 * The React shop's server over `app.request`, against a stand-in for the API: the app's page with its
 * settings and strict CSP, orders priced on the server, one payment per order however often the
 * checkout asks, and order numbers out of the demo shop's range.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Soxara } from '@soxara/node';
import { openDatabase } from '@soxara/demo/db';
import { describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';

const SHOP = 'http://localhost:3001';
const JS = 'http://127.0.0.1:4020';

function builtApp(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'react-demo-dist-'));
  writeFileSync(
    path.join(dist, 'index.html'),
    '<meta name="soxara-publishable-key" content="%SOXARA_PUBLISHABLE_KEY%"><meta name="soxara-js-url" content="%SOXARA_JS_URL%"><div id="root"></div>',
  );
  return dist;
}

function shop(distDir = builtApp()) {
  const db = openDatabase(':memory:', { orderNumbersFrom: 900_000_000 });
  const creates: Array<{ body: Record<string, unknown>; idempotencyKey: string | null }> = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const body = (init?.body ? JSON.parse(String(init.body)) : {}) as Record<string, unknown>;
    if (init?.method === 'POST' && url.pathname === '/v1/payments') creates.push({ body, idempotencyKey: new Headers(init.headers).get('X-Idempotency-Key') });
    const id = url.pathname.split('/')[3] ?? `pi_test${creates.length}`;
    return new Response(JSON.stringify({ success: true, data: { id, client_secret: `${id}_secret_xyz`, status: 'requires_payment_method', ...body } }), { status: 200 });
  };
  const soxara = new Soxara('sxs_test_unitunitunit', { baseUrl: 'http://api.invalid', fetch: fakeFetch, maxNetworkRetries: 0 });
  const app = createApp({ db, soxara, config: { publicUrl: SHOP, jsUrl: JS, publishableKey: 'sxm_test_unitunitunit' }, log: () => {} }, distDir);
  return { app, creates };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', Origin: SHOP }, body: JSON.stringify(body) });

describe('the app page', () => {
  it('carries the shop\'s publishable key and JS origin, under a CSP that allows scripts and frames from the JS origin only', async () => {
    const { app } = shop();
    const response = await app.request(`${SHOP}/orders/900000001/checkout`);
    const html = await response.text();
    expect(html).toContain('content="sxm_test_unitunitunit"');
    expect(html).toContain(`content="${JS}"`);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain(`script-src 'self' ${JS}`);
    expect(csp).toContain(`frame-src ${JS}`);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('says how to build it when it is not built', async () => {
    const { app } = shop(mkdtempSync(path.join(tmpdir(), 'react-demo-empty-')));
    const response = await app.request(`${SHOP}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm build');
  });
});

describe('POST /api/orders', () => {
  it('refuses a bad quantity, a bad email or junk with a 400 that says what to fix', async () => {
    const { app } = shop();
    for (const body of [{ product_id: 'coffee-250g', quantity: 9, email: 'ada@example.com' }, { product_id: 'coffee-250g', quantity: 1, email: 'ada' }, 'junk']) {
      const response = await app.request(`${SHOP}/api/orders`, post(body));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_order');
    }
  });

  it('numbers orders from 900,000,000, out of the demo shop\'s range (one account, shared events)', async () => {
    const { app } = shop();
    const response = await app.request(`${SHOP}/api/orders`, post({ product_id: 'coffee-250g', quantity: 1, email: 'ada@example.com' }));
    expect(response.status).toBe(201);
    expect(((await response.json()) as { data: { id: number } }).data.id).toBeGreaterThan(900_000_000);
  });
});

describe('GET /api/orders/:id/checkout', () => {
  it('creates the order\'s payment once, priced by the server, and gives its client secret', async () => {
    const { app, creates } = shop();
    const placed = await app.request(`${SHOP}/api/orders`, post({ product_id: 'coffee-250g', quantity: 3, email: 'ada@example.com', amount: 1 }));
    const { id } = ((await placed.json()) as { data: { id: number } }).data;
    const first = (await (await app.request(`${SHOP}/api/orders/${id}/checkout`)).json()) as { data: { clientSecret: string; order: { amount: number } } };
    const again = (await (await app.request(`${SHOP}/api/orders/${id}/checkout`)).json()) as { data: { clientSecret: string } };
    expect(creates).toEqual([{ body: expect.objectContaining({ amount: 3750, currency: 'USD', metadata: { order_id: String(id) } }), idempotencyKey: `order-${id}-v1` }]);
    expect(first.data.order.amount).toBe(3750);
    expect(again.data.clientSecret).toBe(first.data.clientSecret);
  });

  it('is a 404 for an order that does not exist', async () => {
    const { app } = shop();
    expect((await app.request(`${SHOP}/api/orders/12/checkout`)).status).toBe(404);
  });
});

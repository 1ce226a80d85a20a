/**
 * The test merchant: a tiny site on its own origin (http://localhost:4130) that does what a real
 * merchant does — creates a payment server-side with the secret key and puts its client secret into
 * a checkout page that loads `<JS origin>/v1`. The pages are HTML fixtures in ./fixtures with
 * `{{PLACEHOLDERS}}`; `guide.html` is the merchant guide's card code verbatim.
 *
 * It starts listening only once the sandbox answers, since Playwright starts both web servers at once
 * and a page served earlier would fail to create its payment.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stack } from './stack.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const port = Number(process.env.MERCHANT_PORT ?? 4130);
const apiUrl = process.env.SOXARA_API_URL ?? stack.apiUrl;
const jsUrl = process.env.SOXARA_JS_URL ?? stack.jsUrl;
const merchantUrl = process.env.MERCHANT_URL ?? `http://localhost:${port}`;
const publishableKey = process.env.SOXARA_PUBLISHABLE_KEY ?? stack.publishableKey;
const secretKey = process.env.SOXARA_SECRET_KEY ?? stack.secretKey;

/**
 * Checkout pages: path → fixture, its CSP and any other headers. `strict` is what a careful merchant
 * sends; `no-frames` is a merchant who forgot `frame-src` (the frames never load: `loaderror`,
 * `api_connection_error`). The COEP pages are cross-origin isolated merchants (checklist C4).
 */
const crossOriginIsolated = (embedderPolicy: 'require-corp' | 'credentialless') => ({
  'Cross-Origin-Embedder-Policy': embedderPolicy,
  'Cross-Origin-Opener-Policy': 'same-origin',
});
const checkoutPages: Record<string, { fixture: string; csp?: 'strict' | 'no-frames'; headers?: Record<string, string> }> = {
  '/guide': { fixture: 'guide.html' },
  '/result': { fixture: 'result.html' },
  '/modal': { fixture: 'modal.html' },
  '/own-button': { fixture: 'own-button.html' },
  '/one-line': { fixture: 'one-line.html' },
  '/strict-csp': { fixture: 'strict-csp.html', csp: 'strict' },
  '/no-frames': { fixture: 'no-frames.html', csp: 'no-frames' },
  '/momo': { fixture: 'momo.html' },
  '/tabs': { fixture: 'tabs.html' },
  '/momo-guide': { fixture: 'momo-guide.html' },
  '/phone': { fixture: 'phone.html' },
  '/phone-tabs': { fixture: 'phone-tabs.html' },
  '/coep': { fixture: 'coep.html', headers: crossOriginIsolated('require-corp') },
  '/coep-credentialless': { fixture: 'coep.html', headers: crossOriginIsolated('credentialless') },
  '/clickjack': { fixture: 'clickjack.html' },
  '/remount': { fixture: 'remount.html' },
  '/sri': { fixture: 'sri.html' },
  '/look': { fixture: 'look.html' },
  '/layout-shift': { fixture: 'layout-shift.html' },
};

interface CreatedPayment {
  id: string;
  client_secret: string;
}

async function api(method: 'GET' | 'POST', route: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${apiUrl}${route}`, {
    method,
    headers: { Authorization: `Bearer ${secretKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

async function createPayment(amount: number, currency: string): Promise<CreatedPayment> {
  const { status, json } = await api('POST', '/v1/payments', {
    amount,
    currency,
    description: 'E2E order',
    metadata: { order_id: `order_${randomBytes(4).toString('hex')}` },
  });
  const data = (json as { success?: boolean; data?: CreatedPayment } | null)?.data;
  if (status !== 200 || !data?.client_secret) throw new Error(`create payment failed: ${status} ${JSON.stringify(json)}`);
  return data;
}

async function retrievePayment(id: string): Promise<CreatedPayment> {
  const { status, json } = await api('GET', `/v1/payments/${encodeURIComponent(id)}`);
  const data = (json as { data?: CreatedPayment } | null)?.data;
  if (status !== 200 || !data?.client_secret) throw new Error(`retrieve payment failed: ${status} ${JSON.stringify(json)}`);
  return data;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Values go into JS string literals and attributes: restrict them to characters safe in both. */
function safeValue(value: string): string {
  if (!/^[\w:/.?=&%+-]*$/.test(value)) throw new Error(`unsafe template value: ${value}`);
  return value;
}

function render(fixture: string, values: Record<string, string>): string {
  return readFileSync(path.join(fixtures, fixture), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${fixture}: no value for {{${name}}}`);
    return safeValue(value);
  });
}

function withLang(lang: string | null, html: string): string {
  return lang ? html.replace(/<html lang="[^"]*">/, `<html lang="${lang}">`) : html;
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', merchantUrl);
  if (req.method === 'POST') return handlePost(url, res);
  if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');

  if (url.pathname === '/health') return send(res, 200, 'application/json', '{"ok":true}');

  if (url.pathname === '/own-account') return send(res, 200, 'text/html; charset=utf-8', await ownAccountCheckout(Number(url.searchParams.get('spare') ?? 0)));

  const page = checkoutPages[url.pathname];
  if (page) {
    const amount = Number(url.searchParams.get('amount') ?? 1250);
    const currency = url.searchParams.get('currency') ?? 'USD';
    // ?payment=pi_… reuses a payment (a reload mid-payment); otherwise each visit is a new order.
    const existing = url.searchParams.get('payment');
    const payment = existing ? await retrievePayment(existing) : await createPayment(amount, currency);
    const nonce = randomBytes(16).toString('base64url');
    // ?lang=fr: the shop's own language (its <html lang>), which locale 'auto' follows first.
    const lang = url.searchParams.get('lang');
    const html = withLang(lang && /^[a-z]{2}(-[A-Z]{2})?$/.test(lang) ? lang : null, render(page.fixture, {
      JS_URL: jsUrl,
      PUBLISHABLE_KEY: url.searchParams.get('key') ?? publishableKey,
      CLIENT_SECRET: payment.client_secret,
      PAYMENT_ID: payment.id,
      RETURN_URL: `${merchantUrl}/return`,
      NONCE: nonce,
    }));
    const frameSrc = page.csp === 'no-frames' ? "'none'" : jsUrl;
    const csp: Record<string, string> = page.csp
      ? { 'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}' ${jsUrl}; frame-src ${frameSrc}; connect-src 'none'; style-src 'nonce-${nonce}'` }
      : {};
    return send(res, 200, 'text/html; charset=utf-8', html, { ...csp, ...page.headers });
  }

  // The deferred checkout (`mode: 'payment'`): no payment until the customer pays (see handlePost).
  if (url.pathname === '/deferred') {
    const html = render('deferred.html', { JS_URL: jsUrl, PUBLISHABLE_KEY: publishableKey, RETURN_URL: `${merchantUrl}/return` });
    return send(res, 200, 'text/html; charset=utf-8', html);
  }

  if (url.pathname === '/return') {
    const items = [...url.searchParams].map(([key, value]) => `<li><code>${escapeHtml(key)}</code>: <output data-param="${escapeHtml(key)}">${escapeHtml(value)}</output></li>`);
    return send(res, 200, 'text/html; charset=utf-8', `<!doctype html><html lang="en"><title>Order return</title><h1>Order return</h1><ul>${items.join('')}</ul>`);
  }

  // Server-side read for assertions: the payment, with the secret key.
  const paymentMatch = /^\/payments\/(pi_[A-Za-z0-9]+)$/.exec(url.pathname);
  if (paymentMatch) {
    const { status, json } = await api('GET', `/v1/payments/${paymentMatch[1]}`);
    return send(res, status, 'application/json', JSON.stringify(json));
  }

  return send(res, 404, 'text/plain', 'not found');
}

/**
 * What the merchant's server does on the customer's demand: `POST /deferred/payments?amount=&currency=`
 * creates the payment of a deferred checkout once its form was submitted; `POST /payments/:id?amount=`
 * changes a payment's amount (the cart changed), which `elements.fetchUpdates()` then shows.
 */
async function handlePost(url: URL, res: ServerResponse): Promise<void> {
  const amount = Number(url.searchParams.get('amount'));
  if (url.pathname === '/deferred/payments') {
    const payment = await createPayment(amount, url.searchParams.get('currency') ?? 'USD');
    return send(res, 200, 'application/json', JSON.stringify({ id: payment.id, client_secret: payment.client_secret }));
  }
  const paymentMatch = /^\/payments\/(pi_[A-Za-z0-9]+)$/.exec(url.pathname);
  if (paymentMatch) {
    const { status, json } = await api('POST', `/v1/payments/${paymentMatch[1]}`, { amount });
    return send(res, status, 'application/json', JSON.stringify(json));
  }
  return send(res, 404, 'text/plain', 'not found');
}

/**
 * result.html on a fresh sandbox account of its own, for suites whose side effects must not reach the
 * stack's shared account (the card-testing limit, checklist D15). `spare` more payments of that account
 * are named in `<meta name="spare-payment">` tags (id and client secret, both page-safe).
 */
async function ownAccountCheckout(spare: number): Promise<string> {
  const created = await fetch(`${apiUrl}/v1/test_helpers/accounts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  const account = ((await created.json()) as { data: { publishable_key: string; secret_key: string } }).data;
  const createFor = async (): Promise<CreatedPayment> => {
    const response = await fetch(`${apiUrl}/v1/payments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${account.secret_key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: 1250, currency: 'USD', description: 'E2E order (own account)' }),
    });
    return ((await response.json()) as { data: CreatedPayment }).data;
  };
  const payment = await createFor();
  const spares = await Promise.all(Array.from({ length: Math.min(spare, 10) }, createFor));
  const html = render('result.html', {
    JS_URL: jsUrl,
    PUBLISHABLE_KEY: account.publishable_key,
    CLIENT_SECRET: payment.client_secret,
    PAYMENT_ID: payment.id,
    RETURN_URL: `${merchantUrl}/return`,
  });
  const metas = spares.map((p) => `<meta name="spare-payment" content="${safeValue(p.client_secret)}">`).join('');
  return html.replace('</head>', `<meta name="publishable-key" content="${safeValue(account.publishable_key)}">${metas}</head>`);
}

async function waitForSandbox(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      await fetch(`${apiUrl}/healthz`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`sandbox at ${apiUrl} never answered`);
}

await waitForSandbox();
createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error('[merchant]', error);
    if (!res.headersSent) send(res, 500, 'text/plain', String(error));
    else res.end();
  });
}).listen(port, process.env.HOST ?? '127.0.0.1', () => {
  console.log(`test merchant on ${merchantUrl} (API ${apiUrl}, JS ${jsUrl})`);
});

/**
 * Shared instruments of the security, fault and accessibility suites (e2e/security-*.spec.ts,
 * csp, keys, faults, a11y): what every frame saw go wrong, which requests left the browser, and a
 * throwaway server on a port of its own for pages of a third origin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { recordFigures } from '../../scripts/figures.ts';
import { stack } from './stack.ts';

interface FrameWatch {
  errors: string[];
  csp: string[];
}

/**
 * Runs in every frame of every page (merchant, Soxara frames, modals, hostile frames) before their own
 * scripts: uncaught errors, unhandled rejections and CSP violations go into a global that
 * `frameReports()` reads back through Playwright, which can evaluate in cross-origin frames.
 */
function watchFrame(): void {
  const key = '__securityWatch';
  const g = globalThis as unknown as Record<string, FrameWatch>;
  if (g[key]) return;
  const watch: FrameWatch = { errors: [], csp: [] };
  Object.defineProperty(globalThis, key, { value: watch, enumerable: false });
  addEventListener('error', (event) => watch.errors.push(`error: ${event.message}`));
  addEventListener('unhandledrejection', (event) => watch.errors.push(`unhandledrejection: ${String(event.reason)}`));
  document.addEventListener(
    'securitypolicyviolation',
    (event) => watch.csp.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.documentURI.slice(0, 80)}`),
    true,
  );
}

export async function watchEveryFrame(context: BrowserContext): Promise<void> {
  await context.addInitScript(watchFrame);
}

export interface FrameReport {
  url: string;
  errors: string[];
  csp: string[];
  /** `({}).polluted` after the run: a `__proto__` payload that reached Object.prototype. */
  polluted: boolean;
  /** False when the watch script did not run there (the figures would then prove nothing). */
  watched: boolean;
}

/** What each live frame of the page recorded. Frames that went away while being read are skipped. */
export async function frameReports(page: Page): Promise<FrameReport[]> {
  const reports: FrameReport[] = [];
  for (const frame of page.frames()) {
    const report = await frame
      .evaluate(() => {
        const watch = (globalThis as unknown as Record<string, FrameWatch | undefined>)['__securityWatch'];
        return {
          url: location.href,
          errors: watch?.errors ?? [],
          csp: watch?.csp ?? [],
          polluted: ({} as Record<string, unknown>)['polluted'] !== undefined,
          watched: watch !== undefined,
        };
      })
      .catch(() => null);
    if (report) reports.push(report);
  }
  return reports;
}

/** Every request the page and its frames make, in order. */
export function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

export const toApi = (request: Request): boolean => request.url().startsWith(stack.apiUrl);
export const isConfirm = (request: Request): boolean => toApi(request) && request.method() === 'POST' && /\/v1\/payments\/pi_\w+\/confirm$/.test(new URL(request.url()).pathname);

/** The payment id inside a client secret (`pi_…_secret_…`). */
export function paymentIdOf(clientSecret: string): string {
  const match = /^(pi_[A-Za-z0-9]+)_secret_/.exec(clientSecret);
  if (!match) throw new Error(`not a client secret: ${clientSecret}`);
  return match[1]!;
}

export interface TinyServer {
  url: string;
  close(): Promise<void>;
}

/** A server on an ephemeral port of `host` (never one of the stack's ports). */
export async function startTinyServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host = '127.0.0.1',
): Promise<TinyServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The secret-key API, as the merchant's server would call it. */
export async function secretApi<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<{ status: number; data: T }> {
  const response = await fetch(`${stack.apiUrl}${route}`, {
    method,
    headers: { Authorization: `Bearer ${stack.secretKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json().catch(() => null)) as { data?: T } | null;
  return { status: response.status, data: json?.data as T };
}

// The suites read a payment's events through the one paged reader.
export { eventsOf, succeededEvents, type PaymentEvent } from './events.ts';

export async function createPayment(amount = 1250, currency: 'USD' | 'LRD' = 'USD'): Promise<{ id: string; client_secret: string }> {
  const { status, data } = await secretApi<{ id: string; client_secret: string }>('POST', '/v1/payments', { amount, currency, description: 'security suite' });
  if (status !== 200) throw new Error(`create payment: HTTP ${status}`);
  return data;
}

export interface FixturePage {
  /** A file in e2e/support/fixtures (security-*.html) with `{{PLACEHOLDERS}}`. */
  fixture: string;
  /** How many fresh payments the page gets: {{CLIENT_SECRET_1}}, {{PAYMENT_ID_1}}, … */
  payments?: number;
  /** Response headers, given the page's nonce (e.g. a CSP). */
  headers?: (nonce: string) => Record<string, string>;
}

export interface FixtureServer extends TinyServer {
  /** Page URL; extra `{{NAME}}` values may come in the query (`?KEY=…`). */
  pageUrl(path: string, query?: Record<string, string>): string;
}

/**
 * A merchant of its own: serves the security fixtures on an ephemeral port (reached as `localhost`, so
 * the frames on 127.0.0.1 stay cross-site), each visit with fresh payments created with the secret key.
 * `/return` echoes its query, like the test merchant's return page.
 */
export async function startFixtureServer(pages: Record<string, FixturePage>, host = 'localhost', bindHost = '127.0.0.1'): Promise<FixtureServer> {
  const { randomBytes } = await import('node:crypto');
  const fixtures = new URL('./fixtures/', import.meta.url);
  let origin = '';
  const server = await startTinyServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/return') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        const items = [...url.searchParams].map(([k, v]) => `<li>${k.replace(/\W/g, '')}: <output data-param="${k.replace(/\W/g, '')}">${v.replace(/[^\w.-]/g, '')}</output></li>`);
        res.end(`<!doctype html><html lang="en"><title>Return</title><h1>Return</h1><ul>${items.join('')}</ul></html>`);
        return;
      }
      const page = pages[url.pathname];
      if (!page) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      const nonce = randomBytes(16).toString('base64url');
      const values: Record<string, string> = { JS_URL: stack.jsUrl, PUBLISHABLE_KEY: stack.publishableKey, NONCE: nonce, RETURN_URL: `${origin}/return` };
      for (const [name, value] of url.searchParams) if (/^[A-Z_]+$/.test(name)) values[name] = value;
      for (let i = 1; i <= (page.payments ?? 1); i++) {
        const payment = await createPayment();
        values[`CLIENT_SECRET_${i}`] = payment.client_secret;
        values[`PAYMENT_ID_${i}`] = payment.id;
      }
      const html = readFileSync(new URL(page.fixture, fixtures), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`${page.fixture}: no value for {{${name}}}`);
        if (!/^[\w:/.?=&%+-]*$/.test(value)) throw new Error(`unsafe template value: ${value}`);
        return value;
      });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...(page.headers?.(nonce) ?? {}) });
      res.end(html);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  }, bindHost);
  origin = server.url.replace(bindHost, host);
  return { ...server, url: origin, pageUrl: (path, query = {}) => `${origin}${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}` };
}

/**
 * Adds `deltas` to this test run's running totals of `suite` and records the totals as figures.
 * Playwright restarts a worker after a failed test (module state is lost), so the totals live in a
 * file keyed by the runner's pid (every worker's parent): each test's contribution survives restarts.
 */
export function accumulateFigures(suite: string, deltas: Record<string, number>, notes: Record<string, string> = {}): void {
  const file = join(tmpdir(), `soxara-figures-${suite}-${process.ppid}.json`);
  let totals: Record<string, number> = {};
  try {
    totals = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    // First test of the run.
  }
  for (const [metric, value] of Object.entries(deltas)) totals[metric] = (totals[metric] ?? 0) + value;
  writeFileSync(file, JSON.stringify(totals));
  recordFigures(suite, totals, notes);
}

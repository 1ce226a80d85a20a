/**
 * The HTML shell of the simulator pages (3DS challenge, wallet app, MoMo phone). They are embedded by the
 * frames origin, which differs per environment, hence `frame-ancestors *`; nothing else may load.
 * `no-referrer` keeps the per-attempt token in the URL from leaking to the merchant's return_url.
 *
 * The 3-D Secure challenge is an iframe inside the Soxara modal frame, which sends
 * `Cross-Origin-Embedder-Policy: require-corp` so that cross-origin isolated merchants can embed it
 * (security.md §3.7, checklist C4). Under a COEP document, Chromium loads a cross-origin iframe only if its
 * response sends a COEP of its own *and* `Cross-Origin-Resource-Policy: cross-origin`; with either
 * missing the challenge is blocked (net::ERR_BLOCKED_BY_RESPONSE) for every merchant, isolated or not.
 * The pages load nothing but inline styles and data: images, so their own COEP constrains nothing.
 * All simulator pages share the shell and so the headers; for top-level pages (wallet, MoMo) they are
 * inert.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Currency } from '@soxara/protocol';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors *";

const SIMULATOR_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'cross-origin',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function formatAmount(amount: number, currency: Currency): string {
  const major = (amount / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return currency === 'USD' ? `US$${major}` : `L$${major}`;
}

export interface PageContent {
  title: string;
  /** Trusted HTML: callers escape every value they interpolate. */
  body: string;
}

export function renderPage(c: Context, page: PageContent, status: ContentfulStatusCode = 200): Response {
  for (const [name, value] of Object.entries(SIMULATOR_PAGE_HEADERS)) c.header(name, value);
  return c.html(
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Soxara sandbox</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 24px; color: #1a1a2e; background: #f6f7fb; }
  main { max-width: 420px; margin: 0 auto; background: #fff; border-radius: 12px; padding: 24px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
  h1 { font-size: 1.25rem; margin: 0 0 12px; }
  .badge { display: inline-block; font-size: .75rem; background: #fff3cd; color: #664d03; border-radius: 4px; padding: 2px 8px; margin-bottom: 12px; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 16px 0; }
  dt { color: #555; }
  dd { margin: 0; font-weight: 600; }
  .actions { display: flex; gap: 12px; margin-top: 20px; }
  .actions form { flex: 1; }
  button { width: 100%; font: inherit; font-weight: 600; padding: 12px; border-radius: 8px; border: 2px solid transparent; cursor: pointer; }
  button:focus-visible { outline: 3px solid #1a56db; outline-offset: 2px; }
  .approve { background: #0e7a3a; color: #fff; }
  .decline { background: #fff; color: #a4161a; border-color: #a4161a; }
</style>
</head>
<body>
<main>
<p class="badge">Test mode · Soxara sandbox</p>
${page.body}
</main>
</body>
</html>`,
    status,
  );
}

/** Two real forms, so the page works without JavaScript and with a keyboard or screen reader. */
export function decisionForms(action: string, approveLabel: string, declineLabel: string, hidden: Record<string, string> = {}): string {
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<div class="actions">
<form method="post" action="${escapeHtml(action)}">${fields}<input type="hidden" name="outcome" value="approve"><button class="approve" type="submit">${escapeHtml(approveLabel)}</button></form>
<form method="post" action="${escapeHtml(action)}">${fields}<input type="hidden" name="outcome" value="decline"><button class="decline" type="submit">${escapeHtml(declineLabel)}</button></form>
</div>`;
}

export function notFoundPage(c: Context): Response {
  return renderPage(
    c,
    { title: 'Not found', body: '<h1>This link is not valid</h1><p>It may be mistyped, or it belongs to another attempt.</p>' },
    404,
  );
}

export function finishedPage(c: Context, heading: string, text: string): Response {
  return renderPage(c, { title: heading, body: `<h1 role="status">${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p>` });
}

export async function readOutcome(c: Context): Promise<{ outcome: 'approve' | 'decline' | null; embedded: boolean }> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const outcome = form['outcome'];
  return {
    outcome: outcome === 'approve' || outcome === 'decline' ? outcome : null,
    embedded: form['embedded'] === '1' || c.req.query('embedded') === '1',
  };
}

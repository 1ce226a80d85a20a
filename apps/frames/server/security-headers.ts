/**
 * Headers of the frame documents. The CSP goes in a header, not a <meta>: `frame-ancestors` is
 * ignored in <meta> (security.md §3.1/3.3). `frame-ancestors *` because every merchant must be able
 * to embed the fields; the frames check their real parent themselves (handshake, ancestorOrigins).
 * No 'unsafe-inline' anywhere: Vite emits scripts and styles as files, and styles set at run time go
 * through the CSSOM, which CSP does not block.
 *
 * Cross-origin isolation (security.md §3.7, checklist C4; Stripe.js got it wrong, stripe-js#417, #634):
 * on a merchant page with `Cross-Origin-Embedder-Policy` (require-corp or credentialless), Chromium
 * loads a cross-origin iframe only if its document sends `Cross-Origin-Resource-Policy: cross-origin`
 * and a COEP of its own, else net::ERR_BLOCKED_BY_RESPONSE. `require-corp` rather than `credentialless`
 * because it satisfies both merchant policies and Safari knows only `require-corp`. It is harmless on
 * ordinary pages and binds only what the frames themselves load: their own assets (same origin), the
 * API (CORS), inline-SVG QR codes, system fonts, and the 3-D Secure challenge, which the sandbox serves
 * with COEP and CORP for this reason (packages/sandbox/src/simulators/page.ts). No COOP: it means nothing
 * in an iframe.
 */
export function frameDocumentHeaders(apiOrigin: string): Record<string, string> {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${apiOrigin}`,
    `frame-src ${apiOrigin}`,
    "img-src 'self' data:",
    "font-src 'self'",
    'frame-ancestors *',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cache-Control': 'no-cache',
    'Content-Type': 'text/html; charset=utf-8',
  };
}

/**
 * Headers every response shares (scripts, assets, errors). CORP `cross-origin` is what lets a merchant
 * page under `COEP: require-corp` run `<script src=".../v1">`, a no-cors load COEP otherwise blocks.
 */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/**
 * The JS origin's response headers, per kind of path: the one definition both ways of serving the
 * origin read. The Node server (app.ts) sends them; the static CDN build (cdn/) writes them into its
 * `_headers` file and its nginx include. cdn/served-alike.test.ts holds all three to this table.
 *
 * Frame documents. The CSP goes in a header, not a <meta>: `frame-ancestors` is ignored in <meta>
 * (security.md §3.1/3.3). `frame-ancestors *` because every merchant must be able to embed the
 * fields; the frames check their real parent themselves (handshake, ancestorOrigins). `script-src`
 * names the hash of each script the page loads, and the page pins each one with the same
 * `integrity` (frame-pages.ts): stricter than `'self'`, which would let the card frame run any
 * script of this origin (another frame's, or the merchant script) if anything ever injected a tag.
 * External scripts match a hash source through their `integrity` since Chrome 59, Firefox 116 and
 * Safari 15.6. Each frame is one script (vite.config.ts; test/size.test.ts checks the card frame
 * imports no chunk), so the list is complete. No 'unsafe-inline' anywhere: Vite emits scripts and
 * styles as files, and styles set at run time go through the CSSOM, which CSP does not block.
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
 *
 * Everything else: CORP `cross-origin` is what lets a merchant page under `COEP: require-corp` run
 * `<script src=".../v1">`, a no-cors load COEP otherwise blocks. CORS `*` on the scripts is what
 * `<script integrity crossorigin="anonymous">` needs (an opaque response cannot be hashed).
 */

export type JsOriginRoute =
  /** `/v1`: the merchant script, evergreen. */
  | { kind: 'script' }
  /** `/v1/soxara.<16 hex>.js`: the same bytes under their content address, for SRI (pinned-script.ts). */
  | { kind: 'pinned-script' }
  /** `/v1/integrity.json`: `{ url, integrity }` of the current build. */
  | { kind: 'integrity-manifest' }
  /** `/frames/<page>.html`, with the API origin it may talk to and the integrity of each script it loads. */
  | { kind: 'frame-page'; apiOrigin: string; scriptIntegrity: readonly string[] }
  /** `/frames/assets/<name>`: named by its content hash, so it never changes behind its URL. */
  | { kind: 'frame-asset'; contentType: string }
  /**
   * Any other path, or a file not (yet) there. `no-store`: what is missing now may be the next
   * deploy's (a pinned build, a page's new assets), so no cache may keep the 404.
   */
  | { kind: 'not-found' };

export const CACHE_CONTROL = {
  /** How long a release takes to reach every page that loads `/v1`. */
  evergreen: 'public, max-age=300',
  immutable: 'public, max-age=31536000, immutable',
  /** Kept, but asked again each time (ETag / Last-Modified): it names the current build. */
  revalidate: 'no-cache',
} as const;

export const SCRIPT_CONTENT_TYPE = 'text/javascript; charset=utf-8';

/** The asset types served under /frames/assets/; anything else there is a 404. */
export const ASSET_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': SCRIPT_CONTENT_TYPE,
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** On every response of the origin, errors included. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

export function responseHeaders(route: JsOriginRoute): Record<string, string> {
  switch (route.kind) {
    case 'script':
      return { 'Content-Type': SCRIPT_CONTENT_TYPE, 'Cache-Control': CACHE_CONTROL.evergreen, 'Access-Control-Allow-Origin': '*', ...COMMON_HEADERS };
    case 'pinned-script':
      return { 'Content-Type': SCRIPT_CONTENT_TYPE, 'Cache-Control': CACHE_CONTROL.immutable, 'Access-Control-Allow-Origin': '*', ...COMMON_HEADERS };
    case 'integrity-manifest':
      return { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': CACHE_CONTROL.revalidate, 'Access-Control-Allow-Origin': '*', ...COMMON_HEADERS };
    case 'frame-asset':
      return { 'Content-Type': route.contentType, 'Cache-Control': CACHE_CONTROL.immutable, 'Access-Control-Allow-Origin': '*', ...COMMON_HEADERS };
    case 'not-found':
      return { 'Cache-Control': 'no-store', ...COMMON_HEADERS };
    case 'frame-page':
      return {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': CACHE_CONTROL.revalidate,
        'Content-Security-Policy': frameContentSecurityPolicy(route.apiOrigin, route.scriptIntegrity),
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
        ...COMMON_HEADERS,
      };
  }
}

function frameContentSecurityPolicy(apiOrigin: string, scriptIntegrity: readonly string[]): string {
  // A page with no pinned script may run none: a script that could not be hashed stays blocked.
  const scripts = scriptIntegrity.length > 0 ? scriptIntegrity.map((hash) => `'${hash}'`).join(' ') : "'none'";
  return [
    "default-src 'none'",
    `script-src ${scripts}`,
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
}

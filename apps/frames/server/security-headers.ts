/**
 * Headers of the frame documents. The CSP goes in a header, not a <meta>: `frame-ancestors` is
 * ignored in <meta> (security.md §3.1/3.3). `frame-ancestors *` because every merchant must be able
 * to embed the fields; the frames check their real parent themselves (handshake, ancestorOrigins).
 * No 'unsafe-inline' anywhere: Vite emits scripts and styles as files, and styles set at run time go
 * through the CSSOM, which CSP does not block.
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
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cache-Control': 'no-cache',
    'Content-Type': 'text/html; charset=utf-8',
  };
}

/** Headers every response shares (scripts, assets, errors). */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

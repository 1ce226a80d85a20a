/**
 * The shop's security headers: a strict CSP that lets scripts and frames come only from the page's
 * own origin (or its nonce) and Soxara's JS origin. The page never talks to the API itself, so
 * `connect-src` is the shop's own. Shared by the React shop (apps/react-demo), whose bundle is a file
 * of its own origin rather than a nonced inline script.
 */
import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/** `'nonce'`: inline scripts carry the request's nonce; `'self'`: scripts are files of the shop's origin. */
export function shopSecurityHeaders(jsUrl: string, scripts: 'nonce' | 'self'): MiddlewareHandler {
  const js = new URL(jsUrl).origin;
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: [scripts === 'nonce' ? NONCE : "'self'", js],
      frameSrc: [js],
      connectSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
    // The wallet's universal link may open in a new tab; the opener relation is not needed but allowed.
    crossOriginOpenerPolicy: 'same-origin-allow-popups',
  });
}

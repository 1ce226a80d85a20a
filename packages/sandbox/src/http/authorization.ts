/**
 * The API key of a request's `Authorization` header: `Bearer <key>`, or HTTP Basic with the key as the
 * user name and any password (Stripe's `curl -u sxs_test_…:`), so that copied curl lines work. One
 * reading for authentication and for the idempotency scope, so the two never disagree about a key.
 */

export type AuthorizationKey =
  | { ok: true; key: string }
  | { ok: false; code: 'missing_api_key' | 'invalid_authorization_header'; message: string };

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const BASIC = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i;

function basicUser(credentials: string): string | null {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  const user = decoded.slice(0, colon);
  return /^\S+$/.test(user) ? user : null;
}

export function keyFromAuthorization(header: string | undefined): AuthorizationKey {
  if (!header || header.trim() === '') {
    return {
      ok: false,
      code: 'missing_api_key',
      message: 'No API key provided: send "Authorization: Bearer <key>" (or Basic auth with the key as user name).',
    };
  }
  const bearer = BEARER.exec(header)?.[1];
  if (bearer) return { ok: true, key: bearer };
  const basic = BASIC.exec(header)?.[1];
  const user = basic ? basicUser(basic) : null;
  if (user) return { ok: true, key: user };
  return {
    ok: false,
    code: 'invalid_authorization_header',
    message: 'The Authorization header must be "Bearer <key>", or Basic with the key as user name ("<key>:").',
  };
}

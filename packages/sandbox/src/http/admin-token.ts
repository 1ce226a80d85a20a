/**
 * The admin token of the account-making test helper. On loopback every caller is on this machine, and
 * anyone there may make accounts. A sandbox that listens beyond loopback would let anyone who reaches it
 * make an account, and with it webhook endpoints that make the sandbox send requests into its network;
 * so there, or wherever SOXARA_ADMIN_TOKEN is set, `POST /v1/test_helpers/accounts` asks for
 * `Authorization: Bearer <SOXARA_ADMIN_TOKEN>`, and without a configured token it makes none.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from './env.ts';
import { ApiError, authenticationError } from './errors.ts';
import { isLoopbackHost } from '../webhooks/address-policy.ts';

/** Equal-length digests, so that the comparison takes the same time whatever the guess. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function requireAdminToken(deps: Deps): MiddlewareHandler<AppEnv> {
  const expected = deps.config.adminToken;
  const exposed = !isLoopbackHost(deps.config.host);
  return async (c, next) => {
    if (expected === null) {
      if (!exposed) return next();
      throw new ApiError(403, {
        type: 'authentication_error',
        code: 'admin_token_not_configured',
        message: 'This sandbox listens beyond loopback, so making accounts needs an admin token: start it with SOXARA_ADMIN_TOKEN set.',
      });
    }
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (given === undefined || !sameToken(given, expected)) {
      throw authenticationError('invalid_admin_token', 'Making accounts needs "Authorization: Bearer <SOXARA_ADMIN_TOKEN>".');
    }
    return next();
  };
}

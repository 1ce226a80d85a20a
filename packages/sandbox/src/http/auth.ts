/**
 * API-key authentication (Bearer, or Basic with the key as user name: authorization.ts). `requireKey`
 * accepts either key kind (the browser routes); `requireSecretKey` only the secret key.
 * Each refusal says what is wrong with the key, never which keys exist.
 */
import type { MiddlewareHandler } from 'hono';
import { parseKey } from '@soxara/protocol';
import type { AppEnv, Deps, KeyKind } from './env.ts';
import { authenticationError, permissionError } from './errors.ts';
import { findAccountByKey } from '../store/accounts.ts';
import { keyFromAuthorization } from './authorization.ts';

function authenticate(deps: Deps, header: string | undefined): { account: AppEnv['Variables']['account']; kind: KeyKind } {
  const read = keyFromAuthorization(header);
  if (!read.ok) throw authenticationError(read.code, read.message);
  const key = read.key;
  const parsed = parseKey(key);
  if (!parsed) {
    throw authenticationError(
      'invalid_api_key',
      'Malformed API key: keys look like sxs_test_… (secret) or sxm_test_… (publishable).',
    );
  }
  if (parsed.mode === 'live') {
    throw authenticationError('live_key_in_sandbox', 'live keys cannot be used with the sandbox: use a sxs_test_/sxm_test_ key.');
  }
  const account = findAccountByKey(deps.db, key);
  if (!account) throw authenticationError('invalid_api_key', 'Unknown API key: no sandbox account has this key.');
  return { account, kind: parsed.kind };
}

export function requireKey(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { account, kind } = authenticate(deps, c.req.header('authorization'));
    c.set('account', account);
    c.set('keyKind', kind);
    await next();
  };
}

export function requireSecretKey(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { account, kind } = authenticate(deps, c.req.header('authorization'));
    if (kind !== 'secret') {
      throw permissionError('This route needs a secret key (sxs_test_…); publishable keys are for the browser only.');
    }
    c.set('account', account);
    c.set('keyKind', kind);
    await next();
  };
}

/**
 * `X-Idempotency-Key` on any POST (DESIGN.md "Idempotency", research/security.md §4.1), or Stripe's
 * `Idempotency-Key`, its synonym; both at once with different values is a 400, as neither can be chosen.
 *
 * Mounted once for the whole API, before the route modules, so every POST gets it without each module
 * opting in. It resolves the account from the bearer key itself (scope = account + key kind); requests
 * without a key that resolves pass through untouched (they fail authentication downstream, or are the
 * unauthenticated test helper that makes accounts).
 *
 * - same key + same route + same body → the stored status and body, byte for byte;
 * - same key + anything different → 400 idempotency_error / idempotency_key_reused;
 * - a request arriving while the first is still running waits for it (in-process) and replays its answer
 *   (409 idempotency_key_in_use only if that keeps failing); a reservation left by a crashed run is retaken;
 * - only answers that follow a change are stored: 2xx, and 402 (a declined attempt is recorded on the
 *   payment). Every other 4xx happens before anything changes (validation, state checks roll back), so,
 *   as with Stripe, the key stays free and the client may retry with corrected parameters; 5xx answers
 *   are not stored either, so the client may retry them.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { parseKey } from '@soxara/protocol';
import type { AppEnv, Deps, IdempotencySlot } from './env.ts';
import { ApiError, conflict, errorEnvelope, invalidRequest } from './errors.ts';
import { findAccountByKey } from '../store/accounts.ts';
import { keyFromAuthorization } from './authorization.ts';
import { readBodyText } from './body.ts';
import { completeKey, releaseKey, reserveKey, type IdempotencyRow } from '../store/idempotency.ts';

function idempotencyKeyOf(c: Context): string | undefined {
  const ours = c.req.header('x-idempotency-key');
  const stripes = c.req.header('idempotency-key');
  if (ours !== undefined && stripes !== undefined && ours !== stripes) {
    throw invalidRequest(
      'idempotency_key_conflict',
      'X-Idempotency-Key and Idempotency-Key are synonyms but carry different values: send one of them.',
    );
  }
  return ours ?? stripes;
}
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function scopeOf(deps: Deps, authorization: string | undefined): string | null {
  const read = keyFromAuthorization(authorization);
  const key = read.ok ? read.key : null;
  const parsed = key ? parseKey(key) : null;
  if (!key || !parsed || parsed.mode !== 'test') return null;
  const account = findAccountByKey(deps.db, key);
  return account ? `${account.id}:${parsed.kind}` : null;
}

/** Equal JSON bodies written with different spacing or key order count as the same body. */
function canonicalBody(text: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function replay(row: IdempotencyRow): Response {
  return new Response(row.body, {
    status: row.status ?? 200,
    headers: { 'content-type': row.content_type ?? 'application/json', 'idempotent-replayed': 'true' },
  });
}

function errorResponse(error: ApiError, requestId: string | undefined): Response {
  return new Response(JSON.stringify(errorEnvelope(error.body, requestId)), {
    status: error.status,
    headers: { ...error.headers, 'content-type': 'application/json' },
  });
}

function isStored(status: number): boolean {
  return (status >= 200 && status < 400) || status === 402;
}

export function idempotency(deps: Deps): MiddlewareHandler<AppEnv> {
  // Requests in flight in this process, so that a concurrent duplicate can wait for the first.
  const running = new Map<string, Promise<void>>();

  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = idempotencyKeyOf(c);
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw invalidRequest(
        'idempotency_key_invalid',
        'X-Idempotency-Key (or Idempotency-Key) must be 1 to 255 visible ASCII characters.',
      );
    }
    const scope = scopeOf(deps, c.req.header('authorization'));
    if (scope === null) return next();

    const bodyText = await readBodyText(c);
    const fingerprint = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n${canonicalBody(bodyText)}`)
      .digest('hex');
    const slot = `${scope}\n${key}`;

    const reused = (): ApiError =>
      new ApiError(400, {
        type: 'idempotency_error',
        code: 'idempotency_key_reused',
        message: 'This idempotency key was already used with a different route or body. Use a new key for a new request.',
      });

    // A duplicate that waited for the first request reserves again: the first may have released the key.
    for (let attempt = 0; ; attempt++) {
      const reservation = reserveKey(deps.db, scope, key, fingerprint, Date.now());
      if (reservation.kind === 'reserved') break;
      if (reservation.row.fingerprint !== fingerprint) return errorResponse(reused(), c.var.requestId);
      if (reservation.row.state === 'done') return replay(reservation.row);
      if (attempt >= 3) {
        return errorResponse(
          conflict('idempotency_key_in_use', 'A request with this idempotency key is still in progress; retry shortly.'),
          c.var.requestId,
        );
      }
      const first = running.get(slot);
      // One process owns the database: a reservation nobody here is running was left by a crashed run.
      if (first) await first;
      else releaseKey(deps.db, scope, key);
    }

    let finish = (): void => {};
    running.set(slot, new Promise<void>((resolve) => (finish = resolve)));
    const reserved: IdempotencySlot = { scope, key, stored: false };
    c.set('idempotency', reserved);
    try {
      await next();
      // Routes that change state store their answer in the change's own transaction (respond.ts commit).
      if (reserved.stored) return;
      const status = c.res.status;
      if (!isStored(status)) {
        releaseKey(deps.db, scope, key);
        return;
      }
      const text = await c.res.text();
      const contentType = c.res.headers.get('content-type') ?? 'application/json';
      completeKey(deps.db, scope, key, status, text, contentType);
      c.res = new Response(text, { status, headers: c.res.headers });
    } catch (error) {
      releaseKey(deps.db, scope, key);
      throw error;
    } finally {
      running.delete(slot);
      finish();
    }
  };
}

/** Key formats of the contract: `sxm_` publishable (browser), `sxs_` secret (server). */

export const PUBLISHABLE_KEY_PATTERN = /^sxm_(test|live)_[A-Za-z0-9]{8,99}$/;
export const SECRET_KEY_PATTERN = /^sxs_(test|live)_[A-Za-z0-9]{8,99}$/;

export type KeyKind = 'publishable' | 'secret';
export type KeyMode = 'test' | 'live';

export function parseKey(key: string): { kind: KeyKind; mode: KeyMode } | null {
  const publishable = PUBLISHABLE_KEY_PATTERN.exec(key);
  if (publishable) return { kind: 'publishable', mode: publishable[1] as KeyMode };
  const secret = SECRET_KEY_PATTERN.exec(key);
  if (secret) return { kind: 'secret', mode: secret[1] as KeyMode };
  return null;
}

/** `pi_<id>_secret_<random>`: the payment id is recoverable from the client secret, as with Stripe. */
export const CLIENT_SECRET_PATTERN = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/;

export function paymentIdFromClientSecret(clientSecret: string): string | null {
  return CLIENT_SECRET_PATTERN.exec(clientSecret)?.[1] ?? null;
}

/**
 * The webhook signature scheme, the one implementation of it: the sandbox signs every delivery with
 * `signatureHeader`, the server SDK's `constructEvent` verifies with `checkSignature`.
 *
 * `Soxara-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>[,v1=…]`.
 * As Stripe's scheme: only `v1` counts, so a downgrade to another scheme is impossible; several `v1`
 * entries are accepted while a secret is being rolled; the timestamp is inside the signed content, so a
 * captured delivery cannot be replayed outside the tolerance. Unlike stripe-node we also reject
 * timestamps too far in the future, which a replay window must bound too.
 *
 * Server-only (node:crypto): a subpath of its own (`@soxara/protocol/signature`), so that the browser
 * bundles, which import the package's main entry, never see it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Soxara-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const SCHEME = 'v1';
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/** Hex HMAC-SHA256 of `"<timestamp>.<body>"`, keyed by the endpoint secret. */
export function signPayload(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export interface SignatureHeaderInput {
  payload: string | Buffer;
  secret: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
}

/** The value of a `Soxara-Signature` header for `payload`. */
export function signatureHeader({ payload, secret, timestamp = nowSeconds() }: SignatureHeaderInput): string {
  return `t=${timestamp},${SCHEME}=${signPayload(secret, timestamp, payload)}`;
}

export interface VerifyOptions {
  /** Seconds a signature stays valid either side of now. Must be > 0: 0 would disable the replay check. */
  tolerance?: number;
  /** Unix seconds to compare against; for tests. Defaults to now. */
  now?: number;
}

export const SIGNATURE_ERROR_CODES = [
  'missing_header',
  'malformed_header',
  'no_signatures',
  'signature_mismatch',
  'timestamp_outside_tolerance',
  'invalid_payload',
] as const;
export type SignatureErrorCode = (typeof SIGNATURE_ERROR_CODES)[number];

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; code: SignatureErrorCode; message: string };

type ParsedHeader = { ok: true; timestamp: number; signatures: string[] } | Extract<SignatureCheck, { ok: false }>;

const refuse = (code: SignatureErrorCode, message: string) => ({ ok: false, code, message }) as const;

function parseHeader(header: unknown): ParsedHeader {
  if (typeof header !== 'string' || header.trim() === '') return refuse('missing_header', `No ${SIGNATURE_HEADER} header`);
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return refuse('malformed_header', `Malformed ${SIGNATURE_HEADER} header`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === 't') {
      // Two timestamps would let an attacker pick which one a lenient parser reads.
      if (timestamp !== undefined || !UNIX_SECONDS.test(value)) return refuse('malformed_header', `Malformed timestamp in ${SIGNATURE_HEADER} header`);
      timestamp = Number(value);
    } else if (key === SCHEME) {
      signatures.push(value);
    }
  }
  if (timestamp === undefined) return refuse('malformed_header', `No timestamp in ${SIGNATURE_HEADER} header`);
  if (signatures.length === 0) return refuse('no_signatures', `No ${SCHEME} signature in ${SIGNATURE_HEADER} header`);
  return { ok: true, timestamp, signatures };
}

function matchesAny(expectedHex: string, candidates: string[]): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  let matched = false;
  // Compare every candidate (no early exit) so timing says nothing about which one matched.
  for (const candidate of candidates) {
    if (!HEX_SHA256.test(candidate)) continue;
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) matched = true;
  }
  return matched;
}

/**
 * Whether `header` is a valid, fresh signature of `payload` (the raw body, as received). A bad signature
 * is an answer, not an exception; a misuse of the function itself (tolerance 0, no secret) throws.
 */
export function checkSignature(payload: string | Buffer, header: unknown, secret: string, options: VerifyOptions = {}): SignatureCheck {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
  if (!(tolerance > 0) || !Number.isFinite(tolerance)) {
    throw new RangeError('tolerance must be a positive number of seconds; 0 would disable the replay check');
  }
  if (typeof secret !== 'string' || secret === '') throw new TypeError('A webhook endpoint secret (whsec_…) is required');
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
    return refuse('invalid_payload', 'The payload must be the raw request body (string or Buffer), not parsed JSON');
  }
  const parsed = parseHeader(header);
  if (!parsed.ok) return parsed;
  if (!matchesAny(signPayload(secret, parsed.timestamp, payload), parsed.signatures)) {
    return refuse('signature_mismatch', 'No signature matches the expected signature for the payload');
  }
  const now = options.now ?? nowSeconds();
  if (Math.abs(now - parsed.timestamp) > tolerance) return refuse('timestamp_outside_tolerance', 'The signature timestamp is outside the tolerance zone');
  return { ok: true, timestamp: parsed.timestamp };
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

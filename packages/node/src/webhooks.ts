/**
 * Webhook signing and verification: the one implementation in the repo (the sandbox signs with
 * `signatureHeader`, merchants verify with `constructEvent`).
 *
 * `Soxara-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>[,v1=…]`.
 * As Stripe's scheme (shared/research/security.md §4.4): only `v1` counts, so a downgrade to another
 * scheme is impossible; several `v1` entries are accepted while a secret is being rolled; the timestamp
 * is inside the signed content, so a captured delivery cannot be replayed outside the tolerance. Unlike
 * stripe-node we also reject timestamps too far in the future, which a replay window must bound too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SoxaraEvent } from '@soxara/protocol/rest';
import { SoxaraSignatureVerificationError } from './errors.ts';

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

interface ParsedHeader {
  timestamp: number;
  signatures: string[];
}

function fail(code: string, message: string): never {
  throw new SoxaraSignatureVerificationError({ code, message });
}

function parseHeader(header: unknown): ParsedHeader {
  if (typeof header !== 'string' || header.trim() === '') fail('missing_header', `No ${SIGNATURE_HEADER} header`);
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) fail('malformed_header', `Malformed ${SIGNATURE_HEADER} header`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === 't') {
      // Two timestamps would let an attacker pick which one a lenient parser reads.
      if (timestamp !== undefined || !UNIX_SECONDS.test(value)) fail('malformed_header', `Malformed timestamp in ${SIGNATURE_HEADER} header`);
      timestamp = Number(value);
    } else if (key === SCHEME) {
      signatures.push(value);
    }
  }
  if (timestamp === undefined) fail('malformed_header', `No timestamp in ${SIGNATURE_HEADER} header`);
  if (signatures.length === 0) fail('no_signatures', `No ${SCHEME} signature in ${SIGNATURE_HEADER} header`);
  return { timestamp, signatures };
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

/** Throws `SoxaraSignatureVerificationError` unless `header` is a valid, fresh signature of `payload`. */
export function verifyHeader(payload: string | Buffer, header: unknown, secret: string, options: VerifyOptions = {}): void {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE_SECONDS;
  if (!(tolerance > 0) || !Number.isFinite(tolerance)) {
    throw new RangeError('tolerance must be a positive number of seconds; 0 would disable the replay check');
  }
  if (typeof secret !== 'string' || secret === '') throw new TypeError('A webhook endpoint secret (whsec_…) is required');
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
    fail('invalid_payload', 'The payload must be the raw request body (string or Buffer), not parsed JSON');
  }
  const { timestamp, signatures } = parseHeader(header);
  if (!matchesAny(signPayload(secret, timestamp, payload), signatures)) {
    fail('signature_mismatch', 'No signature matches the expected signature for the payload');
  }
  const now = options.now ?? nowSeconds();
  if (Math.abs(now - timestamp) > tolerance) fail('timestamp_outside_tolerance', 'The signature timestamp is outside the tolerance zone');
}

/** Verifies the signature, then parses the body into the event. */
export function constructEvent(
  rawBody: string | Buffer,
  signatureHeaderValue: string | undefined,
  secret: string,
  options: VerifyOptions = {},
): SoxaraEvent {
  verifyHeader(rawBody, signatureHeaderValue, secret, options);
  const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  try {
    return JSON.parse(text) as SoxaraEvent;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return fail('invalid_payload', `The signed payload is not JSON: ${message}`);
  }
}

/** A header for `payload` as the sandbox would send it; for merchants' tests of their handlers. */
export function generateTestHeaderString(input: SignatureHeaderInput): string {
  return signatureHeader(input);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The `webhooks` namespace of the SDK, as `soxara.webhooks` or a named import. */
export const webhooks = {
  constructEvent,
  verifyHeader,
  signPayload,
  signatureHeader,
  generateTestHeaderString,
  SIGNATURE_HEADER,
  DEFAULT_TOLERANCE_SECONDS,
} as const;

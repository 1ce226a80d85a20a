/**
 * Webhook verification for merchants, in stripe-node's shape: `constructEvent` is synchronous and throws
 * `SoxaraSignatureVerificationError` (with the code of what failed) unless the delivery is genuine.
 * The scheme itself (header format, HMAC, tolerance) is `@soxara/protocol/signature`, which the sandbox
 * signs with, so the two cannot drift.
 */
import type { SoxaraEvent } from '@soxara/protocol/rest';
import {
  checkSignature,
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signatureHeader,
  signPayload,
  type SignatureErrorCode,
  type SignatureHeaderInput,
  type VerifyOptions,
} from '@soxara/protocol/signature';
import { SoxaraSignatureVerificationError } from './errors.ts';

export { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, signatureHeader, signPayload, type SignatureHeaderInput, type VerifyOptions };

function fail(code: SignatureErrorCode, message: string): never {
  throw new SoxaraSignatureVerificationError({ code, message });
}

/** Throws `SoxaraSignatureVerificationError` unless `header` is a valid, fresh signature of `payload`. */
export function verifyHeader(payload: string | Buffer, header: unknown, secret: string, options: VerifyOptions = {}): void {
  const check = checkSignature(payload, header, secret, options);
  if (!check.ok) fail(check.code, check.message);
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

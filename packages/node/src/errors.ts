/**
 * The errors the SDK throws. Each class has a literal `type`, so callers can branch on `err.type` (or
 * `instanceof`) instead of matching messages. API errors carry the wire error as `raw`.
 */
import type { ApiErrorBody, ErrorType } from '@soxara/protocol/rest';

export interface SoxaraErrorFields {
  message: string;
  code?: string | undefined;
  param?: string | undefined;
  statusCode?: number | undefined;
  declineCode?: string | undefined;
  /** The answer's `Request-Id` (`req_…`): quote it when asking why a call failed. */
  requestId?: string | undefined;
  raw?: unknown;
}

/**
 * The contract's error types a server meets (`validation_error` is caught in the browser only), and the
 * SDK's own: a webhook whose signature does not verify.
 */
export type SoxaraErrorType = Exclude<ErrorType, 'validation_error'> | 'signature_verification_error';

export abstract class SoxaraError extends Error {
  abstract readonly type: SoxaraErrorType;
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly statusCode: number | undefined;
  readonly declineCode: string | undefined;
  /** The failed answer's `Request-Id` (`req_…`); undefined when no answer came (a connection error). */
  readonly requestId: string | undefined;
  readonly raw: unknown;

  constructor(fields: SoxaraErrorFields) {
    super(fields.message);
    this.name = new.target.name;
    this.code = fields.code;
    this.param = fields.param;
    this.statusCode = fields.statusCode;
    this.declineCode = fields.declineCode;
    this.requestId = fields.requestId;
    this.raw = fields.raw;
  }
}

export class SoxaraAuthenticationError extends SoxaraError {
  readonly type = 'authentication_error';
}
export class SoxaraInvalidRequestError extends SoxaraError {
  readonly type = 'invalid_request_error';
}
export class SoxaraIdempotencyError extends SoxaraError {
  readonly type = 'idempotency_error';
}
export class SoxaraRateLimitError extends SoxaraError {
  readonly type = 'rate_limit_error';
}
export class SoxaraCardError extends SoxaraError {
  readonly type = 'card_error';
}
export class SoxaraMomoError extends SoxaraError {
  readonly type = 'momo_error';
}
export class SoxaraWalletError extends SoxaraError {
  readonly type = 'wallet_error';
}
export class SoxaraAPIError extends SoxaraError {
  readonly type = 'api_error';
}
/** The request never got an answer: connection refused, reset, or timed out. */
export class SoxaraConnectionError extends SoxaraError {
  readonly type = 'api_connection_error';
}
/** A webhook's `Soxara-Signature` is missing, malformed, stale, or does not match the body. */
export class SoxaraSignatureVerificationError extends SoxaraError {
  readonly type = 'signature_verification_error';
}

/** Every concrete error; `switch (err.type)` narrows it. */
export type AnySoxaraError =
  | SoxaraAuthenticationError
  | SoxaraInvalidRequestError
  | SoxaraIdempotencyError
  | SoxaraRateLimitError
  | SoxaraCardError
  | SoxaraMomoError
  | SoxaraWalletError
  | SoxaraAPIError
  | SoxaraConnectionError
  | SoxaraSignatureVerificationError;

type ApiErrorClass = new (fields: SoxaraErrorFields) => AnySoxaraError;

/** The class of each type the API answers with (the SDK's own two are raised, never received). */
const CLASS_BY_TYPE: Record<Exclude<SoxaraErrorType, 'api_connection_error' | 'signature_verification_error'>, ApiErrorClass> = {
  authentication_error: SoxaraAuthenticationError,
  invalid_request_error: SoxaraInvalidRequestError,
  idempotency_error: SoxaraIdempotencyError,
  rate_limit_error: SoxaraRateLimitError,
  card_error: SoxaraCardError,
  momo_error: SoxaraMomoError,
  wallet_error: SoxaraWalletError,
  api_error: SoxaraAPIError,
};

function classForStatus(statusCode: number): ApiErrorClass {
  if (statusCode === 401 || statusCode === 403) return SoxaraAuthenticationError;
  if (statusCode === 429) return SoxaraRateLimitError;
  if (statusCode >= 400 && statusCode < 500) return SoxaraInvalidRequestError;
  return SoxaraAPIError;
}

function isApiErrorBody(x: unknown): x is ApiErrorBody {
  if (typeof x !== 'object' || x === null) return false;
  const body = x as Record<string, unknown>;
  return typeof body.type === 'string' && typeof body.message === 'string';
}

/** Maps an error answer of the API (`{success: false, error}` or anything else) to its class. */
export function errorFromResponse(statusCode: number, error: unknown, requestId?: string): AnySoxaraError {
  if (!isApiErrorBody(error)) {
    const ErrorClass = classForStatus(statusCode);
    return new ErrorClass({ message: `Unexpected response from the Soxara API (HTTP ${statusCode})`, code: 'invalid_response', statusCode, requestId, raw: error });
  }
  const ErrorClass = (CLASS_BY_TYPE as Partial<Record<string, ApiErrorClass>>)[error.type] ?? classForStatus(statusCode);
  return new ErrorClass({
    message: error.message,
    code: error.code,
    param: error.param,
    statusCode,
    declineCode: error.decline_code,
    requestId: requestId ?? error.request_id,
    raw: error,
  });
}

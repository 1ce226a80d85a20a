/**
 * API errors as values: a route throws an ApiError, app.onError renders the `{success:false,error}` envelope.
 * Anything else thrown is a bug and becomes a logged 500 `api_error` without details.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '@soxara/protocol';

export type ApiErrorInit = ApiErrorBody;

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly body: ApiErrorBody;
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: number, body: ApiErrorBody, headers: Record<string, string> = {}) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status as ContentfulStatusCode;
    this.body = body;
    this.headers = headers;
  }
}

export function invalidRequest(code: string, message: string, param?: string): ApiError {
  return new ApiError(400, { type: 'invalid_request_error', code, message, ...(param ? { param } : {}) });
}

export function invalidUtf8(): ApiError {
  return invalidRequest('invalid_utf8', 'The request body is not valid UTF-8 text.');
}

export function notFound(what: string, param?: string): ApiError {
  return new ApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${what}`,
    ...(param ? { param } : {}),
  });
}

export function authenticationError(code: string, message: string): ApiError {
  return new ApiError(401, { type: 'authentication_error', code, message });
}

export function permissionError(message: string): ApiError {
  return new ApiError(403, { type: 'authentication_error', code: 'secret_key_required', message });
}

export function conflict(code: string, message: string): ApiError {
  return new ApiError(409, { type: 'invalid_request_error', code, message });
}

/** The failure envelope; `requestId` (the request's `Request-Id`) goes in as `error.request_id`. */
export function errorEnvelope(body: ApiErrorBody, requestId?: string): { success: false; error: ApiErrorBody } {
  return { success: false, error: requestId === undefined ? body : { ...body, request_id: requestId } };
}

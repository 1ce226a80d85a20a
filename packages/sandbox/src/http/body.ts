/**
 * Request bodies and query strings, parsed once at the edge into typed values with valibot. A body is JSON
 * or, as Stripe's API takes, `application/x-www-form-urlencoded` with the bracket notation (form.ts),
 * whose strings are read as the numbers and booleans the schema asks for (form-coercion.ts); any other
 * content type is a 415. Text must be valid UTF-8 without lone surrogates: a replacement character stored
 * in place of what the client sent would be a 200 that changed its data. Bodies are strict (an unknown
 * field is a 400 `parameter_unknown`, as Stripe does) so that a typo never passes silently. The first
 * issue becomes the error; `param` names the field in the API's notation.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError, invalidRequest, invalidUtf8 } from './errors.ts';
import { isFormName, nestFormEntries, parseFormBody } from './form.ts';
import { coerceFormValue } from './form-coercion.ts';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The body as text, refused when it is not UTF-8 (hono's `text()` would put U+FFFD in its place). */
export async function readBodyText(c: Context): Promise<string> {
  const bytes = await c.req.arrayBuffer();
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw invalidUtf8();
  }
}

/** A JSON `"\ud800"` escape parses to a lone surrogate, which SQLite would store as U+FFFD. */
function assertWellFormed(value: unknown): void {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw invalidUtf8();
  } else if (Array.isArray(value)) {
    for (const item of value) assertWellFormed(item);
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      assertWellFormed(key);
      assertWellFormed((value as Record<string, unknown>)[key]);
    }
  }
}

export type BodyFormat = 'json' | 'form';

function formatOf(contentType: string | undefined): BodyFormat {
  // Without a Content-Type the body is read as JSON, as before forms were accepted.
  if (contentType === undefined) return 'json';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json') return 'json';
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  throw new ApiError(415, {
    type: 'invalid_request_error',
    code: 'unsupported_content_type',
    message: `Content-Type ${mediaType || '(empty)'} is not accepted: send application/json or application/x-www-form-urlencoded.`,
  });
}

function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('invalid_json', 'The request body is not valid JSON (send Content-Type: application/json).');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('invalid_json', 'The request body must be a JSON object.');
  }
  assertWellFormed(value);
  return value as Record<string, unknown>;
}

/** The body as an object, and how it came: an empty body is `{}` whatever its type says. */
export async function readBody(c: Context): Promise<{ format: BodyFormat; value: Record<string, unknown> }> {
  const text = await readBodyText(c);
  if (text.trim() === '') return { format: 'json', value: {} };
  const format = formatOf(c.req.header('content-type'));
  return { format, value: format === 'json' ? parseJsonObject(text) : parseFormBody(text) };
}

/** `['payment_method','card','number']` → `payment_method[card][number]`, Stripe's notation. */
export function bracketParam(path: readonly (string | number)[]): string {
  const [head, ...rest] = path;
  return `${String(head ?? '')}${rest.map((k) => `[${String(k)}]`).join('')}`;
}

function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

export function parseWith<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  paramOf: (path: (string | number)[]) => string = bracketParam,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issuePath(issue);
  const param = paramOf(path);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    throw invalidRequest('parameter_unknown', `Received unknown parameter: ${param}`, param);
  }
  if (issue.kind === 'schema' && issue.received === 'undefined') {
    throw invalidRequest('parameter_missing', `Missing required parameter: ${param}`, param);
  }
  throw invalidRequest('parameter_invalid', `Invalid ${param}: ${issue.message}`, param);
}

/** The request body through its schema: JSON as it is, a form's strings read as the schema's types first. */
export async function parseBody<TSchema extends v.GenericSchema>(
  c: Context,
  schema: TSchema,
  paramOf?: (path: (string | number)[]) => string,
): Promise<v.InferOutput<TSchema>> {
  const body = await readBody(c);
  const input = body.format === 'form' ? coerceFormValue(schema, body.value) : body.value;
  return parseWith(schema, input, paramOf);
}

/**
 * A query string through its schema (a loose object: unknown parameters are ignored, as Stripe does),
 * in the bracket notation of bodies (`created[gte]=…`). An empty value (`?wait=`) counts as absent.
 */
export function parseQuery<TSchema extends v.GenericSchema>(schema: TSchema, c: Context): v.InferOutput<TSchema> {
  const present = Object.entries(c.req.query()).filter(([name, value]) => value !== '' && isFormName(name));
  return parseWith(schema, nestFormEntries(present));
}

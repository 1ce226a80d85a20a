/**
 * Request bodies: JSON only, parsed once at the edge into typed values with valibot. Bodies are strict
 * (an unknown field is a 400 `parameter_unknown`, as Stripe does) so that a typo never passes silently.
 * The first issue becomes the error; `param` names the field in the API's notation.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { invalidRequest } from './errors.ts';

export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('invalid_json', 'The request body is not valid JSON (send Content-Type: application/json).');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('invalid_json', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
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

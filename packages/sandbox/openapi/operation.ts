/**
 * One operation of the sandbox as data, for docs/openapi.json: its method and path as hono serves them,
 * who may call it, the valibot schemas the route parses its body and query with (the same objects, so the
 * spec states what is enforced), what it answers, the errors particular to it and the events it emits.
 * What every route shares (the envelopes, auth failures, validation errors, idempotency) is added by
 * the generator (spec.ts), not repeated here.
 */
import type * as v from 'valibot';
import type { ErrorType, EventType } from '@soxara/protocol';
import type { ObjectName } from './objects.ts';

export type Tag = 'Payments' | 'Refunds' | 'Events' | 'Webhook endpoints' | 'Test helpers' | 'Sandbox' | 'Simulator pages';

/** `secret`: `sxs_test_…` only. `either`: a secret key, or a publishable key with the payment's client_secret. */
export type KeyRule = 'secret' | 'either' | 'none';

export type Answer =
  /** `{success: true, data: <object>}`; `publishable`: what a publishable key gets instead. */
  | { object: ObjectName; publishable?: ObjectName }
  /** `{success: true, data: [<object>…], has_more}` */
  | { list: ObjectName }
  /** A JSON document outside the envelope's `data` schemas (the root, the health check). */
  | { json: string }
  /** An HTML page for a person (the simulators). */
  | { page: string };

/** An error this operation can answer besides the ones every operation shares. */
export interface DocumentedError {
  status: 400 | 402 | 404 | 409 | 415 | 429;
  type: ErrorType;
  code: string;
  when: string;
}

export interface Operation {
  method: 'get' | 'post' | 'delete';
  /** As hono serves it, parameters as `:name`. */
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  key: KeyRule;
  /** The route's JSON body schema (a strict object); `form` for the simulator pages' HTML forms. */
  body?: { json: v.GenericSchema } | { form: v.GenericSchema };
  /** The route's query schema (a loose object). */
  query?: v.GenericSchema;
  answer: Answer;
  errors?: readonly DocumentedError[];
  emits?: readonly EventType[];
}

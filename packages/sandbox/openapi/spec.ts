/**
 * docs/openapi.json (OpenAPI 3.1), built from the operation table (operations.ts), the route schemas it
 * points at and the object schemas (objects.ts), converted by @valibot/to-json-schema. Conversion
 * keeps the output type of each pipeline (`typeMode: 'output'`): a `limit` query parameter is an integer
 * from 1 to 100, not the digits it arrives as; `check` actions have no JSON Schema form and are left to
 * the descriptions. What every operation shares (envelopes, auth and validation errors, idempotency) is
 * added here once.
 */
import { fileURLToPath } from 'node:url';
import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { EVENT_TYPES, type EventType } from '@soxara/protocol';
import { MAX_BODY_BYTES } from '../src/app.ts';
import { EVENT_DESCRIPTIONS } from './event-descriptions.ts';
import { OBJECT_SCHEMAS, type ObjectName } from './objects.ts';
import type { DocumentedError, Operation, Tag } from './operation.ts';
import { OPERATIONS } from './operations.ts';

/** The version of the API this document describes: the latest entry of the README's changelog. */
export const API_VERSION = '0.2.0';

type Json = { [key: string]: unknown };

// `transform` has no JSON Schema form either; the output schema before it says what is accepted.
const CONVERSION: ConversionConfig = { target: 'draft-2020-12', typeMode: 'output', ignoreActions: ['check', 'transform'] };

function ref(name: string): Json {
  return { $ref: `#/components/schemas/${name}` };
}

function schemaOf(schema: v.GenericSchema): Json {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, CONVERSION) as Json;
  return rest;
}

const TAGS: Record<Tag, string> = {
  Payments: 'A payment (PaymentIntent) from creation to its outcome.',
  Refunds: 'Money back to the customer, whole or in part.',
  Events: 'What happened to your objects, newest first; the same events are delivered to webhook endpoints.',
  'Webhook endpoints': 'Where events are delivered, signed with the endpoint’s secret.',
  'Test helpers': 'Sandbox only: do what a customer or Soxara would do.',
  Sandbox: 'The sandbox server itself.',
  'Simulator pages': 'Sandbox only: HTML pages standing in for the bank, the wallet app and the phone.',
};

/** Errors every operation of a kind can answer, besides its own. */
function sharedErrors(op: Operation): DocumentedError[] {
  const errors: DocumentedError[] = [];
  const api = op.path.startsWith('/v1/');
  if (!api) return errors;
  if (op.body || op.query) {
    errors.push({ status: 400, type: 'invalid_request_error', code: 'parameter_invalid', when: 'a field breaks its rule; `param` names it' });
  }
  if (op.body && 'json' in op.body) {
    errors.push(
      { status: 400, type: 'invalid_request_error', code: 'parameter_missing', when: 'a required field is absent' },
      { status: 400, type: 'invalid_request_error', code: 'parameter_unknown', when: 'a field this operation does not take (a typo never passes silently)' },
      { status: 400, type: 'invalid_request_error', code: 'invalid_json', when: 'the body is not a JSON object' },
      { status: 400, type: 'invalid_request_error', code: 'invalid_utf8', when: 'the body is not valid UTF-8, or a string holds a lone surrogate (`\\ud800`)' },
      { status: 400, type: 'invalid_request_error', code: 'form_invalid', when: 'a form body breaks the bracket notation, or gives a field twice' },
      { status: 415, type: 'invalid_request_error', code: 'unsupported_content_type', when: 'a body that is neither `application/json` nor `application/x-www-form-urlencoded`' },
    );
  }
  if (op.method === 'post' && op.key !== 'none') {
    errors.push(
      { status: 400, type: 'idempotency_error', code: 'idempotency_key_reused', when: 'the X-Idempotency-Key was used with another body or route' },
      { status: 400, type: 'invalid_request_error', code: 'idempotency_key_conflict', when: 'X-Idempotency-Key and Idempotency-Key with different values' },
      { status: 409, type: 'invalid_request_error', code: 'idempotency_key_in_use', when: 'a request with the same key is still running and did not finish in time' },
    );
  }
  if (op.path.includes('/:')) {
    errors.push({ status: 404, type: 'invalid_request_error', code: 'resource_missing', when: 'no such object for this account (another account’s ids do not exist for you)' });
  }
  return errors;
}

const AUTH_ERRORS = '`missing_api_key`, `invalid_authorization_header`, `invalid_api_key` (malformed or unknown), `live_key_in_sandbox`';

function errorResponses(op: Operation): Json {
  const responses: Json = {};
  const byStatus = new Map<number, DocumentedError[]>();
  for (const error of [...sharedErrors(op), ...(op.errors ?? [])]) {
    byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), error]);
  }
  if (op.key !== 'none') {
    byStatus.set(401, []);
    if (op.key === 'secret') byStatus.set(403, []);
  }
  if (op.method === 'post' && op.path.startsWith('/v1/')) byStatus.set(413, []);
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const lines = (byStatus.get(status) ?? []).map((e) => `- \`${e.code}\` (${e.type}): ${e.when}`);
    const description =
      status === 401 ? `authentication_error: ${AUTH_ERRORS}.`
      : status === 403 ? 'authentication_error `secret_key_required`: a publishable key on a secret-key route.'
      : status === 413 ? `invalid_request_error \`body_too_large\`: a body over ${MAX_BODY_BYTES} bytes.`
      : lines.join('\n');
    responses[String(status)] = { description, content: { 'application/json': { schema: ref('ErrorEnvelope') } } };
  }
  return responses;
}

function successResponse(op: Operation): Json {
  const answer = op.answer;
  if ('page' in answer) return { description: `HTML: ${answer.page}.`, content: { 'text/html': { schema: { type: 'string' } } } };
  if ('json' in answer) return { description: answer.json, content: { 'application/json': { schema: { type: 'object' } } } };
  const data = 'list' in answer
    ? { type: 'array', items: ref(answer.list) }
    : answer.publishable
      ? { oneOf: [ref(answer.object), ref(answer.publishable)], description: `\`${answer.object}\` for a secret key, \`${answer.publishable}\` for a publishable key.` }
      : ref(answer.object);
  const properties: Json = 'list' in answer
    ? {
        success: { const: true },
        object: { const: 'list' },
        url: { type: 'string', description: 'The list’s path.' },
        data,
        has_more: { type: 'boolean', description: 'Whether more objects lie beyond this page, in the direction it was fetched.' },
      }
    : { success: { const: true }, data };
  const schema = { type: 'object', properties, required: Object.keys(properties) };
  return { description: 'OK', content: { 'application/json': { schema } } };
}

function parameters(op: Operation): Json[] {
  const params: Json[] = [];
  for (const [, name] of op.path.matchAll(/:(\w+)/g)) {
    params.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  if (op.query) {
    const query = schemaOf(op.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, { description, ...schema }] of Object.entries(query.properties ?? {})) {
      // An object parameter is written in bracket notation: `created[gte]=…`.
      const style = schema['type'] === 'object' ? { style: 'deepObject', explode: true } : {};
      params.push({ name, in: 'query', required: query.required?.includes(name) ?? false, ...(description ? { description } : {}), ...style, schema });
    }
  }
  if (op.method === 'post' && op.key !== 'none' && op.path.startsWith('/v1/')) params.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return params;
}

function requestBody(op: Operation): Json | undefined {
  if (!op.body) return undefined;
  const schema = schemaOf('json' in op.body ? op.body.json : op.body.form);
  const required = Array.isArray(schema['required']) && schema['required'].length > 0;
  if ('form' in op.body) return { required, content: { 'application/x-www-form-urlencoded': { schema } } };
  // The API reads a form in bracket notation into the same fields, its strings as the schema's types.
  return {
    required,
    content: { 'application/json': { schema }, 'application/x-www-form-urlencoded': { schema } },
  };
}

const SECURITY: Record<Operation['key'], Json[]> = {
  secret: [{ secretKey: [] }],
  either: [{ secretKey: [] }, { publishableKey: [] }],
  none: [],
};

function operationObject(op: Operation): Json {
  const body = requestBody(op);
  const params = parameters(op);
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: operationId(op),
    security: SECURITY[op.key],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: { '200': successResponse(op), ...errorResponses(op) },
    ...(op.emits ? { 'x-soxara-emits': op.emits } : {}),
  };
}

/** `post /v1/payments/:id/confirm` → `postPaymentsIdConfirm`. */
function operationId(op: Operation): string {
  const words = op.path.replace(/^\/v1\//, '/').split(/[/_:]+/).filter(Boolean);
  return op.method + (words.length === 0 ? 'Root' : words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''));
}

function webhookObject(type: EventType): Json {
  const family = type.slice(0, type.indexOf('.'));
  const object = family === 'payment' ? ref('Payment') : family === 'refund' ? ref('Refund') : { type: 'object', description: 'See docs/events.md for its fields.' };
  return {
    post: {
      summary: type,
      description: EVENT_DESCRIPTIONS[type],
      operationId: `event_${type.replaceAll('.', '_')}`,
      parameters: [{ $ref: '#/components/parameters/SoxaraSignature' }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              allOf: [ref('Event'), { type: 'object', properties: { type: { const: type }, data: { type: 'object', properties: { object } } } }],
            },
          },
        },
      },
      responses: { '200': { description: 'Any 2xx delivers the event; anything else, a timeout or a redirect is retried.' } },
    },
  };
}

export function buildOpenApiSpec(operations: readonly Operation[] = OPERATIONS): Json {
  const paths: Json = {};
  for (const op of operations) {
    const path = op.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...(paths[path] as Json | undefined), [op.method]: operationObject(op) };
  }
  const schemas = toJsonSchemaDefs(OBJECT_SCHEMAS as Record<ObjectName, v.GenericSchema>, {
    ...CONVERSION,
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Soxara API (sandbox)',
      version: API_VERSION,
      description:
        'The test-mode Soxara API as the local sandbox serves it. Generated by `pnpm docs:openapi` from the sandbox’s route schemas; ' +
        'the reference in prose is docs/api.md, the events docs/events.md. Every answer is an envelope: ' +
        '`{"success": true, "data": …}` or `{"success": false, "error": {type, code, message, param?, request_id}}`. ' +
        'Every answer carries `Request-Id: req_…`. Bodies are JSON, or a form in Stripe’s bracket notation (`metadata[order_id]=5`).',
    },
    servers: [{ url: 'http://localhost:4010', description: 'The local sandbox (`pnpm start`, `SOXARA_API_PORT`).' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    webhooks: Object.fromEntries(EVENT_TYPES.map((type) => [type, webhookObject(type)])),
    components: {
      schemas: {
        ...schemas,
        ErrorEnvelope: { type: 'object', properties: { success: { const: false }, error: ref('Error') }, required: ['success', 'error'] },
      },
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: 'Your secret key, `sxs_test_…`: servers only. HTTP Basic with the key as user name (`curl -u sxs_test_…:`) works too.' },
        publishableKey: { type: 'http', scheme: 'bearer', description: 'Your publishable key, `sxm_test_…`, with the payment’s `client_secret` in the query or body.' },
      },
      parameters: {
        IdempotencyKey: {
          name: 'X-Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Up to 255 visible ASCII characters, scoped to your account. The same key with the same body within 24 hours answers the first answer again, ' +
            'byte for byte, without a second object or charge; with another body, 400 `idempotency_key_reused`. ' +
            'Stripe’s `Idempotency-Key` is a synonym (both with different values: 400 `idempotency_key_conflict`).',
          schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
        },
        SoxaraSignature: {
          name: 'Soxara-Signature',
          in: 'header',
          required: true,
          description: '`t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`. Verify it on the raw body before parsing it.',
          schema: { type: 'string' },
        },
      },
    },
  };
}

/** Where the spec lives in the repository. */
export const OPENAPI_FILE = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

/** The file's exact text: what `pnpm docs:openapi` writes and the test compares with. */
export function renderOpenApiSpec(): string {
  return `${JSON.stringify(buildOpenApiSpec(), null, 2)}\n`;
}

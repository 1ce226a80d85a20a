/**
 * docs/openapi.json against the sandbox itself: every route the hono app serves is in the spec and every
 * path of the spec is served; the committed file is what `pnpm docs:openapi` writes now; it is a valid
 * OpenAPI 3.1 document; and real answers parse with the object schemas it was generated from.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApp } from '../src/app.ts';
import { OPENAPI_FILE, renderOpenApiSpec } from '../openapi/spec.ts';
import { OBJECT_SCHEMAS } from '../openapi/objects.ts';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

const committed = (): { paths: Record<string, Record<string, unknown>> } => JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));

/** `METHOD /path/:param` of every handler the app registers (middleware, registered for ALL, excluded). */
function servedRoutes(): string[] {
  const routes = createApp(t.sandbox.deps).routes.filter((route) => route.method !== 'ALL');
  return [...new Set(routes.map((route) => `${route.method} ${route.path}`))].sort();
}

function specRoutes(): string[] {
  return Object.entries(committed().paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();
}

describe('docs/openapi.json', () => {
  it('documents every route the sandbox serves, and only those (add a route in packages/sandbox/openapi/operations.ts)', () => {
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(20);
    expect(specRoutes()).toEqual(served);
  });

  it('is what pnpm docs:openapi generates from the route schemas now', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8'), 'docs/openapi.json is stale: run pnpm docs:openapi').toBe(renderOpenApiSpec());
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(renderOpenApiSpec()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes the answers the sandbox really gives', async () => {
    const p = await createPayment(t);
    const paid = await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    const seen = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, { key: t.pk });
    const declined = await t.api('POST', `/v1/payments/${(await createPayment(t)).id}/confirm`, { body: { payment_method: CARD('4000000000000002') } });
    const refund = await t.api('POST', '/v1/refunds', { body: { payment: p.id, amount: 100 } });
    const endpoint = await t.api('POST', '/v1/webhook_endpoints', { body: { url: 'http://127.0.0.1:9/hooks' } });
    const events = await t.api('GET', '/v1/events?limit=5');
    const answers: [keyof typeof OBJECT_SCHEMAS, unknown][] = [
      ['Payment', paid.json.data],
      ['ClientPayment', seen.json.data],
      ['Error', declined.json.error],
      ['Refund', refund.json.data],
      ['WebhookEndpoint', endpoint.json.data],
      ...(events.json.data as unknown[]).map((event): ['Event', unknown] => ['Event', event]),
    ];
    for (const [name, answer] of answers) {
      const result = v.safeParse(OBJECT_SCHEMAS[name], answer);
      expect(result.issues?.map((issue) => `${name}: ${v.getDotPath(issue)} ${issue.message}`) ?? []).toEqual([]);
    }
    expect(events.json.data).toHaveLength(5);
  });
});

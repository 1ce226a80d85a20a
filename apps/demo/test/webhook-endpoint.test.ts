import { Soxara } from '@soxara/node';
import { describe, expect, it } from 'vitest';
import { getSetting, openDatabase, setSetting } from '../src/db.ts';
import { registerWebhookEndpoint, webhookUrl } from '../src/webhook-endpoint.ts';

interface Endpoint {
  id: string;
  url: string;
}

/** A stand-in for the API's webhook endpoint routes. */
function fakeApi(existing: Endpoint[] = []) {
  const endpoints = [...existing];
  const calls: string[] = [];
  let n = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    const ok = (data: unknown, extra: object = {}) => new Response(JSON.stringify({ success: true, data, ...extra }));
    if (method === 'GET') return ok(endpoints, { has_more: false });
    if (method === 'DELETE') {
      const id = url.pathname.split('/').pop()!;
      endpoints.splice(endpoints.findIndex((e) => e.id === id), 1);
      return ok({ id, object: 'webhook_endpoint', deleted: true });
    }
    const body = JSON.parse(String(init?.body)) as { url: string };
    n += 1;
    const created = { id: `we_new${n}`, url: body.url };
    endpoints.push(created);
    return ok({ ...created, secret: `whsec_new${n}` });
  };
  return { soxara: new Soxara('sxs_test_unitunitunit', { baseUrl: 'http://api.invalid', fetch, maxNetworkRetries: 0 }), calls, endpoints };
}

describe('registerWebhookEndpoint', () => {
  it('registers the loopback URL by address (the shop binds 127.0.0.1)', () => {
    expect(webhookUrl('http://localhost:3000')).toBe('http://127.0.0.1:3000/webhooks/soxara');
    expect(webhookUrl('https://shop.example')).toBe('https://shop.example/webhooks/soxara');
  });

  it('creates an endpoint once, then reuses it on every restart', async () => {
    const db = openDatabase(':memory:');
    const api = fakeApi();
    const first = await registerWebhookEndpoint(api.soxara, db, 'http://localhost:3000');
    const again = await registerWebhookEndpoint(api.soxara, db, 'http://localhost:3000');
    expect(again).toEqual(first);
    expect(api.endpoints).toHaveLength(1);
    expect(getSetting(db, 'webhook_secret')).toBe('whsec_new1');
  });

  it('replaces an endpoint for its URL whose secret this database does not have', async () => {
    const db = openDatabase(':memory:');
    const api = fakeApi([{ id: 'we_old', url: 'http://127.0.0.1:3000/webhooks/soxara' }, { id: 'we_other', url: 'https://elsewhere.example/hook' }]);
    const endpoint = await registerWebhookEndpoint(api.soxara, db, 'http://localhost:3000');
    expect(api.calls).toContain('DELETE /v1/webhook_endpoints/we_old');
    expect(api.endpoints.map((e) => e.id).sort()).toEqual(['we_new1', 'we_other']);
    expect(endpoint.secret).toBe('whsec_new1');
  });

  it('replaces the endpoint when the one it knew was deleted on the API side', async () => {
    const db = openDatabase(':memory:');
    setSetting(db, 'webhook_endpoint_id', 'we_gone');
    setSetting(db, 'webhook_secret', 'whsec_stale');
    const api = fakeApi();
    expect((await registerWebhookEndpoint(api.soxara, db, 'http://localhost:3000')).secret).toBe('whsec_new1');
    expect(getSetting(db, 'webhook_secret')).toBe('whsec_new1');
  });
});

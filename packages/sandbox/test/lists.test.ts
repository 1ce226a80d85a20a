/** `GET /v1/payments` and `GET /v1/refunds`: Stripe's list object, cursors both ways, filters, isolation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
let sk: string;
/** Newest first, as the list answers. */
let ids: string[];
beforeAll(async () => {
  t = await startTestSandbox();
  sk = (await t.data('POST', '/v1/test_helpers/accounts', { key: null, body: {} })).secret_key;
  ids = [];
  for (let i = 0; i < 7; i++) ids.unshift((await createPayment(t, { amount: 100 + i }, sk)).id);
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, key = sk) => t.api('GET', path, { key });

describe('GET /v1/payments', () => {
  it('answers Stripe’s list object inside the envelope, newest first', async () => {
    const res = await get('/v1/payments');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, object: 'list', url: '/v1/payments', has_more: false });
    expect(res.json.data.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(res.json.data[0]).toMatchObject({ object: 'payment', amount: 106, client_secret: expect.any(String) });
  });

  it('pages older with starting_after and newer with ending_before', async () => {
    const first = await get('/v1/payments?limit=3');
    expect(first.json.data.map((p: { id: string }) => p.id)).toEqual(ids.slice(0, 3));
    expect(first.json.has_more).toBe(true);
    const second = await get(`/v1/payments?limit=3&starting_after=${ids[2]}`);
    expect(second.json.data.map((p: { id: string }) => p.id)).toEqual(ids.slice(3, 6));
    expect(second.json.has_more).toBe(true);
    const last = await get(`/v1/payments?limit=3&starting_after=${ids[5]}`);
    expect(last.json.data.map((p: { id: string }) => p.id)).toEqual(ids.slice(6));
    expect(last.json.has_more).toBe(false);
    const back = await get(`/v1/payments?limit=2&ending_before=${ids[3]}`);
    expect(back.json.data.map((p: { id: string }) => p.id)).toEqual(ids.slice(1, 3));
    expect(back.json.has_more).toBe(true);
    const top = await get(`/v1/payments?limit=5&ending_before=${ids[1]}`);
    expect(top.json.data.map((p: { id: string }) => p.id)).toEqual(ids.slice(0, 1));
    expect(top.json.has_more).toBe(false);
  });

  it('filters by status', async () => {
    await t.data('POST', `/v1/payments/${ids[1]}/confirm`, { key: sk, body: { payment_method: CARD('4242424242424242') } });
    await t.data('POST', `/v1/payments/${ids[4]}/cancel`, { key: sk, body: {} });
    const succeeded = await get('/v1/payments?status=succeeded');
    expect(succeeded.json.data.map((p: { id: string }) => p.id)).toEqual([ids[1]]);
    const canceled = await get('/v1/payments?status=canceled');
    expect(canceled.json.data.map((p: { id: string }) => p.id)).toEqual([ids[4]]);
    const open = await get('/v1/payments?status=requires_payment_method&limit=100');
    expect(open.json.data).toHaveLength(5);
  });

  it('filters by created[gte|lte], in Unix seconds or ISO 8601', async () => {
    const all = (await get('/v1/payments?limit=100')).json.data as { created_at: string }[];
    const oldest = Date.parse(all[all.length - 1]!.created_at) / 1000;
    const newest = Date.parse(all[0]!.created_at) / 1000;
    expect((await get(`/v1/payments?limit=100&created[gte]=${oldest}&created[lte]=${newest}`)).json.data).toHaveLength(7);
    expect((await get(`/v1/payments?limit=100&created[gt]=${newest}`)).json.data).toHaveLength(0);
    expect((await get(`/v1/payments?limit=100&created[lt]=${oldest}`)).json.data).toHaveLength(0);
    const iso = encodeURIComponent(all[0]!.created_at);
    const sameSecond = all.filter((p) => p.created_at === all[0]!.created_at).length;
    expect((await get(`/v1/payments?limit=100&created%5Bgte%5D=${iso}`)).json.data).toHaveLength(sameSecond);
  });

  it('shows another account nothing, and its cursor as unknown', async () => {
    const mine = await get('/v1/payments?limit=100', t.sk);
    expect(mine.json.data.some((p: { id: string }) => ids.includes(p.id))).toBe(false);
    const foreign = await get(`/v1/payments?starting_after=${ids[0]}`, t.sk);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['status=paid', 'status'],
    ['created[gte]=yesterday', 'created[gte]'],
    ['created=5', 'created'],
    ['starting_after=pi_nope', 'starting_after'],
  ])('refuses ?%s with a typed 4xx naming %s', async (query, param) => {
    const res = await get(`/v1/payments?${query}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.json.error.param).toBe(param);
  });

  it('refuses both cursors at once', async () => {
    const res = await get(`/v1/payments?starting_after=${ids[3]}&ending_before=${ids[1]}`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('parameters_exclusive');
  });

  it('needs the secret key', async () => {
    expect((await t.api('GET', '/v1/payments', { key: t.pk })).status).toBe(403);
  });
});

describe('GET /v1/refunds', () => {
  let paid: string[];
  beforeAll(async () => {
    paid = [];
    for (const amount of [500, 600]) {
      const p = await createPayment(t, { amount }, sk);
      await t.data('POST', `/v1/payments/${p.id}/confirm`, { key: sk, body: { payment_method: CARD('4242424242424242') } });
      paid.push(p.id);
    }
    await t.data('POST', '/v1/refunds', { key: sk, body: { payment: paid[0], amount: 100 } });
    await t.data('POST', '/v1/refunds', { key: sk, body: { payment: paid[1], amount: 200 } });
    await t.data('POST', '/v1/refunds', { key: sk, body: { payment: paid[0], amount: 50 } });
  });

  it('lists the account’s refunds newest first, and one payment’s with ?payment=', async () => {
    const all = await get('/v1/refunds');
    expect(all.json).toMatchObject({ object: 'list', url: '/v1/refunds', has_more: false });
    expect(all.json.data.map((r: { amount: number }) => r.amount)).toEqual([50, 200, 100]);
    const one = await get(`/v1/refunds?payment=${paid[0]}`);
    expect(one.json.data.map((r: { amount: number; payment: string }) => [r.payment, r.amount])).toEqual([[paid[0], 50], [paid[0], 100]]);
    const page = await get(`/v1/refunds?limit=1&starting_after=${all.json.data[0].id}`);
    expect(page.json.data.map((r: { amount: number }) => r.amount)).toEqual([200]);
    expect(page.json.has_more).toBe(true);
  });

  it('answers 404 for a payment of another account, and lists nothing of this one to it', async () => {
    const res = await get(`/v1/refunds?payment=${paid[0]}`, t.sk);
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: 'resource_missing', param: 'payment' });
    const theirs = await get('/v1/refunds?limit=100', t.sk);
    expect(theirs.json.data.some((r: { payment: string }) => paid.includes(r.payment))).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

describe('keys', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['no key', {}, 'missing_api_key'],
    ['not a bearer header', { authorization: 'Basic abc' }, 'invalid_authorization_header'],
    ['a malformed key', { authorization: 'Bearer sk_test_123' }, 'invalid_api_key'],
    ['an unknown key', { authorization: 'Bearer sxs_test_UnknownKey12345678' }, 'invalid_api_key'],
    ['a live secret key', { authorization: 'Bearer sxs_live_abcdefghijkl' }, 'live_key_in_sandbox'],
    ['a live publishable key', { authorization: 'Bearer sxm_live_abcdefghijkl' }, 'live_key_in_sandbox'],
  ];

  it.each(cases)('refuses %s with 401 and a message', async (_name, headers, code) => {
    const res = await t.api('POST', '/v1/payments', { key: null, headers, body: { amount: 100, currency: 'USD' } });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ success: false, error: { type: 'authentication_error', code } });
    expect(res.json.error.message.length).toBeGreaterThan(10);
  });

  it('says live keys cannot be used with the sandbox', async () => {
    const res = await t.api('GET', '/v1/payments/pi_x', { key: 'sxs_live_abcdefghijkl' });
    expect(res.json.error.message).toContain('live keys cannot be used with the sandbox');
  });

  it.each([
    ['POST', '/v1/payments'],
    ['POST', '/v1/payments/pi_x/cancel'],
    ['POST', '/v1/refunds'],
    ['GET', '/v1/refunds/re_x'],
    ['POST', '/v1/test_helpers/payments/pi_x/approve'],
    ['POST', '/v1/test_helpers/payments/pi_x/decline'],
  ])('refuses a publishable key on %s %s with 403', async (method, path) => {
    const res = await t.api(method, path, { key: t.pk, body: method === 'POST' ? {} : undefined });
    expect(res.status).toBe(403);
    expect(res.json.error.type).toBe('authentication_error');
    expect(res.json.error.message).toContain('secret key');
  });
});

describe('account isolation', () => {
  it("makes another account's payments and refunds not exist (404)", async () => {
    const other = (await t.api('POST', '/v1/test_helpers/accounts', { key: null })).json.data;
    const p = await createPayment(t);
    await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    const refund = (await t.api('POST', '/v1/refunds', { body: { payment: p.id, amount: 100 } })).json.data;

    const asOther = (method: string, path: string, body?: unknown) => t.api(method, path, { key: other.secret_key, body });
    expect((await asOther('GET', `/v1/payments/${p.id}`)).status).toBe(404);
    expect((await asOther('POST', `/v1/payments/${p.id}/confirm`, { payment_method: CARD('4242424242424242') })).status).toBe(404);
    expect((await asOther('POST', `/v1/payments/${p.id}/cancel`)).status).toBe(404);
    expect((await asOther('POST', '/v1/refunds', { payment: p.id })).status).toBe(404);
    expect((await asOther('GET', `/v1/refunds/${refund.id}`)).status).toBe(404);
    expect((await asOther('POST', `/v1/test_helpers/payments/${p.id}/approve`)).status).toBe(404);
    const publishable = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, { key: other.publishable_key });
    expect(publishable.status).toBe(404);
  });

  it("the other account's keys work on its own objects", async () => {
    const other = (await t.api('POST', '/v1/test_helpers/accounts', { key: null })).json.data;
    const p = await createPayment(t, {}, other.secret_key);
    expect((await t.api('GET', `/v1/payments/${p.id}`, { key: other.secret_key })).status).toBe(200);
    expect((await t.api('GET', `/v1/payments/${p.id}`)).status).toBe(404);
  });
});

/** `POST /v1/payments/:id`: description, metadata (merged) and amount while no payment method is confirmed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

describe('update a payment', () => {
  it('changes amount and description before a confirm, and the browser reads the new amount', async () => {
    const p = await createPayment(t);
    const updated = await t.data('POST', `/v1/payments/${p.id}`, { body: { amount: 3000, description: 'Order #2' } });
    expect(updated).toMatchObject({ id: p.id, amount: 3000, description: 'Order #2', status: 'requires_payment_method' });
    const seen = await t.data('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, { key: t.pk });
    expect(seen.amount).toBe(3000);
    const confirmed = await t.data('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    expect(confirmed).toMatchObject({ status: 'succeeded', amount: 3000 });
  });

  it('merges metadata: new keys added, "" removes a key, null clears all', async () => {
    const p = await createPayment(t, { metadata: { order_id: '1', cart: 'abc' } });
    const merged = await t.data('POST', `/v1/payments/${p.id}`, { body: { metadata: { cart: '', tip: '5' } } });
    expect(merged.metadata).toEqual({ order_id: '1', tip: '5' });
    const cleared = await t.data('POST', `/v1/payments/${p.id}`, { body: { metadata: null } });
    expect(cleared.metadata).toEqual({});
    expect((await t.data('GET', `/v1/payments/${p.id}`)).metadata).toEqual({});
  });

  it('refuses a merge past 50 keys, and stores nothing', async () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, 'v']));
    const more = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`b${i}`, 'v']));
    const p = await createPayment(t, { metadata: many });
    const res = await t.api('POST', `/v1/payments/${p.id}`, { body: { metadata: more } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', param: 'metadata' });
    expect((await t.data('GET', `/v1/payments/${p.id}`)).metadata).toEqual(many);
  });

  it('refuses an amount once a payment method is confirmed, with a typed 400, and changes nothing', async () => {
    const p = await createPayment(t);
    await t.data('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4000002760003184') } });
    const res = await t.api('POST', `/v1/payments/${p.id}`, { body: { amount: 99, description: 'changed' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'payment_unexpected_state', param: 'amount' });
    const after = await t.data('GET', `/v1/payments/${p.id}`);
    expect(after).toMatchObject({ amount: 1250, description: 'Order #1', status: 'requires_action' });
  });

  it('still updates description and metadata after success', async () => {
    const p = await createPayment(t);
    await t.data('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    const updated = await t.data('POST', `/v1/payments/${p.id}`, { body: { description: 'shipped', metadata: { tracking: 'X1' } } });
    expect(updated).toMatchObject({ status: 'succeeded', description: 'shipped', metadata: { order_id: '1', tracking: 'X1' } });
  });

  it('needs the secret key, and answers 404 for another account', async () => {
    const p = await createPayment(t);
    const asBrowser = await t.api('POST', `/v1/payments/${p.id}`, { key: t.pk, body: { amount: 1 } });
    expect(asBrowser.status).toBe(403);
    const other = await t.data('POST', '/v1/test_helpers/accounts', { key: null, body: {} });
    const res = await t.api('POST', `/v1/payments/${p.id}`, { key: other.secret_key, body: { amount: 1 } });
    expect(res.status).toBe(404);
    expect((await t.data('GET', `/v1/payments/${p.id}`)).amount).toBe(1250);
  });
});

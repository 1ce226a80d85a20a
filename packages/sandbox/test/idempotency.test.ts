import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

const body = { amount: 1250, currency: 'USD', metadata: { order_id: '42' } };

function paymentsCreatedWith(orderId: string): number {
  return t.events.filter((e) => e.type === 'payment.created' && (e.object['metadata'] as Record<string, string>)['order_id'] === orderId).length;
}

describe('X-Idempotency-Key', () => {
  it('replays the first response byte for byte and creates one payment', async () => {
    const headers = { 'x-idempotency-key': 'order-42-v1' };
    const first = await t.api('POST', '/v1/payments', { body, headers });
    const second = await t.api('POST', '/v1/payments', { rawBody: '{ "metadata": {"order_id":"42"}, "currency":"USD", "amount":1250 }', headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(paymentsCreatedWith('42')).toBe(1);
  });

  it('refuses the same key with a different body or route', async () => {
    const headers = { 'x-idempotency-key': 'reuse-me' };
    expect((await t.api('POST', '/v1/payments', { body, headers })).status).toBe(200);
    const different = await t.api('POST', '/v1/payments', { body: { ...body, amount: 9999 }, headers });
    expect(different.status).toBe(400);
    expect(different.json.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused' });
    const otherRoute = await t.api('POST', '/v1/refunds', { body: { payment: 'pi_x' }, headers });
    expect(otherRoute.json.error.code).toBe('idempotency_key_reused');
  });

  it('makes exactly one payment from 20 concurrent requests with one key', async () => {
    const headers = { 'x-idempotency-key': 'concurrent-1' };
    const concurrentBody = { ...body, metadata: { order_id: 'concurrent' } };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => t.api('POST', '/v1/payments', { body: concurrentBody, headers })),
    );
    const succeeded = responses.filter((r) => r.status === 200);
    expect(responses.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(new Set(succeeded.map((r) => r.json.data.id)).size).toBe(1);
    expect(paymentsCreatedWith('concurrent')).toBe(1);
  });

  it('is scoped to the account', async () => {
    const other = (await t.api('POST', '/v1/test_helpers/accounts', { key: null })).json.data;
    const headers = { 'x-idempotency-key': 'shared-key' };
    const mine = await t.api('POST', '/v1/payments', { body, headers });
    const theirs = await t.api('POST', '/v1/payments', { body, headers, key: other.secret_key });
    expect(theirs.status).toBe(200);
    expect(theirs.json.data.id).not.toBe(mine.json.data.id);
  });

  it('replays a declined confirm (402) without a second attempt', async () => {
    const p = await createPayment(t);
    const headers = { 'x-idempotency-key': `confirm-${p.id}` };
    const confirmBody = { client_secret: p.client_secret, payment_method: CARD('4000000000000002') };
    const first = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody, headers });
    const second = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody, headers });
    expect(first.status).toBe(402);
    expect(second.status).toBe(402);
    expect(second.text).toBe(first.text);
    expect(t.events.filter((e) => e.type === 'payment.failed' && e.object['id'] === p.id)).toHaveLength(1);
  });

  it('does not store a validation error: the same key works once the body is fixed', async () => {
    const headers = { 'x-idempotency-key': 'fix-me' };
    const bad = await t.api('POST', '/v1/payments', { body: { ...body, amount: '1250' }, headers });
    expect(bad.status).toBe(400);
    const fixed = await t.api('POST', '/v1/payments', { body, headers });
    expect(fixed.status).toBe(200);
    const replay = await t.api('POST', '/v1/payments', { body, headers });
    expect(replay.text).toBe(fixed.text);
  });

  it('refuses a malformed key', async () => {
    const res = await t.api('POST', '/v1/payments', { body, headers: { 'x-idempotency-key': 'x'.repeat(256) } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('idempotency_key_invalid');
  });

  it('ignores the key on GET', async () => {
    const p = await createPayment(t);
    const res = await t.api('GET', `/v1/payments/${p.id}`, { headers: { 'x-idempotency-key': 'order-42-v1' } });
    expect(res.status).toBe(200);
    expect(res.json.data.id).toBe(p.id);
  });
});

/** Checklist group F, server side: live keys, forged client secrets, what a publishable key may read. */
import { CLIENT_SAFE_PAYMENT_FIELDS } from '@soxara/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../../../../scripts/figures.ts';
import { CARD, MOMO, createPayment, startTestSandbox, type ApiResponse, type TestSandbox } from '../helpers.ts';
import { byId, confirmBody, countEvents, idem, uid } from './rows.ts';

let t: TestSandbox;
beforeAll(async () => {
  // MoMo prompts stay pending for the whole file, so F4 reads them in requires_action.
  t = await startTestSandbox({ momoDelayMs: 5_000, momoExpiryMs: 20_000 });
});
afterAll(async () => {
  await t.close();
});

describe('F. Keys and secrets (sandbox side)', () => {
  it('F2 live keys are refused on every route with a typed 401 and see nothing of test-mode objects', async () => {
    const p = await createPayment(t, { amount: 4321, description: 'F2-private' });
    const liveSecret = t.sk.replace('sxs_test_', 'sxs_live_');
    const livePublishable = t.pk.replace('sxm_test_', 'sxm_live_');
    const attempts: [string, string, string, unknown?][] = [
      ['GET', `/v1/payments/${p.id}`, liveSecret],
      ['GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, livePublishable],
      ['POST', `/v1/payments/${p.id}/confirm`, livePublishable, confirmBody(p)],
      ['POST', '/v1/refunds', liveSecret, { payment: p.id }],
      ['GET', '/v1/events', liveSecret],
      ['GET', '/v1/webhook_endpoints', liveSecret],
    ];
    for (const [method, path, key, body] of attempts) {
      const res = await t.api(method, path, { key, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.json.error).toMatchObject({ type: 'authentication_error', code: 'live_key_in_sandbox' });
      for (const leak of [p.id, p.client_secret, '4321', 'F2-private']) expect(res.text).not.toContain(leak);
    }
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('requires_payment_method');
  });

  it("F3 payment A's client secret, or B's with a tampered suffix, cannot read or confirm B; nothing changes and nothing leaks", async () => {
    const a = await createPayment(t);
    const b = await createPayment(t, { amount: 7777, description: 'B-private', metadata: { order_id: 'B-order' } });
    const suffixOf = (secret: string) => secret.slice(secret.indexOf('_secret_') + '_secret_'.length);
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;
    const forged = [
      ["A's secret", a.client_secret],
      ["B's id with A's suffix", `${b.id}_secret_${suffixOf(a.client_secret)}`],
      ["B's secret, last character changed", flip(b.client_secret)],
      ["B's secret, one character added", `${b.client_secret}x`],
      ["B's secret, truncated", b.client_secret.slice(0, -4)],
    ];
    recordFigures('checklist-server', { forged_client_secrets: forged.length });
    for (const [name, secret] of forged) {
      const confirm = await t.api('POST', `/v1/payments/${b.id}/confirm`, {
        key: t.pk,
        body: { client_secret: secret, payment_method: CARD('4242424242424242') },
      });
      const read = await t.api('GET', `/v1/payments/${b.id}?client_secret=${encodeURIComponent(secret!)}`, { key: t.pk });
      for (const res of [confirm, read]) {
        expect(res.status, name).toBe(400);
        expect(res.json.error, name).toMatchObject({ type: 'invalid_request_error', code: 'client_secret_invalid', param: 'client_secret' });
        for (const leak of ['7777', 'B-private', 'B-order', a.client_secret, b.client_secret]) expect(res.text, name).not.toContain(leak);
      }
    }
    expect((await t.api('GET', `/v1/payments/${b.id}`)).json.data.status).toBe('requires_payment_method');
    expect(countEvents(t, 'payment.succeeded', byId(b.id)) + countEvents(t, 'payment.failed', byId(b.id))).toBe(0);
  });

  const publishableAnswers: [string, () => Promise<ApiResponse>][] = [
    ['retrieve (requires_payment_method)', async () => {
      const p = await createPayment(t, { metadata: { order_id: 'F4-private' } });
      return t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, { key: t.pk });
    }],
    ['confirm → succeeded', async () => {
      const p = await createPayment(t, { metadata: { order_id: 'F4-private' } });
      return t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p) });
    }],
    ['confirm → requires_action (3-D Secure)', async () => {
      const p = await createPayment(t, { metadata: { order_id: 'F4-private' } });
      return t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p, '4000002760003184') });
    }],
    ['confirm → requires_action (MoMo PIN prompt)', async () => {
      const p = await createPayment(t, { metadata: { order_id: 'F4-private' } });
      return t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: { client_secret: p.client_secret, payment_method: MOMO('0881158457') } });
    }],
    ['confirm → requires_action (wallet)', async () => {
      const p = await createPayment(t, { metadata: { order_id: 'F4-private' } });
      return t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: { client_secret: p.client_secret, payment_method: { type: 'soxara_wallet' } } });
    }],
    ['long poll after a MoMo confirm', async () => {
      const p = await createPayment(t, { metadata: { order_id: 'F4-private' } });
      await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: { client_secret: p.client_secret, payment_method: MOMO('0881158457') } });
      return t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}&wait=0.2&if_status=requires_action`, { key: t.pk });
    }],
  ];

  it.each(publishableAnswers)('F4 publishable-key answer, %s: only client-safe fields', async (_name, answer) => {
    const res = await answer();
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.data).sort()).toEqual([...CLIENT_SAFE_PAYMENT_FIELDS].sort());
    for (const leak of ['F4-private', '_secret_', '"customer"', '+231881158457', '4242424242424242', '"cvc"']) expect(res.text).not.toContain(leak);
  });

  it('F4 the payment inside a publishable-key decline (402) has only client-safe fields', async () => {
    const p = await createPayment(t, { metadata: { order_id: 'F4-private' } });
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p, '4000000000000002') });
    expect(res.status).toBe(402);
    expect(Object.keys(res.json.error.payment_intent).sort()).toEqual([...CLIENT_SAFE_PAYMENT_FIELDS].sort());
    for (const leak of ['F4-private', '_secret_', '4000000000000002']) expect(res.text).not.toContain(leak);
  });

  it('F6 idempotency keys are scoped per account: the same key in another account is a new request (no replay, no reuse error)', async () => {
    const other = (await t.api('POST', '/v1/test_helpers/accounts', { key: null })).json.data as { secret_key: string };
    const key = uid('f6');
    const mine = await t.api('POST', '/v1/payments', { body: { amount: 1000, currency: 'USD' }, headers: idem(key) });
    const theirs = await t.api('POST', '/v1/payments', { key: other.secret_key, body: { amount: 2000, currency: 'LRD' }, headers: idem(key) });
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.json.data).toMatchObject({ amount: 2000, currency: 'LRD' });
    const theirsAgain = await t.api('POST', '/v1/payments', { key: other.secret_key, body: { amount: 2000, currency: 'LRD' }, headers: idem(key) });
    expect(theirsAgain.text).toBe(theirs.text);
    const mineAgain = await t.api('POST', '/v1/payments', { body: { amount: 1000, currency: 'USD' }, headers: idem(key) });
    expect(mineAgain.text).toBe(mine.text);
    expect((await t.api('GET', `/v1/payments/${theirs.json.data.id}`)).status).toBe(404);
  });
});

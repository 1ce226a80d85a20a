/**
 * `@soxara/node` against a real sandbox over HTTP: the new routes, auto-pagination both ways, and the
 * request id of a failed call matching the answer's header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Soxara, SoxaraInvalidRequestError, type Payment } from '@soxara/node';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
let soxara: Soxara;
/** Newest first. */
const made: Payment[] = [];
beforeAll(async () => {
  t = await startTestSandbox();
  const account = await t.data('POST', '/v1/test_helpers/accounts', { key: null, body: {} });
  soxara = new Soxara(account.secret_key, { baseUrl: t.url });
  for (let i = 0; i < 5; i++) made.unshift(await soxara.payments.create({ amount: 100 + i, currency: 'USD' }));
});
afterAll(async () => {
  await t.close();
});

describe('@soxara/node on the sandbox', () => {
  it('awaits one page of payments', async () => {
    const page = await soxara.payments.list({ limit: 2 });
    expect(page).toMatchObject({ object: 'list', url: '/v1/payments', has_more: true });
    expect(page.data.map((p) => p.id)).toEqual(made.slice(0, 2).map((p) => p.id));
  });

  it('iterates every payment across pages with for await', async () => {
    const seen: string[] = [];
    for await (const payment of soxara.payments.list({ limit: 2 })) seen.push(payment.id);
    expect(seen).toEqual(made.map((p) => p.id));
  });

  it('iterates newer with ending_before, and stops at autoPagingToArray’s limit', async () => {
    const newer: string[] = [];
    for await (const payment of soxara.payments.list({ limit: 1, ending_before: made[3]!.id })) newer.push(payment.id);
    expect(newer).toEqual([made[2]!.id, made[1]!.id, made[0]!.id]);
    const three = await soxara.payments.list({ limit: 2 }).autoPagingToArray({ limit: 3 });
    expect(three.map((p) => p.id)).toEqual(made.slice(0, 3).map((p) => p.id));
  });

  it('updates a payment and lists one payment’s refunds', async () => {
    const payment = made[4]!;
    const updated = await soxara.payments.update(payment.id, { amount: 2500, metadata: { order_id: '77' } });
    expect(updated).toMatchObject({ amount: 2500, metadata: { order_id: '77' } });
    await soxara.payments.confirm(payment.id, { payment_method: { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' } } });
    await soxara.refunds.create({ payment: payment.id, amount: 500 });
    await soxara.refunds.create({ payment: payment.id, amount: 700 });
    const refunds = await soxara.refunds.list({ payment: payment.id }).autoPagingToArray({ limit: 10 });
    expect(refunds.map((r) => r.amount)).toEqual([700, 500]);
    const succeeded = await soxara.payments.list({ status: 'succeeded', created: { gte: Math.floor(Date.now() / 1000) - 3600 } });
    expect(succeeded.data.map((p) => p.id)).toEqual([payment.id]);
  });

  it('gives a failed call the request id the sandbox answered with', async () => {
    const error = await soxara.payments.update(made[0]!.id, { amount: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SoxaraInvalidRequestError);
    const { requestId } = error as SoxaraInvalidRequestError;
    expect(requestId).toMatch(/^req_/);
    expect((error as SoxaraInvalidRequestError).raw).toMatchObject({ request_id: requestId, param: 'amount' });
  });
});

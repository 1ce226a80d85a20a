/**
 * A data dir written before 0.2.0 holds payments and payment events whose `payment_method` is the details
 * object. Restarted on such a dir, the sandbox answers them in today's shape: the name in
 * `payment_method`, the details in `payment_method_details`, exactly as it would have written them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CARD, MOMO, createPayment, startTestSandbox, waitForStatusChange, type TestSandbox } from './helpers.ts';

type Json = Record<string, unknown>;

/** What 0.1.0 stored: the details under `payment_method`, and the wallet's with an empty `soxara_wallet`. */
function toOldShape(payment: Json): Json {
  const old: Json = {};
  for (const [key, value] of Object.entries(payment)) {
    if (key === 'payment_method_details') continue;
    if (key !== 'payment_method') old[key] = value;
    else if (payment['payment_method'] === 'soxara_wallet') old[key] = { type: 'soxara_wallet', soxara_wallet: {} };
    else old[key] = payment['payment_method_details'];
  }
  return old;
}

let t: TestSandbox | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('a data dir of 0.1.0', () => {
  it('answers its payments and payment events in the new shape after a restart', async () => {
    let first: TestSandbox | undefined = await startTestSandbox({ momoDelayMs: 50 });
    const card = await createPayment(first);
    await first.api('POST', `/v1/payments/${card.id}/confirm`, { body: { payment_method: CARD('4242424242424242') } });
    const momo = await createPayment(first);
    await first.api('POST', `/v1/payments/${momo.id}/confirm`, { body: { payment_method: MOMO('0881158457') } });
    await waitForStatusChange(first, momo.id, 'requires_action');
    const wallet = await createPayment(first);
    await first.api('POST', `/v1/payments/${wallet.id}/confirm`, { body: { payment_method: { type: 'soxara_wallet' } } });
    await first.api('POST', `/v1/test_helpers/payments/${wallet.id}/approve`);
    const untouched = await createPayment(first);

    const ids = [card.id, momo.id, wallet.id, untouched.id];
    const paymentsBefore = await Promise.all(ids.map(async (id) => (await first!.api('GET', `/v1/payments/${id}`)).json.data));
    const eventsBefore = (await first.api('GET', '/v1/events?limit=100')).json.data as Json[];
    expect(paymentsBefore.map((p) => p.payment_method)).toEqual(['card', 'momo', 'soxara_wallet', null]);

    // Rewrite the stored rows as 0.1.0 wrote them.
    const db = first.sandbox.deps.db;
    for (const payment of paymentsBefore) {
      db.prepare('UPDATE payments SET data = ? WHERE id = ?').run(JSON.stringify(toOldShape(payment)), payment.id);
    }
    for (const event of eventsBefore) {
      const data = event['data'] as { object: Json };
      const body = { ...event, data: { object: toOldShape(data.object) } };
      db.prepare('UPDATE events SET body = ? WHERE id = ?').run(JSON.stringify(body), event['id']);
    }
    const oldCard = JSON.parse(db.prepare<[string], { data: string }>('SELECT data FROM payments WHERE id = ?').get(card.id)!.data);
    expect(oldCard.payment_method).toMatchObject({ type: 'card', card: { last4: '4242' } });
    const dataDir = first.dataDir;
    await first.close({ keepData: true });
    first = undefined;

    t = await startTestSandbox({ dataDir, momoDelayMs: 50 });
    const paymentsAfter = await Promise.all(ids.map(async (id) => (await t!.api('GET', `/v1/payments/${id}`)).text));
    expect(paymentsAfter).toEqual(paymentsBefore.map((p) => JSON.stringify({ success: true, data: p })));
    const eventsAfter = (await t.api('GET', '/v1/events?limit=100')).json.data;
    expect(eventsAfter).toEqual(eventsBefore);
    expect(eventsAfter).toHaveLength(9);
  });
});

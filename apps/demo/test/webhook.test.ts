import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@soxara/protocol';
import { getOrder } from '../src/orders.ts';
import { receiveDelivery } from '../src/webhook.ts';
import { thanksState } from '../src/pages/thanks.ts';
import { deliver, event, freshDb, orderAwaitingPayment, paymentOf, refundOf, SECRET, sign } from './fixtures.ts';

describe('payment.succeeded', () => {
  it('marks an awaiting order paid, with the payment and its time', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    expect(deliver(db, event('payment.succeeded', paymentOf(order)))).toMatchObject({ outcome: 'processed', orderId: order.id });
    expect(getOrder(db, order.id)).toMatchObject({ status: 'paid', payment_id: order.payment_id, paid_at: '2026-05-23T14:05:32Z' });
  });

  it('applies a replay of the same signed delivery once (the guide\'s "idempotent retry")', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    const delivery = sign(event('payment.succeeded', paymentOf(order)));
    expect(receiveDelivery(db, SECRET, delivery).outcome).toBe('processed');
    const paid = getOrder(db, order.id);
    expect(receiveDelivery(db, SECRET, delivery).outcome).toBe('duplicate');
    expect(receiveDelivery(db, SECRET, delivery).outcome).toBe('duplicate');
    expect(getOrder(db, order.id)).toEqual(paid);
    const rows = db.prepare(`SELECT COUNT(*) AS n FROM processed_events WHERE order_id = ?`).get(order.id) as { n: number };
    expect(rows.n).toBe(1);
  });

  it('does not flip a canceled order to paid (the WHERE status IN guard)', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    db.prepare(`UPDATE orders SET status = 'canceled' WHERE id = ?`).run(order.id);
    deliver(db, event('payment.succeeded', paymentOf(order)));
    expect(getOrder(db, order.id)?.status).toBe('canceled');
  });

  it('does not pay an order with a payment that is not its own', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    deliver(db, event('payment.succeeded', paymentOf(order, { id: 'pi_someoneelse' })));
    expect(getOrder(db, order.id)?.status).toBe('awaiting_payment');
  });

  it('does not pay an order when the amount differs from the order', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    deliver(db, event('payment.succeeded', paymentOf(order, { amount: 1 })));
    expect(getOrder(db, order.id)).toMatchObject({ status: 'awaiting_payment', last_error_code: 'amount_mismatch' });
  });
});

describe('payment.failed', () => {
  it('records the decline so the thanks page shows a failure, and a later success still pays', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    const declined = paymentOf(order, {
      status: 'requires_payment_method',
      succeeded_at: null,
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
    });
    deliver(db, event('payment.failed', declined));
    const failed = getOrder(db, order.id)!;
    expect(failed).toMatchObject({ status: 'awaiting_payment', last_error_code: 'generic_decline', last_error_message: 'Your card was declined.' });
    expect(thanksState(failed)).toBe('failed');

    deliver(db, event('payment.succeeded', paymentOf(order)));
    expect(getOrder(db, order.id)).toMatchObject({ status: 'paid', last_error_code: null });
  });
});

describe('refunds', () => {
  it('marks a paid order refunded on refund.succeeded', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    deliver(db, event('payment.succeeded', paymentOf(order)));
    const refund = refundOf(order);
    deliver(db, event('refund.created', { ...refund, status: 'pending' }));
    expect(getOrder(db, order.id)?.status).toBe('paid');
    deliver(db, event('refund.succeeded', refund));
    expect(getOrder(db, order.id)).toMatchObject({ status: 'refunded', refunded_amount: order.amount });
  });

  it('marks a partial refund as such', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db, 2);
    deliver(db, event('payment.succeeded', paymentOf(order)));
    deliver(db, event('refund.succeeded', refundOf(order, { amount: 1250 })));
    expect(getOrder(db, order.id)).toMatchObject({ status: 'partially_refunded', refunded_amount: 1250 });
  });

  it('survives refund.succeeded before payment.succeeded and ends refunded (out-of-order delivery)', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    expect(deliver(db, event('refund.succeeded', refundOf(order))).outcome).toBe('processed');
    expect(getOrder(db, order.id)?.status).toBe('awaiting_payment');
    expect(deliver(db, event('payment.succeeded', paymentOf(order))).outcome).toBe('processed');
    expect(getOrder(db, order.id)).toMatchObject({ status: 'refunded', refunded_amount: order.amount, paid_at: '2026-05-23T14:05:32Z' });
  });

  it('keeps a final refund status when refund.created arrives late', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    deliver(db, event('payment.succeeded', paymentOf(order)));
    const refund = refundOf(order);
    deliver(db, event('refund.succeeded', refund));
    deliver(db, event('refund.created', { ...refund, status: 'pending' }));
    expect(getOrder(db, order.id)?.status).toBe('refunded');
  });

  it('ends in the same state whatever the order and repetition of deliveries', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 12 }), (picks) => {
        const db = freshDb();
        const order = orderAwaitingPayment(db);
        const refund = refundOf(order);
        const deliveries = [
          sign(event('payment.succeeded', paymentOf(order))),
          sign(event('refund.created', { ...refund, status: 'pending' })),
          sign(event('refund.succeeded', refund)),
          sign(event('payment.requires_action', paymentOf(order, { status: 'requires_action', succeeded_at: null }))),
        ];
        // Every delivery at least once (at-least-once delivery), in the order and with the repeats fast-check picks.
        for (const i of [...picks, 0, 1, 2, 3]) expect(receiveDelivery(db, SECRET, deliveries[i]!).outcome).not.toBe('rejected');
        expect(getOrder(db, order.id)).toMatchObject({ status: 'refunded', refunded_amount: order.amount });
      }),
      { numRuns: 100 },
    );
  });
});

describe('robustness', () => {
  it('never throws on a signed event of any type with any data.object (acknowledged, not retried forever)', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    const types = [...EVENT_TYPES, 'something.new'];
    const objects = fc.oneof(
      fc.object(),
      fc.record({ id: fc.oneof(fc.string(), fc.constant(order.payment_id)), payment: fc.anything(), amount: fc.anything(), currency: fc.anything(), metadata: fc.anything(), last_payment_error: fc.anything(), succeeded_at: fc.anything() }, { requiredKeys: [] }),
      fc.record({ id: fc.constant(order.payment_id), amount: fc.constant(order.amount), currency: fc.constant('USD'), metadata: fc.constant({ order_id: String(order.id) }), succeeded_at: fc.anything(), last_payment_error: fc.anything() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...types), objects, fc.string({ minLength: 1 }), (type, object, id) => {
        const result = deliver(db, { id: `evt_${id}`, object: 'event', type, livemode: false, created_at: '2026-05-23T14:05:33Z', data: { object } });
        expect(['processed', 'duplicate']).toContain(result.outcome);
      }),
      { numRuns: 300 },
    );
  });
});

describe('verification', () => {
  it('rejects a wrong secret, a tampered body, a missing header and a stale timestamp without touching the order', () => {
    const db = freshDb();
    const order = orderAwaitingPayment(db);
    const evt = event('payment.succeeded', paymentOf(order));
    const good = sign(evt);
    const cases = [
      sign(evt, 'whsec_wrong'),
      { rawBody: good.rawBody.replace('"amount":1250', '"amount":1'), signature: good.signature },
      { rawBody: good.rawBody, signature: undefined },
      sign(evt, SECRET, Math.floor(Date.now() / 1000) - 3600),
      { rawBody: 'not json', signature: sign({}).signature },
    ];
    for (const delivery of cases) expect(receiveDelivery(db, SECRET, delivery).outcome).toBe('rejected');
    expect(getOrder(db, order.id)?.status).toBe('awaiting_payment');
  });

  it('rejects a signed body that is not an event', () => {
    const db = freshDb();
    expect(receiveDelivery(db, SECRET, sign({ hello: 'world' }))).toMatchObject({ outcome: 'rejected', code: 'invalid_event' });
  });

  it('answers not_configured before the endpoint secret is known', () => {
    const db = freshDb();
    expect(receiveDelivery(db, undefined, sign({ id: 'evt_1' })).outcome).toBe('not_configured');
  });

  it('acknowledges the event types this shop does not use', () => {
    const db = freshDb();
    const result = deliver(db, { id: 'evt_transfer1', object: 'event', type: 'transfer.created', livemode: false, created_at: '2026-05-23T14:05:33Z', data: { object: { id: 'tr_1' } } });
    expect(result).toMatchObject({ outcome: 'processed', orderId: null });
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Payment, Refund } from '../src/api.ts';
import { EVENT_TYPES, isEventType, type Dispute, type EventOf, type SoxaraEvent } from '../src/events.ts';

describe('event types', () => {
  it("types payment_method as the event reference's method name, with the details beside it", () => {
    const methodOf = (event: EventOf<'payment.succeeded'>): string | null => {
      const payment = event.data.object;
      expectTypeOf(payment.payment_method).toEqualTypeOf<'card' | 'momo' | 'soxara_wallet' | null>();
      // @ts-expect-error the details are no longer under payment_method
      void payment.payment_method?.card;
      if (payment.payment_method_details?.type === 'card') return payment.payment_method_details.card.last4;
      return payment.payment_method;
    };
    expect(typeof methodOf).toBe('function');
  });

  it('lists the 27 types of the event reference, once each', () => {
    expect(EVENT_TYPES).toHaveLength(27);
    expect(new Set(EVENT_TYPES).size).toBe(27);
    expect(Object.isFrozen(EVENT_TYPES)).toBe(true);
    const families = EVENT_TYPES.map((type) => type.slice(0, type.lastIndexOf('.')));
    expect(families.filter((f) => f === 'payment')).toHaveLength(5);
    expect(families.filter((f) => f === 'charge.dispute')).toHaveLength(3);
  });

  it('recognises only those types', () => {
    expect(isEventType('payment.succeeded')).toBe(true);
    expect(isEventType('charge.dispute.closed')).toBe(true);
    for (const x of ['payment.exploded', 'toString', '__proto__', '', 42, null, undefined]) expect(isEventType(x)).toBe(false);
  });

  it('narrows data.object by type', () => {
    const handle = (event: SoxaraEvent): string => {
      switch (event.type) {
        case 'payment.succeeded':
          expectTypeOf(event.data.object).toEqualTypeOf<Payment>();
          return event.data.object.status;
        case 'refund.failed':
          expectTypeOf(event.data.object).toEqualTypeOf<Refund>();
          return event.data.object.failure_reason ?? '';
        case 'charge.dispute.closed':
          expectTypeOf(event.data.object).toEqualTypeOf<Dispute>();
          return event.data.object.reason;
        default:
          // @ts-expect-error not every remaining type's object is a payment with a client_secret
          return event.data.object.client_secret;
      }
    };
    expect(typeof handle).toBe('function');
    expectTypeOf<EventOf<'payment.created' | 'refund.created'>>().toEqualTypeOf<EventOf<'payment.created'> | EventOf<'refund.created'>>();
  });
});

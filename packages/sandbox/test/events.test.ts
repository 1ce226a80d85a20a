import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, isEventType, type EventOf, type EventType, type SoxaraEvent } from '@soxara/protocol';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

/** The fields each object kind must carry (from packages/protocol), to check the samples are complete. */
const REQUIRED_FIELDS: Record<string, string[]> = {
  payment: ['id', 'amount', 'amount_refunded', 'currency', 'status', 'client_secret', 'metadata', 'payment_method', 'payment_method_details', 'next_action', 'last_payment_error', 'created_at'],
  refund: ['id', 'payment', 'amount', 'currency', 'status', 'failure_reason', 'metadata', 'created_at'],
  transfer: ['id', 'amount', 'currency', 'status', 'sender', 'recipient', 'claim_expires_at', 'metadata', 'created_at'],
  gift_card: ['id', 'initial_amount', 'balance', 'currency', 'status', 'code_last4', 'purchaser', 'expires_at', 'metadata', 'created_at'],
  bill_payment: ['id', 'amount', 'currency', 'status', 'biller', 'account_number', 'token', 'customer', 'metadata', 'created_at'],
  membership: ['id', 'status', 'tier', 'customer', 'current_period_start', 'current_period_end', 'metadata', 'created_at'],
  dispute: ['id', 'payment', 'amount', 'currency', 'status', 'reason', 'evidence_details', 'metadata', 'created_at'],
};

function objectKind(type: EventType): string {
  return type.startsWith('charge.dispute.') ? 'dispute' : type.slice(0, type.lastIndexOf('.'));
}

const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function expectValidEvent(event: SoxaraEvent, type: EventType): void {
  expect(Object.keys(event)).toEqual(['id', 'object', 'type', 'livemode', 'created_at', 'data']);
  expect(event.id).toMatch(/^evt_[A-Za-z0-9]{16,}$/);
  expect(event).toMatchObject({ object: 'event', type, livemode: false });
  expect(isEventType(event.type)).toBe(true);
  expect(event.created_at).toMatch(ISO_SECONDS);
  const object = event.data.object as unknown as Record<string, unknown>;
  const kind = objectKind(type);
  expect(object.object).toBe(kind);
  for (const field of REQUIRED_FIELDS[kind] ?? []) expect(object, `${type} ${field}`).toHaveProperty(field);
  expect(object.created_at).toMatch(ISO_SECONDS);
  expect(['USD', 'LRD', undefined]).toContain(object.currency);
}

/** A further account of the sandbox, as `POST /v1/test_helpers/accounts` makes it. */
async function otherAccount(): Promise<{ secret_key: string }> {
  return t.data('POST', '/v1/test_helpers/accounts', { key: null });
}

const trigger = <T extends EventType>(type: T, key = t.sk): Promise<EventOf<T>> => t.data('POST', '/v1/test_helpers/events', { key, body: { type } });

describe('POST /v1/test_helpers/events', () => {
  it.each(EVENT_TYPES.map((type) => [type]))('emits a valid %s event, then retrievable', async (type) => {
    const event = await trigger(type);
    expectValidEvent(event, type);
    expect(await t.data('GET', `/v1/events/${event.id}`)).toEqual(event);
  });

  it('makes payment samples consistent with their status', async () => {
    const succeeded = await trigger('payment.succeeded');
    expect(succeeded.data.object).toMatchObject({ status: 'succeeded', metadata: { order_id: '5021' } });
    expect(succeeded.data.object.succeeded_at).toMatch(ISO_SECONDS);
    expect(succeeded.data.object.client_secret.startsWith(`${succeeded.data.object.id}_secret_`)).toBe(true);
    const failed = await trigger('payment.failed');
    expect(failed.data.object).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
    const action = await trigger('payment.requires_action');
    expect(action.data.object.next_action?.type).toBe('momo_pin_prompt');
  });

  it('refuses an unknown or missing type with 400 param type', async () => {
    for (const body of [{ type: 'payment.exploded' }, {}]) {
      const refused = await t.api('POST', '/v1/test_helpers/events', { body });
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatchObject({ type: 'invalid_request_error', param: 'type' });
    }
  });

  it('needs a secret key', async () => {
    const response = await t.api('POST', '/v1/test_helpers/events', { key: null, body: { type: 'payment.created' } });
    expect(response.status).toBe(401);
  });
});

describe('GET /v1/events', () => {
  it('lists newest first and pages with starting_after', async () => {
    const { secret_key: key } = await otherAccount();
    const list = async (query: string): Promise<{ ids: string[]; hasMore: boolean }> => {
      const answer = await t.api('GET', `/v1/events${query}`, { key });
      expect(answer.status).toBe(200);
      return { ids: (answer.json.data as SoxaraEvent[]).map((e) => e.id), hasMore: answer.json.has_more };
    };
    const created: string[] = [];
    for (const type of ['payment.created', 'refund.created', 'payment.succeeded', 'transfer.created', 'payment.canceled'] as const) {
      created.push((await trigger(type, key)).id);
    }
    const newestFirst = [...created].reverse();

    expect(await list('')).toEqual({ ids: newestFirst, hasMore: false });
    const first = await list('?limit=2');
    expect(first).toEqual({ ids: newestFirst.slice(0, 2), hasMore: true });
    const second = await list(`?limit=2&starting_after=${first.ids[1]}`);
    expect(second).toEqual({ ids: newestFirst.slice(2, 4), hasMore: true });
    expect(await list(`?limit=2&starting_after=${second.ids[1]}`)).toEqual({ ids: newestFirst.slice(4), hasMore: false });
    expect((await list('?type=payment.succeeded')).ids).toEqual([created[2]]);
  });

  it('filters by a family of types (payment.*)', async () => {
    const { secret_key: key } = await otherAccount();
    await trigger('payment.created', key);
    await trigger('refund.created', key);
    const events: SoxaraEvent[] = await t.data('GET', '/v1/events?type=payment.*', { key });
    expect(events.map((e) => e.type)).toEqual(['payment.created']);
  });

  it('validates limit, type and starting_after', async () => {
    const refusal = async (query: string) => {
      const answer = await t.api('GET', `/v1/events?${query}`);
      return { status: answer.status, param: answer.json.error?.param };
    };
    for (const limit of [0, 101]) expect(await refusal(`limit=${limit}`)).toEqual({ status: 400, param: 'limit' });
    expect(await refusal('type=nope')).toEqual({ status: 400, param: 'type' });
    expect(await refusal('starting_after=evt_missing')).toEqual({ status: 404, param: 'starting_after' });
    expect((await t.data('GET', '/v1/events?limit=100')).length).toBeLessThanOrEqual(100);
  });

  it('shows an account only its own events', async () => {
    const mine = await trigger('gift_card.created');
    const { secret_key: key } = await otherAccount();
    expect((await t.api('GET', `/v1/events/${mine.id}`, { key })).status).toBe(404);
    expect(await t.data('GET', '/v1/events', { key })).toEqual([]);
  });

  it('records the events of real payments, with the merchant metadata', async () => {
    const payment = await t.data('POST', '/v1/payments', { body: { amount: 1250, currency: 'USD', metadata: { order_id: '5021' } } });
    const [event]: SoxaraEvent[] = await t.data('GET', '/v1/events?type=payment.created&limit=1');
    expect(event?.data.object).toMatchObject({ id: payment.id, metadata: { order_id: '5021' } });
  });
});

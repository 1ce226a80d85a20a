import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, isEventType, type EventType, type SoxaraEvent } from '@soxara/protocol';
import { Soxara, SoxaraInvalidRequestError, type SoxaraError } from '@soxara/node';
import { startTestSandbox, type TestSandbox } from './support/events-sandbox.ts';

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

/** The fields each object kind must carry (from packages/protocol), to check the samples are complete. */
const REQUIRED_FIELDS: Record<string, string[]> = {
  payment: ['id', 'amount', 'amount_refunded', 'currency', 'status', 'client_secret', 'metadata', 'payment_method', 'next_action', 'last_payment_error', 'created_at'],
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

async function caught(promise: Promise<unknown>): Promise<SoxaraError> {
  try {
    await promise;
  } catch (error) {
    return error as SoxaraError;
  }
  throw new Error('expected the call to throw');
}

describe('POST /v1/test_helpers/events', () => {
  it.each(EVENT_TYPES.map((type) => [type]))('emits a valid %s event, then retrievable', async (type) => {
    const event = await t.soxara.testHelpers.events.create(type);
    expectValidEvent(event, type);
    expect(await t.soxara.events.retrieve(event.id)).toEqual(event);
  });

  it('makes payment samples consistent with their status', async () => {
    const succeeded = await t.soxara.testHelpers.events.create('payment.succeeded');
    expect(succeeded.data.object).toMatchObject({ status: 'succeeded', metadata: { order_id: '5021' } });
    expect(succeeded.data.object.succeeded_at).toMatch(ISO_SECONDS);
    expect(succeeded.data.object.client_secret.startsWith(`${succeeded.data.object.id}_secret_`)).toBe(true);
    const failed = await t.soxara.testHelpers.events.create('payment.failed');
    expect(failed.data.object).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
    const action = await t.soxara.testHelpers.events.create('payment.requires_action');
    expect(action.data.object.next_action?.type).toBe('momo_pin_prompt');
  });

  it('refuses an unknown or missing type with 400 param type', async () => {
    const unknown = await caught(t.soxara.testHelpers.events.create('payment.exploded' as EventType));
    expect(unknown).toBeInstanceOf(SoxaraInvalidRequestError);
    expect(unknown).toMatchObject({ statusCode: 400, param: 'type' });
    const response = await fetch(`${t.sandbox.url}/v1/test_helpers/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.secretKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('type');
  });

  it('needs a secret key', async () => {
    const response = await fetch(`${t.sandbox.url}/v1/test_helpers/events`, { method: 'POST', body: '{"type":"payment.created"}' });
    expect(response.status).toBe(401);
  });
});

describe('GET /v1/events', () => {
  it('lists newest first and pages with starting_after', async () => {
    const account = await t.soxara.testHelpers.accounts.create();
    const soxara = new Soxara(account.secret_key, { baseUrl: t.sandbox.url });
    const created: string[] = [];
    for (const type of ['payment.created', 'refund.created', 'payment.succeeded', 'transfer.created', 'payment.canceled'] as const) {
      created.push((await soxara.testHelpers.events.create(type)).id);
    }
    const newestFirst = [...created].reverse();

    const all = await soxara.events.list();
    expect(all.data.map((e) => e.id)).toEqual(newestFirst);
    expect(all.has_more).toBe(false);

    const first = await soxara.events.list({ limit: 2 });
    expect(first.data.map((e) => e.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    const second = await soxara.events.list({ limit: 2, starting_after: first.data[1]!.id });
    expect(second.data.map((e) => e.id)).toEqual(newestFirst.slice(2, 4));
    expect(second.has_more).toBe(true);
    const third = await soxara.events.list({ limit: 2, starting_after: second.data[1]!.id });
    expect(third.data.map((e) => e.id)).toEqual(newestFirst.slice(4));
    expect(third.has_more).toBe(false);

    const payments = await soxara.events.list({ type: 'payment.succeeded' });
    expect(payments.data.map((e) => e.id)).toEqual([created[2]]);
  });

  it('filters by a family of types (payment.*)', async () => {
    const account = await t.soxara.testHelpers.accounts.create();
    const soxara = new Soxara(account.secret_key, { baseUrl: t.sandbox.url });
    await soxara.testHelpers.events.create('payment.created');
    await soxara.testHelpers.events.create('refund.created');
    const response = await fetch(`${t.sandbox.url}/v1/events?type=payment.*`, { headers: { authorization: `Bearer ${account.secret_key}` } });
    const body = (await response.json()) as { data: SoxaraEvent[] };
    expect(body.data.map((e) => e.type)).toEqual(['payment.created']);
  });

  it('validates limit, type and starting_after', async () => {
    for (const limit of [0, 101]) {
      expect(await caught(t.soxara.events.list({ limit }))).toMatchObject({ statusCode: 400, param: 'limit' });
    }
    expect(await caught(t.soxara.events.list({ type: 'nope' as EventType }))).toMatchObject({ statusCode: 400, param: 'type' });
    expect(await caught(t.soxara.events.list({ starting_after: 'evt_missing' }))).toMatchObject({ statusCode: 404, param: 'starting_after' });
    expect((await t.soxara.events.list({ limit: 100 })).data.length).toBeLessThanOrEqual(100);
  });

  it('shows an account only its own events', async () => {
    const mine = await t.soxara.testHelpers.events.create('gift_card.created');
    const other = await t.soxara.testHelpers.accounts.create();
    const soxara = new Soxara(other.secret_key, { baseUrl: t.sandbox.url });
    expect(await caught(soxara.events.retrieve(mine.id))).toMatchObject({ statusCode: 404 });
    expect((await soxara.events.list()).data).toEqual([]);
  });

  it('records the events of real payments, with the merchant metadata', async () => {
    const payment = await t.soxara.payments.create({ amount: 1250, currency: 'USD', metadata: { order_id: '5021' } });
    const { data } = await t.soxara.events.list({ type: 'payment.created', limit: 1 });
    expect(data[0]?.data.object).toMatchObject({ id: payment.id, metadata: { order_id: '5021' } });
  });
});

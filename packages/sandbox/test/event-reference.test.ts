/**
 * The event reference's "Sample payload — payment.succeeded" is what merchants write their webhook
 * handlers against (`if (payment.payment_method === 'card')`, a text column for it). Its fields and
 * their JSON types are written out below by hand from that document; a real `payment.succeeded`,
 * delivered by the sandbox to a webhook endpoint and verified, must carry each of them with that type
 * for a card, a MoMo and a wallet payment. Extra fields are allowed; missing or retyped ones are not.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkSignature } from '@soxara/protocol/signature';
import { startReceiver, type Receiver } from './support/receiver.ts';
import { CARD, MOMO, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';
type Shape = { [field: string]: JsonType | Shape };

/** The sample's envelope, as the document prints it. */
const ENVELOPE: Shape = { id: 'string', type: 'string', livemode: 'boolean', created_at: 'string', data: { object: 'object' } };

/** The sample's `data.object`, as the document prints it. */
const PAYMENT_SUCCEEDED_OBJECT: Shape = {
  id: 'string',
  amount: 'number',
  currency: 'string',
  status: 'string',
  payment_method: 'string',
  description: 'string',
  customer: { id: 'string', phone_number: 'string', country_code: 'string' },
  metadata: { order_id: 'string' },
  created_at: 'string',
  succeeded_at: 'string',
};

const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

/** Every field of `shape` with its JSON type, as `path: type` lines, so a failure lists them all. */
function describeAgainst(shape: Shape, value: unknown, prefix = ''): string[] {
  const object = (jsonType(value) === 'object' ? value : {}) as Record<string, unknown>;
  return Object.entries(shape).flatMap(([field, expected]) => {
    const path = `${prefix}${field}`;
    if (typeof expected === 'string') return [`${path}: ${jsonType(object[field])}`];
    return [`${path}: ${jsonType(object[field])}`, ...describeAgainst(expected, object[field], `${path}.`)];
  });
}

function expectedLines(shape: Shape, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([field, expected]) =>
    typeof expected === 'string'
      ? [`${prefix}${field}: ${expected}`]
      : [`${prefix}${field}: object`, ...expectedLines(expected, `${prefix}${field}.`)],
  );
}

let t: TestSandbox;
let receiver: Receiver;
let secret: string;

beforeAll(async () => {
  t = await startTestSandbox({ momoDelayMs: 100 });
  receiver = await startReceiver();
  const endpoint = await t.api('POST', '/v1/webhook_endpoints', { body: { url: receiver.url, enabled_events: ['payment.succeeded'] } });
  secret = endpoint.json.data.secret;
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

/** The verified `payment.succeeded` delivery of one payment. */
async function deliveredSuccess(paymentId: string): Promise<Record<string, unknown>> {
  return vi.waitFor(() => {
    for (const hook of receiver.received) {
      const check = checkSignature(hook.body, hook.signature, secret);
      if (!check.ok) throw new Error(`a delivery failed its signature check: ${check.message}`);
      const event = JSON.parse(hook.body) as Record<string, unknown>;
      const object = (event['data'] as { object: Record<string, unknown> }).object;
      if (object['id'] === paymentId) return event;
    }
    throw new Error(`no payment.succeeded delivered for ${paymentId} yet`);
  }, { timeout: 10_000, interval: 50 });
}

const ORDER = { amount: 1250, currency: 'USD', description: 'Order #5021', metadata: { order_id: '5021' } };

describe('payment.succeeded as the event reference shows it', () => {
  it.each([
    ['card', CARD('4242424242424242')],
    // Approved by the sandbox after its synthetic delay.
    ['momo', MOMO('+231881158457')],
    // Approved as the customer would in the wallet app.
    ['soxara_wallet', { type: 'soxara_wallet' }],
  ] as const)('%s', async (method, paymentMethod) => {
    const p = await createPayment(t, ORDER);
    const confirm = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: { client_secret: p.client_secret, payment_method: paymentMethod } });
    expect(confirm.status).toBe(200);
    if (method === 'soxara_wallet') expect((await t.api('POST', `/v1/test_helpers/payments/${p.id}/approve`)).status).toBe(200);

    const event = await deliveredSuccess(p.id);
    expect(describeAgainst(ENVELOPE, event)).toEqual(expectedLines(ENVELOPE));
    const object = (event['data'] as { object: Record<string, unknown> }).object;

    // A card payment has no Soxara customer: the sample's `customer` is that of MoMo and wallet payments.
    const shape = method === 'card' ? { ...PAYMENT_SUCCEEDED_OBJECT, customer: 'null' as const } : PAYMENT_SUCCEEDED_OBJECT;
    expect(describeAgainst(shape, object)).toEqual(expectedLines(shape));

    expect(event).toMatchObject({ type: 'payment.succeeded', livemode: false });
    expect(object).toMatchObject({ ...ORDER, id: p.id, status: 'succeeded', payment_method: method });
    for (const at of [event['created_at'], object['created_at'], object['succeeded_at']]) expect(at).toMatch(ISO_SECONDS);
    if (method !== 'card') {
      expect(object['customer']).toMatchObject({ id: expect.stringMatching(/^usr_/), phone_number: expect.stringMatching(/^\+231\d{9}$/), country_code: 'LR' });
    }
    // The details sit beside the name, never the card number or the full phone number.
    expect(object['payment_method_details']).toMatchObject({ type: method });
    expect(JSON.stringify(object['payment_method_details'])).not.toMatch(/4242424242424242|881158457/);
  });
});

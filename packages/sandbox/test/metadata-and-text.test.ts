/**
 * Faults a review found in what the sandbox stores: metadata keys valibot's record skipped (a 200 that
 * lost data), and invalid UTF-8 turned into U+FFFD. Each is kept exactly or refused with a typed 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

// As raw JSON: in an object literal `__proto__:` would set the prototype instead of a key.
const PROTOTYPE_KEYS_JSON = '{"__proto__":"a","constructor":"b","prototype":"c","order_id":"9"}';

describe('metadata keys __proto__, constructor, prototype', () => {
  it('are kept on create, on retrieve and in the event', async () => {
    const res = await t.api('POST', '/v1/payments', { rawBody: `{"amount":100,"currency":"USD","metadata":${PROTOTYPE_KEYS_JSON}}` });
    expect(res.status).toBe(200);
    expect(res.text).toContain(`"metadata":${PROTOTYPE_KEYS_JSON}`);
    const got = await t.api('GET', `/v1/payments/${res.json.data.id}`);
    expect(got.text).toContain(`"metadata":${PROTOTYPE_KEYS_JSON}`);
    const events = await t.api('GET', '/v1/events?type=payment.created&limit=1');
    expect(events.text).toContain(`"metadata":${PROTOTYPE_KEYS_JSON}`);
  });

  it('are kept from a form body and through an update merge', async () => {
    const res = await t.api('POST', '/v1/payments', {
      rawBody: 'amount=100&currency=USD&metadata[__proto__]=a&metadata[constructor]=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.text).toContain('"metadata":{"__proto__":"a","constructor":"b"}');
    const updated = await t.api('POST', `/v1/payments/${res.json.data.id}`, { rawBody: '{"metadata":{"prototype":"c","__proto__":""}}' });
    expect(updated.text).toContain('"metadata":{"constructor":"b","prototype":"c"}');
  });

  it('are kept on a refund', async () => {
    const p = await createPayment(t);
    await t.data('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' } } } });
    const res = await t.api('POST', '/v1/refunds', { rawBody: `{"payment":"${p.id}","metadata":${PROTOTYPE_KEYS_JSON}}` });
    expect(res.status).toBe(200);
    expect(res.text).toContain(`"metadata":${PROTOTYPE_KEYS_JSON}`);
  });
});

describe('metadata limits (50 keys, keys of 40 characters, values of 500)', () => {
  it('takes exactly the limits', async () => {
    const metadata = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${i}`.padStart(40, 'k'), 'v'.repeat(500)]));
    const p = await createPayment(t, { metadata });
    expect(Object.keys(p['metadata'] as object)).toHaveLength(50);
  });
});

describe('text that is not UTF-8', () => {
  async function send(body: Buffer | string, contentType = 'application/json') {
    const res = await fetch(`${t.url}/v1/payments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.sk}`, 'content-type': contentType },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  }
  const before = () => t.events.filter((e) => e.type === 'payment.created').length;

  it.each([
    ['a byte 0xFF in a JSON string', Buffer.concat([Buffer.from('{"amount":100,"currency":"USD","description":"caf'), Buffer.from([0xff]), Buffer.from('"}')])],
    ['a truncated sequence', Buffer.concat([Buffer.from('{"amount":100,"currency":"USD","description":"caf'), Buffer.from([0xc3]), Buffer.from('"}')])],
    ['an encoded surrogate (CESU)', Buffer.concat([Buffer.from('{"amount":100,"currency":"USD","description":"x'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])],
    ['a lone surrogate escape in a value', '{"amount":100,"currency":"USD","description":"x\\ud800"}'],
    ['a lone surrogate escape in a metadata key', '{"amount":100,"currency":"USD","metadata":{"\\udc00":"v"}}'],
  ])('%s → 400 invalid_utf8, nothing stored', async (_name, body) => {
    const count = before();
    const res = await send(body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_utf8' });
    expect(before()).toBe(count);
  });

  it('a form percent-escape that is not UTF-8 → 400 invalid_utf8', async () => {
    const res = await send('amount=100&currency=USD&description=caf%E9', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_utf8');
  });

  it('a well-formed pair and an emoji pass', async () => {
    const res = await send('{"amount":100,"currency":"USD","description":"\\ud83d\\ude00 ☕ 😀"}');
    expect(res.status).toBe(200);
    expect(res.json.data.description).toBe('😀 ☕ 😀');
  });
});

/**
 * Faults a review of the sandbox found, each with the test that failed before its fix: the 3-D Secure
 * fallback redirect built from the Host header with the client secret in it, and the client secret
 * compared with `!==`. (Metadata keys and UTF-8: metadata-and-text.test.ts; card rules: cards.test.ts;
 * aborted requests: stripe-habits.test.ts.)
 */
import { request } from 'node:http';
import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

const timingSafeEqual = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return {
    ...actual,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      timingSafeEqual.calls++;
      return actual.timingSafeEqual(a, b);
    },
  };
});

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ publicUrl: 'http://sandbox.public.test:4010' });
});
afterAll(async () => {
  await t.close();
});

/** A POST with a Host header of the client's choosing (fetch would not send it). */
function postWithHost(path: string, host: string, body: string): Promise<{ status: number; location: string | undefined }> {
  const { port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(port), path, method: 'POST', headers: { host, 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('3-D Secure without a return_url', () => {
  it('returns to the configured public URL, whatever the Host header says, without the client secret', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: CARD('4000002760003184') } });
    const challenge = new URL(res.json.data.next_action.redirect_to_url.url);
    expect(challenge.origin).toBe('http://sandbox.public.test:4010');
    const answer = await postWithHost(challenge.pathname, 'evil.example', 'outcome=approve');
    expect(answer.status).toBe(303);
    const location = new URL(answer.location ?? '');
    expect(location.origin).toBe('http://sandbox.public.test:4010');
    expect(location.pathname).toBe(`${challenge.pathname}/done`);
    expect(location.searchParams.get('redirect_status')).toBe('succeeded');
    expect(answer.location).not.toContain(p.client_secret);
    expect(answer.location).not.toContain('_secret_');
  });

  it('still returns to the merchant’s return_url with the client secret, as the contract says', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      body: { payment_method: CARD('4000002760003184'), return_url: 'https://shop.test/return' },
    });
    const challenge = new URL(res.json.data.next_action.redirect_to_url.url);
    const answer = await postWithHost(challenge.pathname, 'evil.example', 'outcome=approve');
    const location = new URL(answer.location ?? '');
    expect(location.origin).toBe('https://shop.test');
    expect(location.searchParams.get('payment_intent_client_secret')).toBe(p.client_secret);
  });
});

describe('the client secret', () => {
  it('is compared in constant time, and only the exact secret passes', async () => {
    const p = await createPayment(t);
    const wrong = p.client_secret.slice(0, -1) + (p.client_secret.endsWith('A') ? 'B' : 'A');
    const before = timingSafeEqual.calls;
    const refused = await t.api('GET', `/v1/payments/${p.id}?client_secret=${wrong}`, { key: t.pk });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('client_secret_invalid');
    expect(timingSafeEqual.calls).toBeGreaterThan(before);
    const shorter = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret.slice(0, -1)}`, { key: t.pk });
    expect(shorter.json.error.code).toBe('client_secret_invalid');
    const right = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, { key: t.pk });
    expect(right.status).toBe(200);
  });
});

/** Checklist group D, server side: lost connections, lost answers, 5xx and concurrent retries, each with its idempotency key. */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordFigures } from '../../../../scripts/figures.ts';
import { createPayment, startTestSandbox, type TestSandbox } from '../helpers.ts';
import { sendAndLose } from '../support/lost-request.ts';
import { byId, byOrder, confirmBody, countEvents, idem, succeededPayment, uid } from './rows.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

describe('D. Confirm and network (sandbox side): retries and idempotency keys', () => {
  const idempotentPosts: [string, () => Promise<{ path: string; key: string; body: unknown; made: () => number }>][] = [
    [
      'create',
      async () => {
        const order = uid('d3');
        return { path: '/v1/payments', key: t.sk, body: { amount: 1300, currency: 'LRD', metadata: { order_id: order } }, made: () => countEvents(t, 'payment.created', byOrder(order)) };
      },
    ],
    [
      'confirm',
      async () => {
        const p = await createPayment(t);
        return { path: `/v1/payments/${p.id}/confirm`, key: t.pk, body: confirmBody(p), made: () => countEvents(t, 'payment.succeeded', byId(p.id)) };
      },
    ],
    [
      'refund',
      async () => {
        const p = await succeededPayment(t);
        return { path: '/v1/refunds', key: t.sk, body: { payment: p.id, amount: 250 }, made: () => countEvents(t, 'refund.created', (o) => o['payment'] === p.id) };
      },
    ],
  ];

  it.each(idempotentPosts)('D2 %s: connection dropped before the request completes → the retry with the same key runs once, one object', async (_kind, setup) => {
    const { path, key, body, made } = await setup();
    const idempotencyKey = uid('d2-key');
    // The sandbox logs the aborted body read as an aborted request: the sign that it saw the request and gave up on it.
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await sendAndLose(
        { url: t.url, method: 'POST', path, headers: { authorization: `Bearer ${key}`, ...idem(idempotencyKey) }, body: JSON.stringify(body) },
        'before-commit',
      );
      await vi.waitFor(() =>
        expect(warnings.mock.calls.map((call) => String(call[0]))).toContainEqual(expect.stringMatching(new RegExp(`^\\[sandbox\\] req_\\w+ POST ${path} aborted: `))),
      );
      expect(made()).toBe(0);
      const retry = await t.api('POST', path, { key, body, headers: idem(idempotencyKey) });
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(made()).toBe(1);
    } finally {
      warnings.mockRestore();
    }
  });

  it.each(idempotentPosts)('D3 %s: answer lost after the commit → the retry with the same key gets the saved answer, one object', async (_kind, setup) => {
    const { path, key, body, made } = await setup();
    const idempotencyKey = uid('d3-key');
    await sendAndLose(
      { url: t.url, method: 'POST', path, headers: { authorization: `Bearer ${key}`, ...idem(idempotencyKey) }, body: JSON.stringify(body) },
      'after-commit',
    );
    expect(made()).toBe(1);
    const retry = await t.api('POST', path, { key, body, headers: idem(idempotencyKey) });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(made()).toBe(1);
  });

  it('D4 16 concurrent confirms with one key while the first is in flight → one charge; every answer is the saved one or 409', async () => {
    const p = await createPayment(t);
    const key = uid('d4');
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p), headers: idem(key) })),
    );
    const ok = answers.filter((a) => a.status === 200);
    const conflicts = answers.filter((a) => a.status === 409);
    expect(ok.length + conflicts.length).toBe(16);
    expect(new Set(ok.map((a) => a.text)).size).toBe(1);
    for (const a of conflicts) expect(a.json.error.code).toBe('idempotency_key_in_use');
    expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(1);
    recordFigures('idempotency', {
      concurrent_confirms_one_key: answers.length,
      concurrent_confirms_charges: countEvents(t, 'payment.succeeded', byId(p.id)),
      concurrent_confirms_replayed: ok.filter((a) => a.headers.get('idempotent-replayed') === 'true').length,
      concurrent_confirms_409: conflicts.length,
    });
  });

  it('D5 a 5xx answer is not stored → the retry with the same key runs again and makes one payment', async () => {
    const bus = t.sandbox.deps.events;
    let failNext = true;
    t.sandbox.deps.events = {
      ...bus,
      emit(accountId, type, object) {
        if (failNext && type === 'payment.created') {
          failNext = false;
          throw new Error('injected fault: the event store is unavailable');
        }
        return bus.emit(accountId, type, object);
      },
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const order = uid('d5');
      const body = { amount: 1500, currency: 'USD', metadata: { order_id: order } };
      const key = uid('d5-key');
      const first = await t.api('POST', '/v1/payments', { body, headers: idem(key) });
      expect(first.status).toBe(500);
      expect(first.json.error).toMatchObject({ type: 'api_error' });
      expect(countEvents(t, 'payment.created', byOrder(order))).toBe(0);
      const retry = await t.api('POST', '/v1/payments', { body, headers: idem(key) });
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      const again = await t.api('POST', '/v1/payments', { body, headers: idem(key) });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.text).toBe(retry.text);
      expect(countEvents(t, 'payment.created', byOrder(order))).toBe(1);
    } finally {
      t.sandbox.deps.events = bus;
      errors.mockRestore();
    }
  });

  it.each([
    ['amount', { amount: 9_999 }],
    ['currency', { currency: 'LRD' }],
  ])('D7 key reused with a different %s → idempotency_error, no second payment', async (_field, change) => {
    const order = uid('d7');
    const key = uid('d7-key');
    const body = { amount: 1250, currency: 'USD', metadata: { order_id: order } };
    expect((await t.api('POST', '/v1/payments', { body, headers: idem(key) })).status).toBe(200);
    const reused = await t.api('POST', '/v1/payments', { body: { ...body, ...change }, headers: idem(key) });
    expect(reused.status).toBe(400);
    expect(reused.json.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused' });
    expect(countEvents(t, 'payment.created', byOrder(order))).toBe(1);
  });

  it('D4/D7 property: any concurrent mix of requests over three keys makes one payment per key; each answer is its key\'s first answer, byte for byte, or a reuse error', async () => {
    let runs = 0;
    let requests = 0;
    let extraObjects = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 2 }), amount: fc.constantFrom(100, 200) }), { minLength: 2, maxLength: 12 }),
        async (plan) => {
          runs++;
          requests += plan.length;
          const run = uid('prop');
          const answers = await Promise.all(
            plan.map(({ key, amount }) =>
              t.api('POST', '/v1/payments', { body: { amount, currency: 'USD', metadata: { order_id: `${run}-${key}` } }, headers: idem(`${run}-${key}`) }),
            ),
          );
          for (const key of new Set(plan.map((p) => p.key))) {
            const made = countEvents(t, 'payment.created', byOrder(`${run}-${key}`));
            extraObjects += Math.max(0, made - 1);
            expect(made).toBe(1);
            const mine = plan.map((p, i) => ({ ...p, answer: answers[i]! })).filter((p) => p.key === key);
            const winners = mine.filter((p) => p.answer.status === 200);
            expect(new Set(winners.map((p) => p.answer.text)).size).toBe(1);
            const amount = winners[0]!.answer.json.data.amount;
            for (const p of mine) {
              if (p.amount === amount) expect([200, 409]).toContain(p.answer.status);
              else expect(p.answer.json.error?.code).toBe('idempotency_key_reused');
            }
          }
        },
      ),
      { numRuns: 25 },
    );
    recordFigures('idempotency', { property_runs: runs, property_requests: requests, property_extra_objects: extraObjects });
  });

  it('D7 confirm key reused with a different card → idempotency_error, no charge', async () => {
    const p = await createPayment(t);
    const key = uid('d7-confirm');
    const declined = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p, '4000000000000002'), headers: idem(key) });
    expect(declined.status).toBe(402);
    const reused = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p), headers: idem(key) });
    expect(reused.status).toBe(400);
    expect(reused.json.error).toMatchObject({ type: 'idempotency_error', code: 'idempotency_key_reused' });
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('requires_payment_method');
    expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(0);
  });

  const malformedKeys: [string, string][] = [
    ['empty', ''],
    ['256 characters long', 'k'.repeat(256)],
    ['containing a space', 'order 42'],
    ['containing a non-ASCII letter', 'ordér-42'],
    ['containing a tab', 'order\t42'],
  ];
  recordFigures('checklist-server', { malformed_idempotency_keys: malformedKeys.length });

  it.each(malformedKeys)('D8 idempotency key %s → 400 idempotency_key_invalid, nothing created', async (_name, key) => {
    const order = uid('d8');
    const res = await t.api('POST', '/v1/payments', { body: { amount: 100, currency: 'USD', metadata: { order_id: order } }, headers: idem(key) });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'idempotency_key_invalid' });
    expect(res.json.error.message).toMatch(/X-Idempotency-Key/);
    expect(countEvents(t, 'payment.created', byOrder(order))).toBe(0);
  });

  it('D8 an idempotency key of 255 visible characters is accepted (the limit is exact)', async () => {
    const res = await t.api('POST', '/v1/payments', { body: { amount: 100, currency: 'USD' }, headers: idem(`${'k'.repeat(219)}${randomUUID()}`) });
    expect(res.status).toBe(200);
  });

  it('D14 an idempotency record older than 24 h is pruned → the same key makes a new payment (at 23 h it still replays)', async () => {
    const key = uid('d14');
    const body = { amount: 1400, currency: 'USD' };
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      const first = await t.api('POST', '/v1/payments', { body, headers: idem(key) });
      vi.setSystemTime(start + 23 * 3_600_000);
      const early = await t.api('POST', '/v1/payments', { body, headers: idem(key) });
      expect(early.headers.get('idempotent-replayed')).toBe('true');
      expect(early.json.data.id).toBe(first.json.data.id);
      vi.setSystemTime(start + 24 * 3_600_000 + 60_000);
      const late = await t.api('POST', '/v1/payments', { body, headers: idem(key) });
      expect(late.status).toBe(200);
      expect(late.headers.get('idempotent-replayed')).toBeNull();
      expect(late.json.data.id).not.toBe(first.json.data.id);
    } finally {
      vi.useRealTimers();
    }
  });
});

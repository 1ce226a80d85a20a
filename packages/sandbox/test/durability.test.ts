/**
 * Issue 7, item 5: `kill -9` of the sandbox under concurrent load loses nothing it acknowledged.
 *
 * The real sandbox runs as a child process on a temporary data dir. 16 clients create, confirm and refund
 * payments, each request with its own idempotency key; once enough requests were acknowledged the process
 * is SIGKILLed mid-load and started again on the same data dir. Then every 2xx the clients saw must still
 * be true (object, state, events), every acknowledged request replays byte for byte, no payment is charged
 * twice, a webhook delivery that was pending at the crash is delivered, every acknowledged charge's event
 * reaches the merchant, and endpoints deleted or disabled before the crash get nothing more. Requests cut
 * off by the crash are retried with their keys: each gets its result, and none makes a second object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { constructEvent } from '@soxara/node';
import { recordFigures } from '../../../scripts/figures.ts';
import { allEvents, call, inParallel, type Answer } from './support/api.ts';
import { freePort, spawnSandbox, type ChildSandbox } from './support/child-sandbox.ts';
import { startReceiver, type Receiver } from './support/receiver.ts';

const SK = 'sxs_test_DurabilitySecret0001';
const PK = 'sxm_test_DurabilityPublic0001';
const WORKERS = 16;
const ROUNDS_PER_WORKER = 200;
/** Kill after LOAD_MS of load once this many requests were acknowledged, or when LOAD_LIMIT_MS is up. */
const KILL_AFTER_ACKS = 120;
const LOAD_MS = 1_500;
const LOAD_LIMIT_MS = 8_000;
const RETRY_BASE_MS = 300;
const CARD = { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: new Date().getUTCFullYear() + 2, cvc: '123' } };

type Kind = 'create' | 'confirm' | 'refund';

interface Sent {
  kind: Kind;
  path: string;
  key: string;
  idempotencyKey: string;
  body: string;
  /** The payment's idempotency key: the metadata that finds a payment made by this request. */
  paymentKey: string;
  answer?: Answer;
  error?: string;
}

const acknowledged = (s: Sent): boolean => s.answer !== undefined && s.answer.status >= 200 && s.answer.status < 300;

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('durability: kill -9 under concurrent load', () => {
  it('loses no acknowledged payment, refund or event; replays every key; resumes and stops webhooks as it should', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const dataDir = mkdtempSync(join(tmpdir(), 'soxara-durability-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const env = {
      SOXARA_SECRET_KEY: SK,
      SOXARA_PUBLISHABLE_KEY: PK,
      SOXARA_WEBHOOK_RETRY_MS: String(RETRY_BASE_MS),
      SOXARA_REFUND_DELAY_MS: '200',
      // MoMo outcomes are due after the kill, so their durable jobs must run in the next process.
      SOXARA_MOMO_DELAY_MS: '3000',
      SOXARA_MOMO_EXPIRY_MS: '30000',
    };
    let sandbox: ChildSandbox = await spawnSandbox({ port, dataDir, env });
    cleanups.push(() => sandbox.stop());
    const base = sandbox.url;

    // Webhooks: `pending` fails until after the restart; `deleted` and `disabled` fail, then lose their endpoint.
    const pending = await startReceiver();
    const deleted = await startReceiver();
    const disabled = await startReceiver();
    // `merchant` answers 200: it gets the events of the load, at least once each, crash or not.
    const merchant = await startReceiver();
    for (const r of [pending, deleted, disabled, merchant]) cleanups.push(() => r.close());
    const always500 = Array.from({ length: 1_000 }, () => 500);
    for (const r of [pending, deleted, disabled]) r.respondWith(always500);
    const endpoint = async (receiver: Receiver, type: string) => {
      const res = await call(base, 'POST', '/v1/webhook_endpoints', { key: SK, body: JSON.stringify({ url: receiver.url, enabled_events: [type] }) });
      expect(res.status).toBe(200);
      return res.json.data as { id: string; secret: string };
    };
    const pendingEndpoint = await endpoint(pending, 'membership.renewed');
    const deletedEndpoint = await endpoint(deleted, 'gift_card.expired');
    const disabledEndpoint = await endpoint(disabled, 'gift_card.redeemed');
    const merchantEndpoint = await endpoint(merchant, 'payment.succeeded');
    const emitted: Record<string, string> = {};
    const emit = async (type: string) => {
      const res = await call(base, 'POST', '/v1/test_helpers/events', { key: SK, body: JSON.stringify({ type }) });
      expect(res.status).toBe(200);
      emitted[type] = res.json.data.id;
    };
    await emit('gift_card.expired');
    await emit('gift_card.redeemed');
    await Promise.all([deleted.waitFor(1), disabled.waitFor(1)]);

    // Load: each worker makes payments, confirms them and refunds part of each, until the crash.
    const sent: Sent[] = [];
    let crashed = false;
    let acks = 0;
    const send = async (s: Sent): Promise<Answer | undefined> => {
      sent.push(s);
      try {
        s.answer = await call(base, 'POST', s.path, { key: s.key, body: s.body, idempotencyKey: s.idempotencyKey, timeoutMs: 5_000 });
        if (acknowledged(s)) acks++;
        return s.answer;
      } catch (error) {
        s.error = error instanceof Error ? error.message : String(error);
        return undefined;
      }
    };
    const worker = async (w: number): Promise<void> => {
      for (let n = 0; n < ROUNDS_PER_WORKER && !crashed; n++) {
        const paymentKey = `w${w}-n${n}-create`;
        const created = await send({
          kind: 'create',
          path: '/v1/payments',
          key: SK,
          idempotencyKey: paymentKey,
          body: JSON.stringify({ amount: 1_000 + n, currency: n % 2 ? 'USD' : 'LRD', metadata: { key: paymentKey } }),
          paymentKey,
        });
        if (created?.status !== 200 || crashed) continue;
        const payment = created.json.data as { id: string; client_secret: string };
        const confirmed = await send({
          kind: 'confirm',
          path: `/v1/payments/${payment.id}/confirm`,
          key: PK,
          idempotencyKey: `w${w}-n${n}-confirm`,
          body: JSON.stringify({ client_secret: payment.client_secret, payment_method: CARD }),
          paymentKey,
        });
        if (confirmed?.status !== 200 || crashed) continue;
        await send({
          kind: 'refund',
          path: '/v1/refunds',
          key: SK,
          idempotencyKey: `w${w}-n${n}-refund`,
          body: JSON.stringify({ payment: payment.id, amount: 300 }),
          paymentKey,
        });
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    const loadStarted = Date.now();
    const loadUntil = async (count: number, ms = 0) => {
      const elapsed = () => Date.now() - loadStarted;
      while ((acks < count || elapsed() < ms) && elapsed() < LOAD_LIMIT_MS) await new Promise((r) => setTimeout(r, 10));
    };
    // Emitted under load, so that it is failing (due again shortly) when the crash comes.
    await loadUntil(KILL_AFTER_ACKS / 2);
    await emit('membership.renewed');
    const momo: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await call(base, 'POST', '/v1/payments', { key: SK, body: JSON.stringify({ amount: 2_500, currency: 'LRD' }) });
      const id = created.json.data.id as string;
      const prompt = await call(base, 'POST', `/v1/payments/${id}/confirm`, {
        key: SK,
        body: JSON.stringify({ payment_method: { type: 'momo', momo: { provider: 'mtn', phone_number: `088115845${i}` } } }),
      });
      expect(prompt.json.data.status).toBe('requires_action');
      momo.push(id);
    }
    await pending.waitFor(1);
    await loadUntil(KILL_AFTER_ACKS, LOAD_MS);
    // Mid-retry of the two failing endpoints, the merchant deletes one and disables the other.
    expect((await call(base, 'DELETE', `/v1/webhook_endpoints/${deletedEndpoint.id}`, { key: SK })).status).toBe(200);
    expect((await call(base, 'POST', `/v1/webhook_endpoints/${disabledEndpoint.id}`, { key: SK, body: '{"disabled":true}' })).status).toBe(200);
    const momoPendingAtKill = (
      await Promise.all(momo.map((id) => call(base, 'GET', `/v1/payments/${id}`, { key: SK }).then((r) => r.json.data.status as string)))
    ).filter((status) => status === 'requires_action').length;
    const inFlightAtKill = sent.filter((s) => !s.answer && !s.error).length;
    await sandbox.kill9();
    const killedAt = Date.now();
    crashed = true;
    await load;
    const seenByDeleted = deleted.received.length;
    const seenByDisabled = disabled.received.length;

    sandbox = await spawnSandbox({ port, dataDir, env });
    const restartedAt = Date.now();
    pending.respondWith([]);

    const acked = sent.filter(acknowledged);
    const cutOff = sent.filter((s) => !s.answer);
    expect(acked.filter((s) => s.kind === 'create').length).toBeGreaterThanOrEqual(20);
    expect(sent.every((s) => !s.answer || s.answer.status < 500)).toBe(true);

    // What went wrong, by kind; figures are recorded from these before anything is asserted, so the
    // README shows what this run measured, pass or fail.
    const lost: string[] = [];
    const changed: string[] = [];
    const badReplays: string[] = [];
    const badRetries: string[] = [];
    const missingEvents: string[] = [];
    const duplicates: string[] = [];

    // 1. Every acknowledged object is there, as it was acknowledged (or further along its own path).
    const payments = new Map<string, Record<string, unknown>>();
    const refunds = new Map<string, Record<string, unknown>>();
    for (const s of acked) {
      const object = s.answer!.json.data as Record<string, unknown>;
      if (s.kind === 'refund') refunds.set(object['id'] as string, object);
      else payments.set(object['id'] as string, { ...payments.get(object['id'] as string), ...object });
    }
    const confirmedIds = new Set(acked.filter((s) => s.kind === 'confirm').map((s) => s.answer!.json.data.id as string));
    await inParallel([...payments.values()], 8, async (ackedPayment) => {
      const id = ackedPayment['id'] as string;
      const now = await call(sandbox.url, 'GET', `/v1/payments/${id}`, { key: SK });
      if (now.status !== 200) return void lost.push(`payment ${id}: ${now.status}`);
      const fields = confirmedIds.has(id)
        ? ['id', 'amount', 'currency', 'status', 'payment_method', 'created_at']
        : ['id', 'amount', 'currency', 'metadata', 'client_secret', 'created_at'];
      for (const field of fields) {
        if (JSON.stringify(now.json.data[field]) !== JSON.stringify(ackedPayment[field])) changed.push(`payment ${id}.${field}`);
      }
    });
    // Refunds pending at the crash settle after the restart (their job is durable too).
    await inParallel([...refunds.values()], 8, async (ackedRefund) => {
      const id = ackedRefund['id'] as string;
      let now: Answer | undefined;
      for (let i = 0; i < 100; i++) {
        now = await call(sandbox.url, 'GET', `/v1/refunds/${id}`, { key: SK });
        if (now.json?.data?.status !== 'pending') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      if (now!.status !== 200) return void lost.push(`refund ${id}: ${now!.status}`);
      const { payment, amount, status } = now!.json.data;
      if (payment !== ackedRefund['payment'] || amount !== 300 || status !== 'succeeded') changed.push(`refund ${id}: ${payment} ${amount} ${status}`);
    });

    // 2. Every acknowledged request replays its answer byte for byte, and makes nothing new.
    const replays = await inParallel(acked, 8, (s) =>
      call(sandbox.url, 'POST', s.path, { key: s.key, body: s.body, idempotencyKey: s.idempotencyKey }),
    );
    replays.forEach((replay, i) => {
      const s = acked[i]!;
      if (!replay.replayed || replay.status !== s.answer!.status || replay.text !== s.answer!.text) {
        badReplays.push(`${s.idempotencyKey}: ${replay.status} replayed=${replay.replayed}`);
      }
    });

    // 3. Every request the crash cut off is retried with its key, as a client would: it should succeed.
    const retries = await inParallel(cutOff, 8, (s) =>
      call(sandbox.url, 'POST', s.path, { key: s.key, body: s.body, idempotencyKey: s.idempotencyKey }),
    );
    retries.forEach((retry, i) => {
      if (retry.status !== 200) badRetries.push(`${cutOff[i]!.idempotencyKey}: ${retry.status} ${retry.text.slice(0, 200)}`);
    });

    // 4. Events: each acknowledged change has its event, and no key made two objects, charges or refunds.
    const events = await allEvents(sandbox.url, SK);
    const tally = (type: string, keyOf: (object: Record<string, unknown>) => unknown) => {
      const counts = new Map<string, number>();
      for (const e of events.filter((e) => e.type === type)) {
        const key = String(keyOf(e.data.object));
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    };
    const created = tally('payment.created', (o) => o['id']);
    const succeeded = tally('payment.succeeded', (o) => o['id']);
    const refundCreated = tally('refund.created', (o) => o['id']);
    const refundSucceeded = tally('refund.succeeded', (o) => o['id']);
    for (const id of payments.keys()) if (created.get(id) !== 1) missingEvents.push(`payment.created ${id}: ${created.get(id) ?? 0}`);
    for (const id of confirmedIds) if (succeeded.get(id) !== 1) missingEvents.push(`payment.succeeded ${id}: ${succeeded.get(id) ?? 0}`);
    for (const id of refunds.keys()) {
      if (refundCreated.get(id) !== 1) missingEvents.push(`refund.created ${id}: ${refundCreated.get(id) ?? 0}`);
      if (refundSucceeded.get(id) !== 1) missingEvents.push(`refund.succeeded ${id}: ${refundSucceeded.get(id) ?? 0}`);
    }
    const perKey = tally('payment.created', (o) => (o['metadata'] as Record<string, string>)['key']);
    const refundsPerPayment = tally('refund.created', (o) => o['payment']);
    // Payments made without a key (the MoMo prompts) carry no `metadata.key`: only keyed ones can repeat.
    for (const [key, n] of perKey) if (key !== 'undefined' && n > 1) duplicates.push(`${n} payments for key ${key}`);
    for (const [id, n] of succeeded) if (n > 1) duplicates.push(`${n} charges of ${id}`);
    for (const [id, n] of refundsPerPayment) if (n > 1) duplicates.push(`${n} refunds of ${id}`);

    // 5. The delivery pending at the crash arrives after the restart, signed, and is marked delivered.
    const firstAfterRestart = () => pending.received.findIndex((hook) => hook.at >= restartedAt);
    if (firstAfterRestart() < 0) await pending.waitFor(pending.received.length + 1, 12_000).catch(() => []);
    const late = pending.received[firstAfterRestart()];
    let pendingStatus = '';
    for (let i = 0; i < 50 && pendingStatus !== 'succeeded'; i++) {
      const list = await call(sandbox.url, 'GET', `/v1/webhook_endpoints/${pendingEndpoint.id}/deliveries`, { key: SK });
      pendingStatus = list.json.data[0]?.status ?? '';
      if (pendingStatus !== 'succeeded') await new Promise((r) => setTimeout(r, 50));
    }

    // 6. Every acknowledged charge's payment.succeeded reaches the merchant at least once, crash or not.
    const deliveredIds = () =>
      new Set(merchant.received.map((hook) => constructEvent(hook.body, hook.signature!, merchantEndpoint.secret).data.object['id']));
    const undelivered = () => [...confirmedIds].filter((id) => !deliveredIds().has(id));
    for (let i = 0; i < 300 && undelivered().length > 0; i++) await new Promise((r) => setTimeout(r, 50));

    // MoMo prompts pending at the crash get their outcome from the next process, once each.
    const momoOutcomes = await Promise.all(
      momo.map(async (id) => {
        let status = '';
        for (let i = 0; i < 3 && status !== 'succeeded'; i++) {
          status = (await call(sandbox.url, 'GET', `/v1/payments/${id}?wait=5&if_status=requires_action`, { key: SK })).json.data.status;
        }
        return status;
      }),
    );
    const momoCharges = (await allEvents(sandbox.url, SK)).filter((e) => e.type === 'payment.succeeded' && momo.includes(e.data.object['id'] as string)).length;

    // 7. The deleted and the disabled endpoint get nothing after the restart (several retry periods later).
    await new Promise((r) => setTimeout(r, 4 * RETRY_BASE_MS));
    const toRemoved = [...deleted.received, ...disabled.received].filter((hook) => hook.at >= killedAt);

    const byKind = (list: Sent[], kind: Kind) => list.filter((s) => s.kind === kind).length;
    recordFigures(
      'durability',
      {
        workers: WORKERS,
        requests_sent: sent.length,
        payments_acknowledged: byKind(acked, 'create'),
        confirms_acknowledged: byKind(acked, 'confirm'),
        refunds_acknowledged: byKind(acked, 'refund'),
        requests_in_flight_at_kill: inFlightAtKill,
        requests_cut_off_and_retried: cutOff.length,
        acknowledged_lost: lost.length + changed.length + missingEvents.length,
        replays_byte_identical: replays.length - badReplays.length,
        replays_wrong: badReplays.length,
        retries_failed: badRetries.length,
        duplicate_objects_after_retry: duplicates.length,
        events_checked: events.length,
        webhooks_delivered_after_restart: (late ? 1 : 0) + merchant.received.filter((hook) => hook.at >= restartedAt).length,
        charge_events_undelivered: undelivered().length,
        momo_prompts_pending_at_kill: momoPendingAtKill,
        momo_prompts_completed_after_restart: momoOutcomes.filter((status) => status === 'succeeded').length,
        attempts_to_removed_endpoints_after_restart: toRemoved.length,
        removed_endpoint_attempts_before_kill: seenByDeleted + seenByDisabled,
        duration_ms: Date.now() - started,
      },
      { acknowledged_lost: 'acknowledged (2xx) payments, refunds or their events missing or changed after kill -9 and restart' },
    );

    expect(lost, 'acknowledged objects missing after the restart').toEqual([]);
    expect(changed, 'acknowledged objects changed after the restart').toEqual([]);
    expect(badReplays, 'acknowledged requests that did not replay byte for byte').toEqual([]);
    expect(missingEvents, 'events of acknowledged changes').toEqual([]);
    // A second charge of one payment is impossible whatever the crash: its state machine forbids it.
    expect(duplicates.filter((d) => d.includes('charges of')), 'second charges').toEqual([]);
    expect(badRetries, 'cut-off requests whose retry failed').toEqual([]);
    expect(duplicates, 'second objects or refunds').toEqual([]);
    expect(late, 'a delivery to the failing endpoint after the restart').toBeDefined();
    expect(constructEvent(late!.body, late!.signature!, pendingEndpoint.secret).id).toBe(emitted['membership.renewed']);
    expect(pendingStatus).toBe('succeeded');
    expect(undelivered(), 'acknowledged charges whose payment.succeeded never reached the merchant').toEqual([]);
    expect(toRemoved, 'attempts to deleted or disabled endpoints after the restart').toEqual([]);
    expect(momoOutcomes).toEqual(momo.map(() => 'succeeded'));
    expect(momoCharges).toBe(momo.length);
  });
});

/**
 * The deterministic form of the crash window: the sandbox is SIGKILLed at the moment it stores a change's
 * idempotent answer (support/crash-after-commit.ts), then restarted, and the client retries with the same
 * key. The answer is written in the change's own transaction (http/respond.ts commit), so the crash undoes
 * both and the retry makes exactly one object.
 */
describe('D3 crash after the commit, before the answer is stored', () => {
  const cases: [string, (base: string) => Promise<{ path: string; key: string; body: string; made: (base: string) => Promise<number> }>][] = [
    [
      'create',
      async () => ({
        path: '/v1/payments',
        key: SK,
        body: JSON.stringify({ amount: 700, currency: 'USD', metadata: { key: 'crash-create' } }),
        made: async (base) =>
          (await allEvents(base, SK)).filter((e) => e.type === 'payment.created' && (e.data.object['metadata'] as Record<string, string>)['key'] === 'crash-create').length,
      }),
    ],
    [
      'confirm',
      async (base) => {
        const p = (await call(base, 'POST', '/v1/payments', { key: SK, body: '{"amount":800,"currency":"USD"}' })).json.data;
        return {
          path: `/v1/payments/${p.id}/confirm`,
          key: PK,
          body: JSON.stringify({ client_secret: p.client_secret, payment_method: CARD }),
          made: async (b) => (await allEvents(b, SK)).filter((e) => e.type === 'payment.succeeded' && e.data.object['id'] === p.id).length,
        };
      },
    ],
    [
      'refund',
      async (base) => {
        const p = (await call(base, 'POST', '/v1/payments', { key: SK, body: '{"amount":900,"currency":"USD"}' })).json.data;
        await call(base, 'POST', `/v1/payments/${p.id}/confirm`, { key: SK, body: JSON.stringify({ payment_method: CARD }) });
        return {
          path: '/v1/refunds',
          key: SK,
          body: JSON.stringify({ payment: p.id, amount: 100 }),
          made: async (b) => (await allEvents(b, SK)).filter((e) => e.type === 'refund.created' && e.data.object['payment'] === p.id).length,
        };
      },
    ],
  ];

  it.each(cases)('%s: the retry with the same key gets the saved result, and there is one object', { timeout: 30_000 }, async (kind, setup) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'soxara-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const env = { SOXARA_SECRET_KEY: SK, SOXARA_PUBLISHABLE_KEY: PK };
    const preload = [fileURLToPath(new URL('./support/crash-after-commit.ts', import.meta.url))];
    const armed = await spawnSandbox({ port, dataDir, env: { ...env, SOXARA_CRASH_AFTER_COMMIT: '1' }, preload });
    cleanups.push(() => armed.stop());
    // Requests without a key store no answer, so the setup does not trip the crash.
    const request = await setup(armed.url);
    const first = await call(armed.url, 'POST', request.path, { key: request.key, body: request.body, idempotencyKey: `crash-${kind}` }).catch(() => null);
    expect(first, 'the sandbox died before answering').toBeNull();
    await armed.kill9();

    const restarted = await spawnSandbox({ port, dataDir, env });
    cleanups.push(() => restarted.stop());
    const retry = await call(restarted.url, 'POST', request.path, { key: request.key, body: request.body, idempotencyKey: `crash-${kind}` });
    expect(retry.status).toBe(200);
    expect(await request.made(restarted.url)).toBe(1);
  });
});


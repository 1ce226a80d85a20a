/**
 * The card-testing defence (security.md §6 D15), over real HTTP: a client (account + connection address)
 * that makes SOXARA_CARD_TESTING_LIMIT declined card confirms within the window gets a 429
 * `rate_limit_error` with `Retry-After` for its card confirms until the window ends. The sandbox here
 * allows 3 declines per minute, on a clock the test moves; "another address" is a connection from
 * 127.0.0.2, which is loopback too.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, MOMO, createPayment, startTestSandbox, type ApiResponse, type TestSandbox } from './helpers.ts';

const LIMIT = 3;
const WINDOW_MS = 60_000;
const DECLINE = '4000000000000002';
const SUCCESS = '4242424242424242';

let t: TestSandbox;
let clock = 1_000_000;
beforeAll(async () => {
  t = await startTestSandbox({ cardTestingLimit: LIMIT, cardTestingWindowMs: WINDOW_MS }, { rateLimitClock: () => clock });
});
afterAll(async () => {
  await t.close();
});

interface Account {
  id: string;
  pk: string;
  sk: string;
}

/** Each test is its own client: a fresh account, so no test sees another's declines. */
async function newAccount(): Promise<Account> {
  const res = await t.api('POST', '/v1/test_helpers/accounts', { key: null });
  return { id: res.json.data.id, pk: res.json.data.publishable_key, sk: res.json.data.secret_key };
}

/** A confirm with the publishable key, as the frames send it; `from` picks the connection's source address. */
async function confirm(account: Account, number: string, options: { from?: string; headers?: Record<string, string> } = {}) {
  const p = await createPayment(t, {}, account.sk);
  const body = { client_secret: p.client_secret, payment_method: CARD(number) };
  const path = `/v1/payments/${p.id}/confirm`;
  const res = options.from
    ? await postFrom(options.from, path, account.pk, body)
    : await t.api('POST', path, { key: account.pk, body, ...(options.headers && { headers: options.headers }) });
  return { p, res };
}

function postFrom(localAddress: string, path: string, key: string, body: unknown): Promise<ApiResponse> {
  const url = new URL(path, t.url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
          resolve({ status: res.statusCode ?? 0, headers, text, json: JSON.parse(text), replayed: headers.get('idempotent-replayed') === 'true' });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function declineUpToTheLimit(account: Account): Promise<void> {
  for (let i = 0; i < LIMIT; i++) expect((await confirm(account, DECLINE)).res.status).toBe(402);
}

const eventsOf = (paymentId: string) => t.events.filter((e) => e.object['id'] === paymentId).map((e) => e.type);
/** The account's own events: another test's MoMo payment may settle (and emit) meanwhile. */
const eventsOfAccount = (account: Account) => t.events.filter((e) => e.accountId === account.id);

describe('D15 card testing', () => {
  it('D15 a burst of declined card confirms from one client gets a typed 429 rate_limit_error with Retry-After', async () => {
    const account = await newAccount();
    await declineUpToTheLimit(account);
    const { res } = await confirm(account, DECLINE);
    expect(res.status).toBe(429);
    expect(res.json).toMatchObject({ success: false, error: { type: 'rate_limit_error', code: 'rate_limited' } });
    expect(res.json.error.message).toMatch(/declined card payments/);
    expect(res.headers.get('retry-after')).toBe(String(WINDOW_MS / 1000));
    // The browser reads it: the confirm route answers cross-origin calls from the frames.
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    // Every card of that client waits, a good one too; MoMo is not a card and goes on.
    expect((await confirm(account, SUCCESS)).res.status).toBe(429);
    const p = await createPayment(t, {}, account.sk);
    const momo = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: account.pk, body: { client_secret: p.client_secret, payment_method: MOMO('0881158457') } });
    expect(momo.json.data.status).toBe('requires_action');
  });

  it('D15 another account, and the same account from another address, are unaffected', async () => {
    const tester = await newAccount();
    await declineUpToTheLimit(tester);
    expect((await confirm(tester, DECLINE)).res.status).toBe(429);

    const other = await newAccount();
    expect((await confirm(other, DECLINE)).res.status).toBe(402);
    expect((await confirm(other, SUCCESS)).res.json.data.status).toBe('succeeded');

    const elsewhere = await confirm(tester, SUCCESS, { from: '127.0.0.2' });
    expect(elsewhere.res.status).toBe(200);
    expect(elsewhere.res.json.data.status).toBe('succeeded');
    expect((await confirm(tester, DECLINE, { from: '127.0.0.2' })).res.status).toBe(402);
  });

  it('D15 a success card is not counted: only declines bring the limit nearer', async () => {
    const account = await newAccount();
    for (let i = 0; i < LIMIT * 3; i++) expect((await confirm(account, SUCCESS)).res.json.data.status).toBe('succeeded');
    await declineUpToTheLimit(account);
    expect((await confirm(account, DECLINE)).res.status).toBe(429);
  });

  it('D15 the window resets: Retry-After counts down on the clock, then the client may confirm again', async () => {
    const account = await newAccount();
    await declineUpToTheLimit(account);
    clock += 45_000;
    const waiting = (await confirm(account, SUCCESS)).res;
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('retry-after')).toBe('15');
    clock += 15_000;
    expect((await confirm(account, SUCCESS)).res.json.data.status).toBe('succeeded');
    // A fresh window: LIMIT more declines, then the 429 again.
    await declineUpToTheLimit(account);
    expect((await confirm(account, DECLINE)).res.status).toBe(429);
  });

  it('D15 a 429 creates no charge and no event, and leaves its idempotency key free for the retry', async () => {
    const account = await newAccount();
    await declineUpToTheLimit(account);
    const p = await createPayment(t, {}, account.sk);
    const before = eventsOfAccount(account).length;
    expect(before).toBeGreaterThan(0); // the declines' and this payment's own
    const body = { client_secret: p.client_secret, payment_method: CARD(SUCCESS) };
    const headers = { 'x-idempotency-key': `d15-${p.id}` };
    const refused = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: account.pk, body, headers });
    expect(refused.status).toBe(429);
    expect(eventsOfAccount(account)).toHaveLength(before);
    expect(eventsOf(p.id)).toEqual(['payment.created']);
    const stored = await t.api('GET', `/v1/payments/${p.id}`, { key: account.sk });
    expect(stored.json.data).toMatchObject({ status: 'requires_payment_method', payment_method: null, last_payment_error: null });

    clock += WINDOW_MS;
    const retried = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: account.pk, body, headers });
    expect(retried.json.data.status).toBe('succeeded');
    expect(eventsOf(p.id)).toEqual(['payment.created', 'payment.succeeded']);
  });
});

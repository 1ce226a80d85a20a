import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, MOMO, createPayment, startTestSandbox, waitForStatusChange, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
/** Expiry needs a short prompt life; everything else a long one, so a loaded machine never expires it. */
let short: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ momoDelayMs: 150, momoExpiryMs: 20_000 });
  short = await startTestSandbox({ momoDelayMs: 150, momoExpiryMs: 500 });
});
afterAll(async () => {
  await t.close();
  await short.close();
});

async function confirmWith(paymentMethod: unknown, sandbox: TestSandbox = t) {
  const p = await createPayment(sandbox);
  const res = await sandbox.api('POST', `/v1/payments/${p.id}/confirm`, {
    key: sandbox.pk,
    body: { client_secret: p.client_secret, payment_method: paymentMethod },
  });
  return { p, res };
}

describe.concurrent('MoMo', () => {
  it.each([
    ['+231881158457', 'mtn', '+231 88*** **57', '*156#'],
    ['0881158457', 'mtn', '+231 88*** **57', '*156#'],
    ['088-115-8457', 'mtn', '+231 88*** **57', '*156#'],
    ['+231 555 123 456', 'mtn', '+231 55*** **56', '*156#'],
    ['0775 123 456', 'orange', '+231 77*** **56', '*144#'],
  ] as const)('%s (%s) prompts, then succeeds after the delay', async (phone, provider, masked, ussd) => {
    const { p, res } = await confirmWith(MOMO(phone, provider));
    expect(res.status).toBe(200);
    const prompt = res.json.data.next_action;
    expect(res.json.data.status).toBe('requires_action');
    expect(prompt.type).toBe('momo_pin_prompt');
    expect(prompt.momo_pin_prompt).toMatchObject({ provider, phone_number_masked: masked, ussd_code: ussd });
    expect(Date.parse(prompt.momo_pin_prompt.expires_at)).toBeGreaterThan(Date.now() - 1000);
    expect(t.events.some((e) => e.type === 'payment.requires_action' && e.object['id'] === p.id)).toBe(true);
    const done = await waitForStatusChange(t, p.id, 'requires_action');
    expect(done.status).toBe('succeeded');
    expect(done.customer).toMatchObject({ phone_number: expect.stringMatching(/^\+231\d{9}$/), country_code: 'LR' });
    expect(t.events.some((e) => e.type === 'payment.succeeded' && e.object['id'] === p.id)).toBe(true);
  });

  it.each([
    ['+231880000002', 'approval_rejected'],
    ['+231880000003', 'insufficient_funds'],
  ])('%s fails with %s after the delay', async (phone, code) => {
    const { p } = await confirmWith(MOMO(phone));
    const done = await waitForStatusChange(t, p.id, 'requires_action');
    expect(done.status).toBe('requires_payment_method');
    expect(done.last_payment_error).toMatchObject({ type: 'momo_error', code });
    expect(t.events.some((e) => e.type === 'payment.failed' && e.object['id'] === p.id)).toBe(true);
  });

  it('+231880000004 never answers and expires with prompt_expired', async () => {
    const { p } = await confirmWith(MOMO('+231880000004'), short);
    const started = Date.now();
    const done = await waitForStatusChange(short, p.id, 'requires_action');
    expect(Date.now() - started).toBeGreaterThan(300);
    expect(done.last_payment_error).toMatchObject({ type: 'momo_error', code: 'prompt_expired' });
  });

  it('the publishable long poll sees the outcome with one request', async () => {
    const { p } = await confirmWith(MOMO('0881158457'));
    const res = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}&wait=5&if_status=requires_action`, { key: t.pk });
    expect(res.json.data.status).toBe('succeeded');
    expect(res.json.data.customer).toBeUndefined();
  });

  it('the test helpers approve and decline a pending prompt at once', async () => {
    const a = await confirmWith(MOMO('+231880000004'));
    const approved = await t.api('POST', `/v1/test_helpers/payments/${a.p.id}/approve`);
    expect(approved.json.data.status).toBe('succeeded');
    const b = await confirmWith(MOMO('+231880000004'));
    const declined = await t.api('POST', `/v1/test_helpers/payments/${b.p.id}/decline`);
    expect(declined.json.data.last_payment_error).toMatchObject({ type: 'momo_error', code: 'approval_rejected' });
    const nothing = await t.api('POST', `/v1/test_helpers/payments/${b.p.id}/approve`);
    expect(nothing.status).toBe(400);
    expect(nothing.json.error.code).toBe('payment_no_pending_action');
  });

  it('the phone simulator page shows the prompt and approves it', async () => {
    const { p, res } = await confirmWith(MOMO('+231880000004'));
    const pageUrl: string = res.json.data.next_action.momo_pin_prompt.simulator_url;
    const path = new URL(pageUrl).pathname;
    const page = await fetch(`${t.url}${path}`);
    const html = await page.text();
    expect(html).toContain('US$12.50');
    expect(html).toContain('<form method="post"');
    const post = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome: 'approve' }) });
    expect(await post.text()).toContain('Payment approved');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('succeeded');
  });

  it('a new confirm replaces a pending prompt (e.g. the customer switches to a card)', async () => {
    const { p, res } = await confirmWith(MOMO('+231880000004'));
    const oldPrompt = new URL(res.json.data.next_action.momo_pin_prompt.simulator_url).pathname;
    const card = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
      key: t.pk,
      body: { client_secret: p.client_secret, payment_method: CARD('4242424242424242') },
    });
    expect(card.json.data.status).toBe('succeeded');
    const stale = await fetch(`${t.url}${oldPrompt}`, { method: 'POST', body: new URLSearchParams({ outcome: 'decline' }) });
    expect(await stale.text()).toContain('no longer active');
    const after = await t.api('GET', `/v1/payments/${p.id}`);
    expect(after.json.data).toMatchObject({ status: 'succeeded', last_payment_error: null });
    expect(t.events.filter((e) => e.type === 'payment.failed' && e.object['id'] === p.id)).toHaveLength(0);
  });
});

describe.concurrent('Soxara wallet', () => {
  it('prompts with a universal link and an app link carrying a token, not the client secret', async () => {
    const { p, res } = await confirmWith({ type: 'soxara_wallet' });
    expect(res.json.data.status).toBe('requires_action');
    const approval = res.json.data.next_action.soxara_wallet_approval;
    expect(res.json.data.next_action.type).toBe('soxara_wallet_approval');
    const token = new URL(approval.universal_link).pathname.split('/').pop();
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(approval.app_link).toBe(`soxara://pay/${token}`);
    expect(approval.universal_link).not.toContain(p.client_secret);
    expect(approval.universal_link).not.toContain(p.id);
  });

  it.each([
    ['approve', 'succeeded', null],
    ['decline', 'requires_payment_method', 'approval_rejected'],
  ] as const)('the wallet page can %s', async (outcome, status, code) => {
    const { p, res } = await confirmWith({ type: 'soxara_wallet' });
    const path = new URL(res.json.data.next_action.soxara_wallet_approval.universal_link).pathname;
    const page = await fetch(`${t.url}${path}`);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const html = await page.text();
    expect(html).toContain('Approve');
    expect(html).toContain('Decline');
    expect(html).toContain('Order #1');
    const post = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome }) });
    expect(post.status).toBe(200);
    const after = (await t.api('GET', `/v1/payments/${p.id}`)).json.data;
    expect(after.status).toBe(status);
    if (code) expect(after.last_payment_error).toMatchObject({ type: 'wallet_error', code });
    const again = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome: 'approve' }) });
    expect(await again.text()).toContain('no longer active');
  });

  it('the test helpers approve and decline', async () => {
    const a = await confirmWith({ type: 'soxara_wallet', soxara_wallet: {} });
    expect((await t.api('POST', `/v1/test_helpers/payments/${a.p.id}/approve`)).json.data.status).toBe('succeeded');
    const b = await confirmWith({ type: 'soxara_wallet' });
    const declined = await t.api('POST', `/v1/test_helpers/payments/${b.p.id}/decline`);
    expect(declined.json.data.last_payment_error.type).toBe('wallet_error');
  });

  it('expires with prompt_expired', async () => {
    const { p } = await confirmWith({ type: 'soxara_wallet' }, short);
    const done = await waitForStatusChange(short, p.id, 'requires_action');
    expect(done.last_payment_error).toMatchObject({ type: 'wallet_error', code: 'prompt_expired' });
  });

  it('answers 404 pages for unknown tokens', async () => {
    expect((await fetch(`${t.url}/simulators/wallet/nope`)).status).toBe(404);
    expect((await fetch(`${t.url}/simulators/momo/nope`)).status).toBe(404);
    expect((await fetch(`${t.url}/simulators/3ds/nope`)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

async function startChallenge(returnUrl?: string) {
  const p = await createPayment(t);
  const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
    key: t.pk,
    body: { client_secret: p.client_secret, payment_method: CARD('4000002760003184'), ...(returnUrl ? { return_url: returnUrl } : {}) },
  });
  return { p, res, path: new URL(res.json.data.next_action?.redirect_to_url?.url ?? 'http://x/').pathname };
}

describe('3-D Secure', () => {
  it('requires a redirect to a challenge page carrying a token, not the client secret', async () => {
    const { p, res } = await startChallenge('https://shop.test/order/return?order=7');
    expect(res.status).toBe(200);
    expect(res.json.data.status).toBe('requires_action');
    const next = res.json.data.next_action;
    expect(next.type).toBe('redirect_to_url');
    expect(next.redirect_to_url.return_url).toBe('https://shop.test/order/return?order=7');
    expect(next.redirect_to_url.url).toMatch(/\/simulators\/3ds\/[A-Za-z0-9]{32}$/);
    expect(next.redirect_to_url.url).not.toContain(p.client_secret);
    expect(t.events.some((e) => e.type === 'payment.requires_action' && e.object['id'] === p.id)).toBe(true);
  });

  it('Complete redirects (303) back to return_url with redirect_status=succeeded', async () => {
    const { p, path } = await startChallenge('https://shop.test/order/return?order=7');
    const page = await fetch(`${t.url}${path}`);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(page.headers.get('x-frame-options')).toBeNull();
    const html = await page.text();
    expect(html).toContain('Complete authentication');
    expect(html).toContain('Fail authentication');
    expect(html).toContain('visa •••• 3184');

    const post = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome: 'approve' }), redirect: 'manual' });
    expect(post.status).toBe(303);
    const location = new URL(post.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://shop.test/order/return');
    expect(location.searchParams.get('order')).toBe('7');
    expect(location.searchParams.get('payment_intent')).toBe(p.id);
    expect(location.searchParams.get('payment_intent_client_secret')).toBe(p.client_secret);
    expect(location.searchParams.get('redirect_status')).toBe('succeeded');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('succeeded');

    const resubmit = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome: 'decline' }), redirect: 'manual' });
    expect(new URL(resubmit.headers.get('location') ?? '').searchParams.get('redirect_status')).toBe('succeeded');
  });

  it('Fail redirects with redirect_status=failed and records authentication_failed', async () => {
    const { p, path } = await startChallenge('http://localhost:3000/return');
    const post = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome: 'decline' }), redirect: 'manual' });
    expect(post.status).toBe(303);
    expect(new URL(post.headers.get('location') ?? '').searchParams.get('redirect_status')).toBe('failed');
    const after = (await t.api('GET', `/v1/payments/${p.id}`)).json.data;
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ type: 'card_error', code: 'authentication_failed' });
    expect(t.events.some((e) => e.type === 'payment.failed' && e.object['id'] === p.id)).toBe(true);
  });

  it('embedded mode shows "done" instead of redirecting', async () => {
    const { p, path } = await startChallenge('https://shop.test/r');
    const page = await (await fetch(`${t.url}${path}?embedded=1`)).text();
    expect(page).toContain('name="embedded" value="1"');
    const post = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome: 'approve', embedded: '1' }), redirect: 'manual' });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('Authentication complete');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('succeeded');
  });

  it('without return_url, returns to a sandbox page that says so', async () => {
    const { res, path } = await startChallenge();
    expect(res.json.data.next_action.redirect_to_url.return_url).toMatch(/\/simulators\/3ds\/[A-Za-z0-9]+\/done$/);
    const post = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome: 'approve' }), redirect: 'manual' });
    const done = await fetch(new URL(new URL(post.headers.get('location') ?? '').pathname, t.url));
    expect(await done.text()).toMatch(/you can close/i);
  });

  it('the test helpers complete or fail the challenge', async () => {
    const a = await startChallenge('https://shop.test/r');
    expect((await t.api('POST', `/v1/test_helpers/payments/${a.p.id}/approve`)).json.data.status).toBe('succeeded');
    const b = await startChallenge('https://shop.test/r');
    const failed = await t.api('POST', `/v1/test_helpers/payments/${b.p.id}/decline`);
    expect(failed.json.data.last_payment_error.code).toBe('authentication_failed');
  });

  it('refuses a non-http(s) return_url', async () => {
    const p = await createPayment(t);
    for (const url of ['javascript:alert(1)', 'ftp://x.test/', 'not a url']) {
      const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
        body: { payment_method: CARD('4000002760003184'), return_url: url },
      });
      expect(res.status).toBe(400);
      expect(res.json.error.param).toBe('return_url');
    }
  });

  it('answers the challenge page form with 400 for a missing outcome', async () => {
    const { path } = await startChallenge('https://shop.test/r');
    const post = await fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome: 'maybe' }) });
    expect(post.status).toBe(400);
  });
});

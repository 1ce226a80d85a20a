/**
 * The simulator pages' cross-origin isolation headers (checklist C4): the 3-D Secure challenge is framed
 * by the Soxara modal frame, which sends `COEP: require-corp`, so Chromium loads it only with a COEP of
 * its own and `CORP: cross-origin` — on every page of the challenge, its outcome and its errors included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, MOMO, createPayment, startTestSandbox, type TestSandbox } from '../../test/helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

async function confirm(paymentMethod: Record<string, unknown>) {
  const p = await createPayment(t);
  const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: { client_secret: p.client_secret, payment_method: paymentMethod } });
  return res.json.data.next_action;
}

function expectEmbeddableUnderCoep(response: Response, what: string): void {
  expect(response.headers.get('cross-origin-embedder-policy'), what).toBe('require-corp');
  expect(response.headers.get('cross-origin-resource-policy'), what).toBe('cross-origin');
  expect(response.headers.get('content-security-policy'), what).toContain('frame-ancestors *');
}

describe('simulator pages under a cross-origin isolated embedder', () => {
  it('the embedded 3-D Secure challenge, its outcome page and a stale or bad submission all send COEP and CORP', async () => {
    const challenge = new URL((await confirm(CARD('4000002760003184'))).redirect_to_url.url);
    const embedded = `${challenge.pathname}?embedded=1`;
    const page = await fetch(`${t.url}${embedded}`);
    expect(page.status).toBe(200);
    expectEmbeddableUnderCoep(page, 'challenge');
    const bad = await fetch(`${t.url}${challenge.pathname}`, { method: 'POST', body: new URLSearchParams({ embedded: '1' }) });
    expect(bad.status).toBe(400);
    expectEmbeddableUnderCoep(bad, 'no outcome');
    const done = await fetch(`${t.url}${challenge.pathname}`, { method: 'POST', body: new URLSearchParams({ outcome: 'approve', embedded: '1' }) });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Authentication complete');
    expectEmbeddableUnderCoep(done, 'outcome');
    expectEmbeddableUnderCoep(await fetch(`${t.url}${embedded}`), 'finished challenge');
    expectEmbeddableUnderCoep(await fetch(`${t.url}/simulators/3ds/nope`), 'unknown token');
  });

  it('the wallet and MoMo pages share the shell and its headers', async () => {
    const page = (link: string) => fetch(`${t.url}${new URL(link).pathname}`);
    const wallet = await page((await confirm({ type: 'soxara_wallet' })).soxara_wallet_approval.universal_link);
    expect(wallet.status).toBe(200);
    expectEmbeddableUnderCoep(wallet, 'wallet');
    const momo = await page((await confirm(MOMO('+231880000004'))).momo_pin_prompt.simulator_url);
    expect(momo.status).toBe(200);
    expectEmbeddableUnderCoep(momo, 'momo');
  });
});

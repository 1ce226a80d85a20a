/** Checklist group D, server side: two tabs, declines and 3-D Secure outcomes charge at most once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../../../../scripts/figures.ts';
import { createPayment, DECLINE_CARDS, startTestSandbox, type TestSandbox } from '../helpers.ts';
import { startReceiver, verifiedEvent } from '../support/receiver.ts';
import { byId, confirmBody, countEvents, idem, uid } from './rows.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

describe('D. Confirm and network (sandbox side): outcomes', () => {
  it('D9 two tabs confirm one payment at once (own keys, two cards) → one charge; the other is told it already succeeded', async () => {
    let refusals = 0;
    for (let round = 0; round < 5; round++) {
      const p = await createPayment(t);
      const [a, b] = await Promise.all(
        ['4242424242424242', '5555555555554444'].map((number) =>
          t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p, number), headers: idem(uid('tab')) }),
        ),
      );
      const answers = [a!, b!];
      const winners = answers.filter((r) => r.status === 200);
      const losers = answers.filter((r) => r.status !== 200);
      expect(winners).toHaveLength(1);
      expect(winners[0]!.json.data.status).toBe('succeeded');
      for (const loser of losers) {
        expect(loser.status).toBe(400);
        expect(loser.json.error.code).toBe('payment_unexpected_state');
        expect(loser.json.error.message).toContain('succeeded');
        refusals++;
      }
      const seen = await t.api('GET', `/v1/payments/${p.id}?client_secret=${p.client_secret}`, { key: t.pk });
      expect(seen.json.data).toMatchObject({ status: 'succeeded', payment_method: 'card', payment_method_details: winners[0]!.json.data.payment_method_details });
      expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(1);
    }
    recordFigures('idempotency', { two_tab_races: 5, two_tab_double_charges: 0, two_tab_refusals: refusals });
  });

  it('D12 five declines in a row (generic, insufficient funds, expired, incorrect CVC, processing error) charge nothing; the payment stays reusable and the sixth attempt charges once', async () => {
    const p = await createPayment(t);
    expect(DECLINE_CARDS).toHaveLength(5);
    for (const [number, code, declineCode] of DECLINE_CARDS) {
      const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p, number), headers: idem(uid('d12')) });
      expect(res.status).toBe(402);
      expect(res.json.error).toMatchObject({ type: 'card_error', code, decline_code: declineCode, payment_intent: { status: 'requires_payment_method' } });
    }
    expect(countEvents(t, 'payment.failed', byId(p.id))).toBe(5);
    expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(0);
    const sixth = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p) });
    expect(sixth.json.data).toMatchObject({ status: 'succeeded', last_payment_error: null });
    expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(1);
  });

  it('D13 a failed 3-D Secure challenge charges nothing; the payment is reusable, and its stale challenge cannot charge it later', async () => {
    const p = await createPayment(t);
    const challenge = async () => {
      const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
        key: t.pk,
        body: { ...confirmBody(p, '4000002760003184'), return_url: 'https://shop.test/return' },
      });
      expect(res.json.data.status).toBe('requires_action');
      return new URL(res.json.data.next_action.redirect_to_url.url).pathname;
    };
    const answer = (path: string, outcome: string) =>
      fetch(`${t.url}${path}`, { method: 'POST', body: new URLSearchParams({ outcome }), redirect: 'manual' });

    const first = await challenge();
    const failed = await answer(first, 'decline');
    expect(new URL(failed.headers.get('location') ?? '').searchParams.get('redirect_status')).toBe('failed');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'authentication_failed' },
    });
    expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(0);

    const second = await challenge();
    await answer(first, 'approve');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('requires_action');
    expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(0);
    await answer(second, 'approve');
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('succeeded');
    expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(1);
  });

  it('D10 (sandbox half) the tab is gone during 3-D Secure: the challenge completed anyway fulfils the payment by webhook, once, and nothing can confirm it again', async () => {
    const receiver = await startReceiver();
    try {
      const endpoint = (await t.api('POST', '/v1/webhook_endpoints', { body: { url: receiver.url, enabled_events: ['payment.succeeded'] } })).json.data;
      const p = await createPayment(t);
      const started = await t.api('POST', `/v1/payments/${p.id}/confirm`, {
        key: t.pk,
        body: { ...confirmBody(p, '4000002760003184'), return_url: 'https://shop.test/return' },
      });
      expect(started.json.data.status).toBe('requires_action');
      // Nobody comes back to return_url; the customer finished on the bank's page.
      const challenge = new URL(started.json.data.next_action.redirect_to_url.url).pathname;
      await fetch(`${t.url}${challenge}`, { method: 'POST', body: new URLSearchParams({ outcome: 'approve' }), redirect: 'manual' });
      const [hook] = await receiver.waitFor(1);
      expect(verifiedEvent(hook!, endpoint.secret).data.object).toMatchObject({ id: p.id, status: 'succeeded' });
      const again = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p) });
      expect(again.json.error.code).toBe('payment_unexpected_state');
      // One event, so one delivery: the endpoint's whole list is the one that arrived.
      expect(countEvents(t, 'payment.succeeded', byId(p.id))).toBe(1);
      const deliveries = await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`);
      expect(deliveries).toHaveLength(1);
      expect(receiver.received).toHaveLength(1);
      await t.api('DELETE', `/v1/webhook_endpoints/${endpoint.id}`);
    } finally {
      await receiver.close();
    }
  });
});

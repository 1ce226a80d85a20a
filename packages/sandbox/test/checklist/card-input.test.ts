/** Checklist group A, server side: the API as the last line behind the card frame. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../../../../scripts/figures.ts';
import { CARD, createPayment, startTestSandbox, type TestSandbox } from '../helpers.ts';
import { byId, confirmBody, countEvents } from './rows.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

describe('A. Card input (the API as the last line behind the frame)', () => {
  const refused: [string, string][] = [
    ['A2 full-width digits', '４２４２４２４２４２４２４２４２'],
    ['A2 Arabic-Indic digits', '٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢'],
    ['A2 a letter', '4242a24242424242'],
    ['A2 a plus sign', '+4242424242424242'],
    ['A2 dots', '4242.4242.4242.4242'],
    ['A2 an emoji', '4242😀424242424242'],
    ['A3 a zero-width space', '4242\u200b424242424242'],
    ['A3 a bidi override', '\u202e4242424242424242'],
    ['A4 a Luhn-failing number', '4242424242424241'],
    ['A5 Amex with 16 digits', '3782822463100050'],
    ['A5 Visa with 17 digits', '42424242424242428'],
    ['A10 a 10 kB paste', '4'.repeat(10_000)],
  ];

  recordFigures('checklist-server', { card_numbers_refused: refused.length });

  it.each(refused)('%s in card[number] → 400 invalid_number, nothing charged', async (_name, number) => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p, number) });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_number', param: 'card[number]' });
    expect(res.text).not.toContain(number);
    expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('requires_payment_method');
    expect(countEvents(t, 'payment.succeeded', byId(p.id)) + countEvents(t, 'payment.failed', byId(p.id))).toBe(0);
  });

  // The frame's rule is card-validator's: UnionPay has 14 to 19 digits and needs no Luhn.
  it('A7 a UnionPay number that fails Luhn pays, as the frame accepts it; a 13-digit one is refused', async () => {
    const p = await createPayment(t);
    const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: confirmBody(p, '6212345678901234') });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ status: 'succeeded', payment_method: 'card', payment_method_details: { card: { brand: 'unionpay', last4: '1234' } } });
    const short = await createPayment(t);
    const refusedShort = await t.api('POST', `/v1/payments/${short.id}/confirm`, { key: t.pk, body: confirmBody(short, '6212345678901') });
    expect(refusedShort.json.error).toMatchObject({ code: 'invalid_number', param: 'card[number]' });
  });

  it('A8 an expiry more than 19 years ahead → 400 invalid_expiry_year, nothing charged; 19 years ahead still pays (the frame\'s rule)', async () => {
    const year = new Date().getUTCFullYear();
    const confirmExpiry = async (exp_year: number | string, exp_month = 12) => {
      const p = await createPayment(t);
      const res = await t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: { client_secret: p.client_secret, payment_method: CARD('4242424242424242', { exp_year, exp_month }) } });
      return { p, res };
    };
    for (const tooFar of [year + 20, year + 21, String((year + 20) % 100).padStart(2, '0')]) {
      const { p, res } = await confirmExpiry(tooFar, 1);
      expect(res.status, String(tooFar)).toBe(400);
      expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_expiry_year', param: 'card[exp_year]' });
      expect(res.json.error.message).toMatch(/19 years/);
      expect((await t.api('GET', `/v1/payments/${p.id}`)).json.data.status).toBe('requires_payment_method');
      expect(countEvents(t, 'payment.succeeded', byId(p.id)) + countEvents(t, 'payment.failed', byId(p.id))).toBe(0);
    }
    expect((await confirmExpiry(year + 19)).res.json.data.status).toBe('succeeded');
  });

  it('A9 CVC 000 passes the format check (the issuer decides); letters and non-ASCII digits do not', async () => {
    const cvc = async (value: string) => {
      const p = await createPayment(t);
      return t.api('POST', `/v1/payments/${p.id}/confirm`, { key: t.pk, body: { client_secret: p.client_secret, payment_method: CARD('4242424242424242', { cvc: value }) } });
    };
    expect((await cvc('000')).json.data.status).toBe('succeeded');
    for (const bad of ['12a', '１２３', '12345']) {
      expect((await cvc(bad)).json.error).toMatchObject({ code: 'invalid_cvc', param: 'card[cvc]' });
    }
  });
});

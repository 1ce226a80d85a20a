/**
 * The deferred form (`mode: 'payment'`): `submit()` checks the fields in the frame and nothing else;
 * a confirm needs a submit since the last one, and a payment of exactly the form's amount and
 * currency, or nothing reaches the confirm endpoint.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ClientPayment, ControllerToElement, ErrorInfo } from '@soxara/protocol';
import type { ApiClient, PaymentMethodInput } from './api.ts';
import { clientPayment } from './client-payment.fixture.ts';
import { controllerContext } from './controller-context.fixture.ts';
import { confirmElement } from './confirm-element.ts';
import type { ElementHandle, ValidateResult } from './context.ts';
import { paymentMismatch } from './deferred.ts';
import { fetchUpdates } from './fetch-updates.ts';
import { submitElement } from './submit-element.ts';

const SECRET = 'pi_abc123_secret_xyz789';
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
const confirmCall = { method: 'confirm-element', clientSecret: SECRET, elementId: 'el_1', redirect: 'if_required' } as const;
const submitCall = { method: 'submit-element', elementId: 'el_1' } as const;
const INCOMPLETE: ErrorInfo = { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.', param: 'card[number]' };

function setUp(options: { payment?: Partial<ClientPayment>; check?: ValidateResult; clientSecret?: string | null; form?: { amount: number; currency: 'USD' | 'LRD' } } = {}) {
  const confirmed: PaymentMethodInput[] = [];
  const retrieved: string[] = [];
  const payment = clientPayment('requires_payment_method', options.payment);
  const api: ApiClient = {
    apiUrl: 'http://api.test',
    confirmPayment: async (_secret, method) => (confirmed.push(method), { ok: true, data: { ...payment, status: 'succeeded' } }),
    retrievePayment: async (secret) => (retrieved.push(secret), { ok: true, data: payment }),
  };
  const sent: ControllerToElement[] = [];
  const validate = vi.fn(async () => options.check ?? { ok: true as const });
  const handle: ElementHandle = {
    elementId: 'el_1',
    kind: 'card',
    clientSecret: options.clientSecret === undefined ? null : options.clientSecret,
    momoDetails: null,
    selectedMethod: null,
    settings: { locale: 'en', ...(options.form ?? { amount: 1250, currency: 'USD' }) },
    send: (message) => sent.push(message),
    collectCard: async () => ({ card: CARD }),
    validate,
    submitted: false,
  };
  const ctx = controllerContext(api, handle);
  return { ctx, handle, confirmed, retrieved, sent, validate };
}

describe('submitElement', () => {
  it('asks the frame to check its fields and answers done, with no API call', async () => {
    const { ctx, handle, retrieved, validate } = setUp();
    expect(await submitElement(ctx, submitCall)).toEqual({ done: true });
    expect(validate).toHaveBeenCalledTimes(1);
    expect(handle.submitted).toBe(true);
    expect(retrieved).toEqual([]);
  });

  it("answers the frame's field error and does not count as submitted", async () => {
    const { ctx, handle } = setUp({ check: { error: INCOMPLETE } });
    expect(await submitElement(ctx, submitCall)).toEqual({ error: INCOMPLETE });
    expect(handle.submitted).toBe(false);
  });

  it('answers element_unavailable for an element it does not hold', async () => {
    const { ctx } = setUp();
    expect(await submitElement(ctx, { ...submitCall, elementId: 'gone' })).toMatchObject({ error: { code: 'element_unavailable' } });
  });
});

describe('confirmElement of a deferred form', () => {
  it('refuses a confirm without submit() first, with no request', async () => {
    const { ctx, confirmed, retrieved } = setUp();
    expect(await confirmElement(ctx, confirmCall)).toMatchObject({ error: { type: 'invalid_request_error', code: 'elements_not_submitted' } });
    expect(confirmed).toEqual([]);
    expect(retrieved).toEqual([]);
  });

  it('confirms after submit(), and needs a new submit() for the next confirm', async () => {
    const { ctx, confirmed } = setUp();
    await submitElement(ctx, submitCall);
    expect(await confirmElement(ctx, confirmCall)).toMatchObject({ paymentIntent: { status: 'succeeded' } });
    expect(confirmed.map((method) => method.type)).toEqual(['card']);
    expect(await confirmElement(ctx, confirmCall)).toMatchObject({ error: { code: 'elements_not_submitted' } });
    expect(confirmed).toHaveLength(1);
  });

  it('refuses a payment of another amount before anything is charged', async () => {
    const { ctx, confirmed } = setUp({ payment: { amount: 1300 } });
    await submitElement(ctx, submitCall);
    expect(await confirmElement(ctx, confirmCall)).toMatchObject({
      error: { type: 'invalid_request_error', code: 'amount_mismatch', param: 'amount', payment_intent: { id: 'pi_abc123' } },
    });
    expect(confirmed).toEqual([]);
  });

  it('refuses a payment in another currency before anything is charged', async () => {
    const { ctx, confirmed } = setUp({ payment: { currency: 'LRD' } });
    await submitElement(ctx, submitCall);
    expect(await confirmElement(ctx, confirmCall)).toMatchObject({ error: { code: 'currency_mismatch', param: 'currency' } });
    expect(confirmed).toEqual([]);
  });

  it('leaves a client-secret form as it was: no submit needed, no amount check', async () => {
    const { ctx, confirmed } = setUp({ clientSecret: SECRET, payment: { amount: 999 } });
    expect(await confirmElement(ctx, confirmCall)).toMatchObject({ paymentIntent: { status: 'succeeded' } });
    expect(confirmed).toHaveLength(1);
  });
});

describe('paymentMismatch', () => {
  it('names the currency first, then the amount, and null when both fit', () => {
    expect(paymentMismatch({ amount: 1250, currency: 'USD' }, { amount: 1250, currency: 'USD' })).toBeNull();
    expect(paymentMismatch({ amount: 1250, currency: 'USD' }, { amount: 1, currency: 'LRD' })).toMatchObject({ code: 'currency_mismatch' });
    expect(paymentMismatch({ amount: 1250, currency: 'USD' }, { amount: 1251, currency: 'USD' })).toMatchObject({ code: 'amount_mismatch' });
    expect(paymentMismatch(null, { amount: 1250, currency: 'USD' })).toMatchObject({ code: 'currency_mismatch' });
  });
});

describe('fetchUpdates', () => {
  it('re-reads the payment of a client-secret form and sends its amount to the button', async () => {
    const { ctx, sent, retrieved } = setUp({ clientSecret: SECRET, payment: { amount: 4000, currency: 'LRD' } });
    expect(await fetchUpdates(ctx, { method: 'fetch-updates', elementId: 'el_1' })).toEqual({ done: true });
    expect(retrieved).toEqual([SECRET]);
    expect(sent).toEqual([{ type: 'payment-summary', amount: 4000, currency: 'LRD' }]);
  });

  it('has nothing to read for a deferred form', async () => {
    const { ctx, sent, retrieved } = setUp();
    expect(await fetchUpdates(ctx, { method: 'fetch-updates', elementId: 'el_1' })).toEqual({ done: true });
    expect(retrieved).toEqual([]);
    expect(sent).toEqual([]);
  });
});

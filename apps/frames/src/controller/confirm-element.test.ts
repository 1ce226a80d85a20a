/**
 * confirmElement picks the flow from the element the controller holds: a card element is a card, the
 * tabbed form confirms the tab the customer is on. A hand-made context, an API that answers at once.
 */
import { describe, expect, it } from 'vitest';
import type { ClientPayment, ControllerToElement, ErrorInfo } from '@soxara/protocol';
import type { ApiClient, ApiResult, PaymentMethodInput } from './api.ts';
import { clientPayment } from './client-payment.fixture.ts';
import { controllerContext } from './controller-context.fixture.ts';
import { confirmElement } from './confirm-element.ts';
import type { ElementHandle } from './context.ts';

const SECRET = 'pi_abc123_secret_xyz789';
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };
const call = { method: 'confirm-element', clientSecret: SECRET, elementId: 'el_1', redirect: 'if_required' } as const;
const succeeded = clientPayment('succeeded');

function setUp(element: Partial<ElementHandle> | null, answer: ApiResult<ClientPayment> = { ok: true, data: succeeded }) {
  const confirmed: PaymentMethodInput[] = [];
  const api: ApiClient = {
    apiUrl: 'http://api.test',
    confirmPayment: async (_secret, method) => (confirmed.push(method), answer),
    retrievePayment: async () => ({ ok: true, data: { ...succeeded, status: 'requires_payment_method' } }),
  };
  const sent: ControllerToElement[] = [];
  const handle: ElementHandle | undefined = element
    ? {
        elementId: 'el_1',
        kind: 'card',
        clientSecret: SECRET,
        momoDetails: null,
        selectedMethod: null,
        settings: null,
        send: (message) => sent.push(message),
        collectCard: async () => ({ card: CARD }),
        validate: async () => ({ ok: true }),
        submitted: false,
        ...element,
      }
    : undefined;
  const ctx = controllerContext(api, handle);
  return { ctx, confirmed, sent };
}

describe('confirmElement', () => {
  it('confirms a card element as a card, whatever tab its line claims', async () => {
    const { ctx, confirmed } = setUp({ kind: 'card', selectedMethod: 'soxara_wallet' });
    expect(await confirmElement(ctx, call)).toMatchObject({ paymentIntent: { status: 'succeeded' } });
    expect(confirmed.map((method) => method.type)).toEqual(['card']);
  });

  it('confirms the tabbed form with its card until it reports another tab', async () => {
    const { ctx, confirmed } = setUp({ kind: 'payment', selectedMethod: null });
    await confirmElement(ctx, call);
    expect(confirmed.map((method) => method.type)).toEqual(['card']);
  });

  it('confirms the tab the customer is on, with what was typed there, the form busy meanwhile', async () => {
    const { ctx, confirmed, sent } = setUp({ kind: 'payment', selectedMethod: 'momo', momoDetails: { provider: 'orange', phoneNumber: '077 012 3456' } });
    // The sandbox would answer requires_action; a payment that ended at once resolves at once.
    expect(await confirmElement(ctx, call)).toMatchObject({ paymentIntent: { status: 'succeeded' } });
    expect(confirmed).toEqual([{ type: 'momo', momo: { provider: 'orange', phone_number: '+231770123456' } }]);
    expect(sent).toEqual([
      { type: 'show-error', error: null },
      { type: 'busy', busy: true },
      { type: 'busy', busy: false },
    ]);
  });

  it('shows a wallet refusal in the form, and resolves it', async () => {
    const declined: ErrorInfo = { type: 'wallet_error', code: 'approval_declined', message: 'Declined in the app.' };
    const { ctx, confirmed, sent } = setUp({ kind: 'payment', selectedMethod: 'soxara_wallet' }, { ok: false, status: 402, error: declined });
    // An unknown wallet code reads as the wallet's failure, in the form and in the result alike.
    const shown = { ...declined, message: expect.stringMatching(/^The Soxara wallet payment did not go through/), doc_url: expect.stringMatching(/#approval_declined$/) };
    expect(await confirmElement(ctx, call)).toEqual({ error: shown });
    expect(confirmed).toEqual([{ type: 'soxara_wallet' }]);
    expect(sent).toContainEqual({ type: 'show-error', error: shown });
  });

  it('resolves element_unavailable, with no request, for an element it does not hold', async () => {
    const { ctx, confirmed } = setUp(null);
    expect(await confirmElement(ctx, call)).toEqual({ error: { type: 'api_connection_error', code: 'element_unavailable', message: expect.any(String) } });
    expect(confirmed).toEqual([]);
  });

  it('shows a deferred form\'s refusal of a payment of another amount in the form, and charges nothing', async () => {
    // The payment the merchant's server made is for 1250 USD; the customer was shown 1300.
    const { ctx, confirmed, sent } = setUp({ kind: 'payment', clientSecret: null, submitted: true, settings: { locale: 'en', amount: 1300, currency: 'USD' } });
    const result = await confirmElement(ctx, call);
    expect(result).toMatchObject({ error: { code: 'amount_mismatch', param: 'amount' } });
    expect(confirmed).toEqual([]);
    expect(sent).toEqual([{ type: 'show-error', error: expect.objectContaining({ code: 'amount_mismatch', message: expect.stringMatching(/^The amount to pay has changed/) }) }]);
  });

  it('does not show a missing submit() to the customer: that one is for the developer', async () => {
    const { ctx, confirmed, sent } = setUp({ kind: 'payment', clientSecret: null, submitted: false, settings: { locale: 'en', amount: 1250, currency: 'USD' } });
    expect(await confirmElement(ctx, call)).toMatchObject({ error: { code: 'elements_not_submitted' } });
    expect(confirmed).toEqual([]);
    expect(sent).toEqual([]);
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientPayment } from '@soxara/protocol';
import type { ApiClient, ApiResult, PaymentMethodInput } from './api.ts';
import { clientPayment } from './client-payment.fixture.ts';
import { startController, type Controller } from './controller.ts';

const API = 'http://api.test';
const SECRET = 'pi_abc123_secret_xyz789';
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' };

interface FakeApi extends ApiClient {
  confirms: { method: PaymentMethodInput; key: string; returnUrl?: string }[];
  retrieves: { waitSeconds?: number; ifStatus?: string }[];
}

function fakeApi(options: { confirm: () => Promise<ApiResult<ClientPayment>>; retrieve?: (signal?: AbortSignal) => Promise<ApiResult<ClientPayment>> }): FakeApi {
  const api: FakeApi = {
    apiUrl: API,
    confirms: [],
    retrieves: [],
    async confirmPayment(_secret, method, opts) {
      api.confirms.push({ method, key: opts.idempotencyKey, ...(opts.returnUrl ? { returnUrl: opts.returnUrl } : {}) });
      return options.confirm();
    },
    async retrievePayment(_secret, opts = {}) {
      api.retrieves.push({ ...(opts.waitSeconds ? { waitSeconds: opts.waitSeconds } : {}), ...(opts.ifStatus ? { ifStatus: opts.ifStatus } : {}) });
      return options.retrieve ? options.retrieve(opts.signal) : { ok: true, data: clientPayment('requires_payment_method') };
    },
  };
  return api;
}

/** A port whose incoming messages are recorded. */
function recorder(port: MessagePort) {
  const messages: { data: any; ports: readonly MessagePort[] }[] = [];
  port.onmessage = (event: MessageEvent) => messages.push({ data: event.data, ports: event.ports });
  return { port, messages, of: (type: string) => messages.filter((m) => m.data?.type === type).map((m) => m.data) };
}

const open: { close(): void }[] = [];
afterEach(() => {
  for (const item of open.splice(0)) item.close();
});

function setup(api: FakeApi) {
  const channel = new MessageChannel();
  const controller: Controller = startController(channel.port2, { apiUrl: API, createApi: () => api, modalTimeoutMs: 2000 });
  const merchant = recorder(channel.port1);
  open.push(controller, channel.port1);
  return { merchant, controller };
}

/** Attaches a card element whose frame answers collect-card with `answer`. */
function attachCard(merchant: ReturnType<typeof recorder>, answer: unknown = { card: CARD }) {
  const line = new MessageChannel();
  const element = recorder(line.port1);
  element.port.onmessage = (event: MessageEvent) => {
    element.messages.push({ data: event.data, ports: event.ports });
    if (event.data?.type === 'collect-card') line.port1.postMessage({ type: 'card-collected', id: event.data.id, result: answer });
  };
  merchant.port.postMessage({ type: 'attach-element', elementId: 'el_1', kind: 'card', clientSecret: SECRET }, [line.port2]);
  open.push(line.port1);
  return element;
}

const confirmCall = (id: number, redirect: 'always' | 'if_required' = 'if_required') => ({
  type: 'request',
  id,
  call: { method: 'confirm-element', clientSecret: SECRET, elementId: 'el_1', redirect, ...(redirect === 'always' ? { returnUrl: 'https://shop.test/return' } : {}) },
});

describe('controller', () => {
  it('answers init with ready, and requests made before init with an error', async () => {
    const { merchant } = setup(fakeApi({ confirm: async () => ({ ok: true, data: clientPayment('succeeded') }) }));
    merchant.port.postMessage({ type: 'request', id: 1, call: { method: 'retrieve-payment', clientSecret: SECRET } });
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    expect(merchant.of('response')[0].result.error.code).toBe('not_initialized');
    merchant.port.postMessage({ type: 'init', publishableKey: 'sxm_test_abcdefgh', locale: 'en' });
    await vi.waitFor(() => expect(merchant.of('ready')).toHaveLength(1));
  });

  it('ignores junk without throwing and still works afterwards', async () => {
    const { merchant } = setup(fakeApi({ confirm: async () => ({ ok: true, data: clientPayment('succeeded') }) }));
    const junk = fc.sample(
      fc.oneof(
        fc.anything(),
        fc.record({ type: fc.constantFrom('init', 'request', 'attach-element', 'attach-modal', 'page-visible', '__proto__'), id: fc.anything(), call: fc.anything() }),
        fc.record({ type: fc.constant('request'), id: fc.integer(), call: fc.record({ method: fc.string(), clientSecret: fc.string({ maxLength: 300 }) }) }),
      ),
      500,
    );
    for (const value of junk) {
      try {
        merchant.port.postMessage(value);
      } catch {
        // Some generated values (functions, symbols) cannot be cloned at all: they never reach the controller.
      }
    }
    merchant.port.postMessage({ type: 'init', publishableKey: 'sxm_test_abcdefgh', locale: 'en' });
    await vi.waitFor(() => expect(merchant.of('ready').length).toBeGreaterThanOrEqual(1));
  });

  it('sends the element a payment summary when it attaches', async () => {
    const { merchant } = setup(fakeApi({ confirm: async () => ({ ok: true, data: clientPayment('succeeded') }) }));
    merchant.port.postMessage({ type: 'init', publishableKey: 'sxm_test_abcdefgh', locale: 'en' });
    const element = attachCard(merchant);
    await vi.waitFor(() => expect(element.of('payment-summary')).toEqual([{ type: 'payment-summary', amount: 1250, currency: 'USD' }]));
  });
});

describe('confirm-element with a card element', () => {
  async function ready(api: FakeApi, answer?: unknown) {
    const { merchant } = setup(api);
    merchant.port.postMessage({ type: 'init', publishableKey: 'sxm_test_abcdefgh', locale: 'en' });
    const element = attachCard(merchant, answer);
    await vi.waitFor(() => expect(element.of('payment-summary')).toHaveLength(1));
    return { merchant, element };
  }

  it('collects the card in the controller, confirms it, and marks the form busy meanwhile', async () => {
    const api = fakeApi({ confirm: async () => ({ ok: true, data: clientPayment('succeeded') }) });
    const { merchant, element } = await ready(api);
    merchant.port.postMessage(confirmCall(7));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    expect(merchant.of('response')[0]).toMatchObject({ id: 7, result: { paymentIntent: { id: 'pi_abc123', status: 'succeeded' } } });
    expect(api.confirms[0]!.method).toEqual({ type: 'card', card: { number: CARD.number, exp_month: 12, exp_year: 2034, cvc: '123' } });
    expect(element.of('busy').map((m) => m.busy)).toEqual([true, false]);
    // The card never travels on the merchant line.
    expect(JSON.stringify(merchant.messages.map((m) => m.data))).not.toContain(CARD.number);
  });

  it('returns the element\'s validation error without calling the API', async () => {
    const api = fakeApi({ confirm: async () => ({ ok: true, data: clientPayment('succeeded') }) });
    const error = { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.', param: 'card[number]' };
    const { merchant } = await ready(api, { error });
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    expect(merchant.of('response')[0].result).toEqual({ error: { ...error, doc_url: 'https://github.com/soxara/soxara-js/blob/main/docs/errors.md#incomplete_number' } });
    expect(api.confirms).toHaveLength(0);
  });

  it('collapses concurrent confirms of one payment into one API call', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = fakeApi({ confirm: async () => (await gate, { ok: true, data: clientPayment('succeeded') }) });
    const { merchant } = await ready(api);
    merchant.port.postMessage(confirmCall(1));
    merchant.port.postMessage(confirmCall(2));
    await vi.waitFor(() => expect(api.confirms).toHaveLength(1));
    release();
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(2));
    expect(api.confirms).toHaveLength(1);
    expect(merchant.of('response').map((r) => r.result.paymentIntent.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('retries a network failure with the same idempotency key', async () => {
    let calls = 0;
    const api = fakeApi({
      confirm: async () =>
        ++calls === 1
          ? { ok: false, error: { type: 'api_connection_error', code: 'network_error', message: 'offline' } }
          : { ok: true, data: clientPayment('succeeded') },
    });
    const { merchant } = await ready(api);
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1), { timeout: 5000 });
    expect(api.confirms).toHaveLength(2);
    expect(api.confirms[0]!.key).toBe(api.confirms[1]!.key);
    // A new attempt (a new confirm) gets a new key.
    merchant.port.postMessage(confirmCall(2));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(2));
    expect(api.confirms[2]!.key).not.toBe(api.confirms[0]!.key);
  });

  it('shows a decline in the form and resolves {error} with the payment', async () => {
    const decline = { type: 'card_error' as const, code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
    const api = fakeApi({
      confirm: async () => ({ ok: false, status: 402, error: decline }),
      retrieve: async () => ({ ok: true, data: clientPayment('requires_payment_method') }),
    });
    const { merchant, element } = await ready(api);
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    // The codes stay the API's; the message is the customer's, the same in the form and the result.
    const shown = { ...decline, message: 'Your card was declined. Try another card or payment method.', doc_url: 'https://github.com/soxara/soxara-js/blob/main/docs/errors.md#generic_decline' };
    expect(merchant.of('response')[0].result.error).toMatchObject({ ...shown, payment_intent: { id: 'pi_abc123' } });
    expect(element.of('show-error').at(-1).error).toMatchObject(shown);
  });

  it('a rate limit (429) is not retried: one request, the customer is told to wait, the merchant gets rate_limit_error', async () => {
    const limited = { type: 'rate_limit_error' as const, code: 'rate_limited', message: 'Too many declined card payments from this client in a short time (a card-testing defence); retry after 598 s.' };
    const api = fakeApi({ confirm: async () => ({ ok: false, status: 429, error: limited }) });
    const { merchant, element } = await ready(api);
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    expect(api.confirms).toHaveLength(1);
    const wait = 'Too many attempts in a short time. Wait a few minutes, then try again.';
    expect(merchant.of('response')[0].result.error).toEqual({ type: 'rate_limit_error', code: 'rate_limited', message: wait, doc_url: 'https://github.com/soxara/soxara-js/blob/main/docs/errors.md#rate_limited' });
    expect(element.of('show-error').at(-1).error).toMatchObject({ type: 'rate_limit_error', message: wait });
  });

  const challenge = (url: string) =>
    clientPayment('requires_action', { next_action: { type: 'redirect_to_url', redirect_to_url: { url, return_url: 'https://shop.test/return' } } });

  it('redirect "always": sends the page to the challenge on the API origin only', async () => {
    const api = fakeApi({ confirm: async () => ({ ok: true, data: challenge(`${API}/simulators/3ds/tok`) }) });
    const { merchant } = await ready(api);
    merchant.port.postMessage(confirmCall(1, 'always'));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    expect(merchant.of('redirect')).toEqual([{ type: 'redirect', url: `${API}/simulators/3ds/tok` }]);
    expect(api.confirms[0]!.returnUrl).toBe('https://shop.test/return');
  });

  it('refuses a challenge URL off the API origin', async () => {
    const api = fakeApi({ confirm: async () => ({ ok: true, data: challenge('https://evil.test/3ds') }) });
    const { merchant } = await ready(api);
    merchant.port.postMessage(confirmCall(1, 'always'));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    expect(merchant.of('redirect')).toEqual([]);
    expect(merchant.of('response')[0].result.error.code).toBe('invalid_redirect');
  });

  it('redirect "if_required": shows the challenge in a modal, waits, closes it', async () => {
    let status: ClientPayment['status'] = 'requires_action';
    const api = fakeApi({
      confirm: async () => ({ ok: true, data: challenge(`${API}/simulators/3ds/tok`) }),
      retrieve: async () => ({ ok: true, data: status === 'requires_action' ? challenge(`${API}/simulators/3ds/tok`) : clientPayment(status) }),
    });
    const { merchant } = await ready(api);
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('open-modal')).toHaveLength(1));
    const { modalId, kind } = merchant.of('open-modal')[0];
    expect(kind).toBe('three-ds');
    const line = new MessageChannel();
    const modal = recorder(line.port1);
    open.push(line.port1);
    merchant.port.postMessage({ type: 'attach-modal', modalId }, [line.port2]);
    await vi.waitFor(() => expect(modal.of('show')).toHaveLength(1));
    expect(modal.of('show')[0].view).toEqual({ kind: 'three-ds', url: `${API}/simulators/3ds/tok?embedded=1` });
    status = 'succeeded';
    merchant.port.postMessage({ type: 'page-visible' });
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1), { timeout: 5000 });
    expect(merchant.of('response')[0].result.paymentIntent.status).toBe('succeeded');
    expect(merchant.of('close-modal')).toEqual([{ type: 'close-modal', modalId }]);
  });

  it("the element's settings dress its modal and word its errors: locale and appearance of the form, not the instance", async () => {
    const api = fakeApi({
      confirm: async () => ({ ok: true, data: challenge(`${API}/simulators/3ds/tok`) }),
      retrieve: async () => ({ ok: true, data: challenge(`${API}/simulators/3ds/tok`) }),
    });
    const { merchant, element } = await ready(api);
    const appearance = { theme: 'night', rules: { '.Dialog': { padding: '8px' } } };
    element.port.postMessage({ type: 'element-settings', locale: 'fr', appearance });
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('open-modal')).toHaveLength(1));
    const line = new MessageChannel();
    const modal = recorder(line.port1);
    open.push(line.port1);
    merchant.port.postMessage({ type: 'attach-modal', modalId: merchant.of('open-modal')[0].modalId }, [line.port2]);
    await vi.waitFor(() => expect(modal.of('show')).toHaveLength(1));
    expect(modal.of('show')[0]).toMatchObject({ locale: 'fr', appearance });
    line.port1.postMessage({ type: 'cancel' });
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1), { timeout: 5000 });
    expect(merchant.of('response')[0].result.error).toMatchObject({
      code: 'payment_intent_authentication_failure',
      message: "Nous n'avons pas pu vérifier votre carte. Réessayez ou utilisez un autre moyen de paiement.",
    });
  });

  it('cancelling the 3-D Secure modal resolves payment_intent_authentication_failure', async () => {
    const api = fakeApi({
      confirm: async () => ({ ok: true, data: challenge(`${API}/simulators/3ds/tok`) }),
      // Plain reads answer at once; the long polls (with a signal) hang until cancelled.
      retrieve: (signal?: AbortSignal) =>
        signal
          ? new Promise<ApiResult<ClientPayment>>((resolve) =>
              signal.addEventListener('abort', () => resolve({ ok: false, error: { type: 'api_connection_error', code: 'request_aborted', message: 'aborted' } })),
            )
          : Promise.resolve({ ok: true as const, data: challenge(`${API}/simulators/3ds/tok`) }),
    });
    const withdrawn: string[] = [];
    api.cancelAction = async (clientSecret) => {
      withdrawn.push(clientSecret);
      return { ok: true, data: clientPayment('requires_payment_method') };
    };
    const { merchant } = await ready(api);
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('open-modal')).toHaveLength(1));
    const line = new MessageChannel();
    open.push(line.port1);
    merchant.port.postMessage({ type: 'attach-modal', modalId: merchant.of('open-modal')[0].modalId }, [line.port2]);
    line.port1.postMessage({ type: 'cancel' });
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    expect(merchant.of('response')[0].result.error).toMatchObject({ type: 'card_error', code: 'payment_intent_authentication_failure' });
    expect(merchant.of('close-modal')).toHaveLength(1);
    expect(withdrawn).toEqual([SECRET]);
  });

  it('a modal the merchant page never attaches ends as modal_unavailable, and is asked to close', async () => {
    const api = fakeApi({ confirm: async () => ({ ok: true, data: challenge(`${API}/simulators/3ds/tok`) }) });
    const { merchant } = await ready(api);
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1), { timeout: 5000 });
    expect(merchant.of('response')[0].result.error.code).toBe('modal_unavailable');
    expect(merchant.of('close-modal').map((m) => m.modalId)).toEqual(merchant.of('open-modal').map((m) => m.modalId));
  });

  it('a confirm naming an element the controller does not hold resolves element_unavailable, with no request', async () => {
    const api = fakeApi({ confirm: async () => ({ ok: true, data: clientPayment('succeeded') }) });
    const { merchant } = await ready(api);
    merchant.port.postMessage({ type: 'detach-element', elementId: 'el_1' });
    merchant.port.postMessage(confirmCall(1));
    await vi.waitFor(() => expect(merchant.of('response')).toHaveLength(1));
    expect(merchant.of('response')[0].result).toEqual({ error: { type: 'api_connection_error', code: 'element_unavailable', message: expect.any(String), doc_url: expect.stringMatching(/#element_unavailable$/) } });
    expect(api.confirms).toHaveLength(0);
  });

  it('a stale or unknown attach-modal is closed, not wired', async () => {
    const { merchant } = await ready(fakeApi({ confirm: async () => ({ ok: true, data: clientPayment('succeeded') }) }));
    const line = new MessageChannel();
    open.push(line.port1);
    const closed = new Promise<boolean>((resolve) => {
      line.port1.addEventListener('close', () => resolve(true));
      setTimeout(() => resolve(false), 1000);
    });
    merchant.port.postMessage({ type: 'attach-modal', modalId: 'nobody-asked' }, [line.port2]);
    line.port1.start();
    expect(await closed).toBe(true);
  });
});

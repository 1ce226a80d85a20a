// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { confirmTarget, followRedirect, mountedId } from '../src/confirm.ts';
import { ElementsGroup, type ElementsOwner } from '../src/elements.ts';
import { IntegrationError } from '../src/errors.ts';

const SECRET = 'pi_abc123_secret_def456';

function group(paymentMethods?: Array<'card' | 'momo' | 'soxara_wallet'>): ElementsGroup {
  const owner: ElementsOwner = { jsOrigin: 'https://js.test', locale: 'en', attach() {}, detach() {}, elementReady() {}, confirmFromSubmit() {}, run: async () => ({}) };
  return new ElementsGroup(owner, SECRET, { clientSecret: SECRET, ...(paymentMethods && { paymentMethods }) }, undefined);
}

function mounted(paymentMethods?: Array<'card' | 'momo' | 'soxara_wallet'>): ElementsGroup {
  const g = group(paymentMethods);
  // Detached: the iframe is created but never loads.
  g.mount(document.createElement('div'));
  return g;
}

const owns = () => true;

describe('confirmTarget', () => {
  it('turns the guide\'s card call into confirm-element with the mounted element and return_url', () => {
    const elements = mounted();
    const { call, returnUrl } = confirmTarget({ elements, confirmParams: { return_url: 'https://shop.test/return' } }, owns);
    expect(call).toEqual({ method: 'confirm-element', clientSecret: SECRET, elementId: elements.form.id, redirect: 'always', returnUrl: 'https://shop.test/return' });
    expect(returnUrl).toBe('https://shop.test/return');
  });

  it('sends the same call for the tabbed form (the controller picks its flow) and needs no return_url with if_required', () => {
    const elements = mounted(['card', 'momo']);
    const { call, returnUrl } = confirmTarget({ elements, redirect: 'if_required' }, owns);
    expect(call).toEqual({ method: 'confirm-element', clientSecret: SECRET, elementId: elements.form.id, redirect: 'if_required' });
    expect(call).not.toHaveProperty('returnUrl');
    expect(returnUrl).toBeNull();
  });

  it('confirms the merchant\'s own card element when one is mounted', () => {
    const elements = group();
    const card = elements.create('card');
    const container = document.createElement('div');
    card.mount(container);
    const { call } = confirmTarget({ elements, redirect: 'if_required' }, owns);
    expect(call).toMatchObject({ method: 'confirm-element', elementId: elements.card?.id });
  });

  it('maps the MoMo and wallet forms', () => {
    expect(confirmTarget({ clientSecret: SECRET, paymentMethod: { type: 'momo', momo: { provider: 'mtn', phone_number: '+231881158457' } } }, owns).call).toEqual({
      method: 'confirm-momo',
      clientSecret: SECRET,
      provider: 'mtn',
      phoneNumber: '+231881158457',
    });
    expect(confirmTarget({ clientSecret: SECRET, paymentMethod: { type: 'soxara_wallet' } }, owns).call).toEqual({ method: 'confirm-wallet', clientSecret: SECRET });
  });

  it('throws IntegrationError for misuse, saying what to do', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ elements: group(), confirmParams: { return_url: 'https://shop.test' } }, /mount the form/],
      [{ elements: mounted() }, /return_url is required/],
      [{ elements: mounted(), confirmParams: { return_url: 'javascript:alert(1)' } }, /absolute http\(s\) URL/],
      [{ elements: mounted(), redirect: 'never' }, /"always" or "if_required"/],
      [{ elements: {} }, /soxara.elements\(\)/],
      [{ clientSecret: 'nope', paymentMethod: { type: 'soxara_wallet' } }, /client_secret/],
      [{ clientSecret: SECRET, paymentMethod: { type: 'momo', momo: { provider: 'vodafone', phone_number: '1' } } }, /provider/],
      [{ clientSecret: SECRET, paymentMethod: { type: 'paypal' } }, /momo/],
      [null, /pass an object/],
    ];
    for (const [data, message] of cases) {
      expect(() => confirmTarget(data as never, owns)).toThrow(IntegrationError);
      expect(() => confirmTarget(data as never, owns)).toThrow(message);
    }
    expect(() => confirmTarget({ elements: mounted(), redirect: 'if_required' }, () => false)).toThrow(/this Soxara instance/);
  });
});

describe('confirmTarget of a deferred form (mode: "payment")', () => {
  function deferred(): ElementsGroup {
    const owner: ElementsOwner = { jsOrigin: 'https://js.test', locale: 'en', attach() {}, detach() {}, elementReady() {}, confirmFromSubmit() {}, run: async () => ({}) };
    const elements = new ElementsGroup(owner, undefined, { mode: 'payment', amount: 1250, currency: 'USD' }, undefined);
    elements.mount(document.createElement('div'));
    return elements;
  }

  it('confirms with the clientSecret passed to confirmPayment', () => {
    const elements = deferred();
    expect(confirmTarget({ elements, clientSecret: SECRET, redirect: 'if_required' }, owns).call).toEqual({
      method: 'confirm-element',
      clientSecret: SECRET,
      elementId: elements.form.id,
      redirect: 'if_required',
    });
  });

  it('names the call that needs a mounted form (submit, fetchUpdates)', () => {
    const owner: ElementsOwner = { jsOrigin: 'https://js.test', locale: 'en', attach() {}, detach() {}, elementReady() {}, confirmFromSubmit() {}, run: async () => ({}) };
    const unmounted = new ElementsGroup(owner, undefined, { mode: 'payment', amount: 1250, currency: 'USD' }, undefined);
    expect(() => mountedId(unmounted, 'elements.submit()')).toThrow(/^elements\.submit\(\): mount the form/);
    expect(mountedId(deferred(), 'elements.submit()')).toMatch(/^\w+$/);
  });

  it('needs that clientSecret', () => {
    expect(() => confirmTarget({ elements: deferred(), redirect: 'if_required' }, owns)).toThrow(/confirmPayment\(\): pass the client_secret/);
  });
});

describe('followRedirect', () => {
  const payment = (status: string) => ({ paymentIntent: { id: 'pi_abc123', status } }) as never;

  it('leaves the result alone without a return_url or for a failure', () => {
    expect(followRedirect(payment('succeeded'), null, SECRET)).toBeNull();
    expect(followRedirect({ error: { type: 'card_error', code: 'card_declined', message: 'x' } }, 'https://shop.test/r', SECRET)).toBeNull();
    expect(followRedirect(payment('requires_payment_method'), 'https://shop.test/r', SECRET)).toBeNull();
  });

  it('never settles while the page goes to the 3-D Secure challenge', () => {
    expect(followRedirect(payment('requires_action'), 'https://shop.test/r', SECRET)).toBeInstanceOf(Promise);
  });
});

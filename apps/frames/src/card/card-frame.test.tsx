// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCardFrame } from './card-frame.tsx';

const NUMBER = '4242424242424242';

function recorder(port: MessagePort) {
  const messages: any[] = [];
  port.onmessage = (event: MessageEvent) => messages.push(event.data);
  return { messages, of: (type: string) => messages.filter((m) => m?.type === type) };
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
  document.body.innerHTML = '';
});

async function mount(options: Record<string, unknown> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const merchantChannel = new MessageChannel();
  const controllerChannel = new MessageChannel();
  startCardFrame(merchantChannel.port2, controllerChannel.port2, root);
  const merchant = recorder(merchantChannel.port1);
  const controller = recorder(controllerChannel.port1);
  cleanup.push(() => [merchantChannel.port1, merchantChannel.port2, controllerChannel.port1, controllerChannel.port2].forEach((p) => p.close()));
  merchantChannel.port1.postMessage({ type: 'configure', options: { locale: 'en', showPayButton: true, ...options } });
  await vi.waitFor(() => expect(merchant.of('ready')).toHaveLength(1));
  const input = (label: string) => {
    const id = [...root.querySelectorAll('label')].find((l) => l.textContent === label)?.getAttribute('for');
    return root.querySelector<HTMLInputElement>(`#${id}`)!;
  };
  return { root, merchant, controller, toMerchant: merchantChannel.port1, toController: controllerChannel.port1, input };
}

function type(input: HTMLInputElement, value: string, inputType = 'insertText') {
  input.value = value;
  input.setSelectionRange(value.length, value.length);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('card frame', () => {
  it('is ready once configured, with labelled numeric inputs and their autocomplete tokens', async () => {
    // spellcheck=false is not checked here: happy-dom has no `spellcheck` property (Chromium reflects it).
    const { input } = await mount();
    for (const [label, token] of [['Card number', 'cc-number'], ['Expiry date', 'cc-exp'], ['Security code', 'cc-csc']] as const) {
      const el = input(label);
      expect(el.getAttribute('autocomplete')).toBe(token);
      expect(el.inputMode).toBe('numeric');
    }
  });

  it('formats as the customer types and sends change on transitions only, never values', async () => {
    const { merchant, input } = await mount();
    const number = input('Card number');
    for (let i = 1; i <= NUMBER.length; i++) type(number, number.value + NUMBER[i - 1]);
    await settle();
    expect(number.value).toBe('4242 4242 4242 4242');
    // Brand found at "4", nothing else until the number is whole — not one message per digit.
    expect(merchant.of('change').length).toBeLessThanOrEqual(2);
    type(input('Expiry date'), '1234');
    type(input('Security code'), '123');
    await settle();
    expect(input('Expiry date').value).toBe('12 / 34');
    const last = merchant.of('change').at(-1);
    expect(last.state).toEqual({ complete: true, empty: false, brand: 'visa', error: null });
    const everything = JSON.stringify(merchant.messages);
    expect(everything).not.toContain('4242');
    expect(everything).not.toContain('123');
  });

  it('answers collect-card with the card, or with the first field error which it then shows', async () => {
    const { controller, toController, input, root } = await mount();
    toController.postMessage({ type: 'collect-card', id: 1 });
    await vi.waitFor(() => expect(controller.of('card-collected')).toHaveLength(1));
    expect(controller.of('card-collected')[0].result.error).toMatchObject({ type: 'validation_error', code: 'incomplete_number', param: 'card[number]' });
    await settle();
    expect(input('Card number').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#sx-error-number')?.textContent).toBe('Your card number is incomplete.');

    type(input('Card number'), '4242 4242 4242 4242');
    type(input('Expiry date'), '12/2034');
    type(input('Security code'), '123');
    toController.postMessage({ type: 'collect-card', id: 2 });
    await vi.waitFor(() => expect(controller.of('card-collected')).toHaveLength(2));
    expect(controller.of('card-collected')[1]).toEqual({ type: 'card-collected', id: 2, result: { card: { number: NUMBER, expMonth: 12, expYear: 2034, cvc: '123' } } });
  });

  it('A2/A3 digits of other numeral systems typed among junk reach the controller as ASCII digits only', async () => {
    const { merchant, controller, toController, input } = await mount();
    type(input('Card number'), 'abc+.😀\u200b\u202e');
    expect(input('Card number').value).toBe('');
    type(input('Card number'), '４２٤٢\u200b4242 abc+.😀 ४२४२\u202e𝟒𝟐𝟒𝟐\u202c');
    type(input('Expiry date'), '١٢/٣٤', 'insertFromPaste');
    type(input('Security code'), '７\u200b٣\u200b9😀', 'insertFromPaste');
    expect(input('Card number').value).toBe('4242 4242 4242 4242');
    expect(input('Expiry date').value).toBe('12 / 34');
    expect(input('Security code').value).toBe('739');
    toController.postMessage({ type: 'collect-card', id: 1 });
    await vi.waitFor(() => expect(controller.of('card-collected')).toHaveLength(1));
    expect(controller.of('card-collected')[0].result).toEqual({ card: { number: NUMBER, expMonth: 12, expYear: 2034, cvc: '739' } });
    expect(merchant.of('change').at(-1).state).toMatchObject({ complete: true, brand: 'visa' });
  });

  it('A10 a 10 kB paste into the number holds the brand maximum and the card still collects', async () => {
    const { controller, toController, input } = await mount();
    type(input('Card number'), '4111 1111 1111 1111 003 '.padEnd(10_240, '9876 '), 'insertFromPaste');
    // Visa's maximum, 19 digits (card-validator's gaps put no space after the 16th).
    expect(input('Card number').value.replace(/ /g, '')).toBe('4111111111111111003');
    type(input('Expiry date'), '12/34');
    type(input('Security code'), '123');
    toController.postMessage({ type: 'collect-card', id: 1 });
    await vi.waitFor(() => expect(controller.of('card-collected')).toHaveLength(1));
    expect(controller.of('card-collected')[0].result.card).toMatchObject({ number: '4111111111111111003' });
  });

  it('A10 an IME composition is left alone while it runs and formatted once it ends', async () => {
    const { controller, toController, input } = await mount();
    const number = input('Card number');
    // A 19-digit Visa in Arabic-Indic digits, then 10 kB more.
    const composed = '٤١١١١١١١١١١١١١١١٠٠٣'.padEnd(10_240, '٩');
    number.value = composed;
    number.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertCompositionText', isComposing: true }));
    expect(number.value).toBe(composed);
    number.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: composed }));
    expect(number.value.replace(/ /g, '')).toBe('4111111111111111003');
    type(input('Expiry date'), '12/34');
    type(input('Security code'), '123');
    toController.postMessage({ type: 'collect-card', id: 1 });
    await vi.waitFor(() => expect(controller.of('card-collected')).toHaveLength(1));
    expect(controller.of('card-collected')[0].result.card).toMatchObject({ number: '4111111111111111003' });
  });

  it('shows the amount, goes busy on request, and announces a decline', async () => {
    const { toController, root } = await mount();
    toController.postMessage({ type: 'payment-summary', amount: 1250, currency: 'USD' });
    await vi.waitFor(() => expect(root.querySelector('button')?.textContent).toBe('Pay US$12.50'));
    toController.postMessage({ type: 'busy', busy: true });
    await vi.waitFor(() => expect(root.querySelector('button')?.getAttribute('aria-busy')).toBe('true'));
    expect(root.querySelector('button')?.disabled).toBe(true);
    toController.postMessage({ type: 'show-error', error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } });
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Your card was declined.'));
  });

  it('sends submit on Enter and the pay button, escape on Escape', async () => {
    const { merchant, input, root } = await mount();
    input('Card number').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    input('Card number').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    root.querySelector('button')!.click();
    await vi.waitFor(() => expect(merchant.of('submit')).toHaveLength(2));
    expect(merchant.of('escape')).toHaveLength(1);
  });

  it('ignores junk on both lines', async () => {
    const { merchant, controller, toMerchant, toController } = await mount();
    for (const junk of [null, 'configure', { type: 'configure', options: { locale: 'de' } }, { type: 'collect-card', id: -1 }, { type: 'show-error', error: { type: 'x' } }, { type: '__proto__' }]) {
      toMerchant.postMessage(junk);
      toController.postMessage(junk);
    }
    await settle();
    // Only what the mount's own configure said: nothing answers the junk.
    expect(controller.messages.map((m) => m.type)).toEqual(['element-settings']);
    expect(merchant.of('ready')).toHaveLength(1);
  });

  it('validate (elements.submit()): answers the first field error, shows it, and never sends the card', async () => {
    const { controller, toController, input, root } = await mount();
    type(input('Card number'), '4242 4242');
    toController.postMessage({ type: 'validate', id: 7 });
    await vi.waitFor(() => expect(controller.of('validated')).toHaveLength(1));
    expect(controller.of('validated')[0]).toMatchObject({ id: 7, result: { error: { type: 'validation_error', code: 'incomplete_number' } } });
    await vi.waitFor(() => expect(root.textContent).toContain('Your card number is incomplete.'));
    type(input('Card number'), '4242 4242 4242 4242');
    type(input('Expiry date'), '12 / 34');
    type(input('Security code'), '123');
    toController.postMessage({ type: 'validate', id: 8 });
    await vi.waitFor(() => expect(controller.of('validated')).toHaveLength(2));
    expect(controller.of('validated')[1]).toEqual({ type: 'validated', id: 8, result: { ok: true } });
    expect(JSON.stringify(controller.of('validated'))).not.toContain('4242');
  });

  it("a deferred form's button shows the configured amount, live, and tells the controller", async () => {
    const { root, controller, toMerchant, input } = await mount({ amount: 1250, currency: 'USD' });
    await vi.waitFor(() => expect(root.querySelector('button')?.textContent).toMatch(/US\$12\.50/));
    expect(controller.of('element-settings')[0]).toMatchObject({ amount: 1250, currency: 'USD' });
    type(input('Card number'), '4242 42');
    toMerchant.postMessage({ type: 'configure', options: { locale: 'en', showPayButton: true, amount: 2000, currency: 'LRD' } });
    await vi.waitFor(() => expect(root.querySelector('button')?.textContent).toMatch(/L\$20\.00/));
    expect(input('Card number').value).toBe('4242 42');
  });
});

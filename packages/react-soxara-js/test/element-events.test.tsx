/**
 * The element components' props and ref: each `on…` prop receives its event as the script emits it,
 * the latest handler is called without binding again, and the ref reaches the mounted element.
 */
import { act, render } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ElementEventMap } from '@soxara/soxara-js';
import { CardElement, Elements, PaymentElement, type ElementProps, type SoxaraElementHandle } from '../src/index.ts';
import { fakeSoxara, type FakeElement } from './fake-soxara.ts';

const SECRET = 'pi_1_secret_2';
const settle = () => act(async () => {});

const samples: { [E in keyof ElementEventMap]: ElementEventMap[E] } = {
  ready: { elementType: 'payment' },
  change: { elementType: 'payment', complete: true, empty: false, brand: 'visa', error: null, paymentMethod: 'card' },
  focus: { elementType: 'payment' },
  blur: { elementType: 'payment' },
  escape: { elementType: 'payment' },
  submit: { elementType: 'payment', preventDefault: () => {}, defaultPrevented: false },
  loaderror: { elementType: 'payment', error: { type: 'api_connection_error', code: 'frame_load_failed', message: 'The payment form could not be loaded.' } },
};

const propOf = { ready: 'onReady', change: 'onChange', focus: 'onFocus', blur: 'onBlur', escape: 'onEscape', submit: 'onSubmit', loaderror: 'onLoadError' } as const;

async function mountPayment(props: ElementProps) {
  const soxara = fakeSoxara();
  const view = render(
    <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
      <PaymentElement {...props} />
    </Elements>,
  );
  await settle();
  return { soxara, form: soxara.form(), view };
}

function emitAll(element: FakeElement) {
  for (const event of Object.keys(samples) as (keyof ElementEventMap)[]) act(() => element.emit(event, samples[event] as never));
}

describe('<PaymentElement> event props', () => {
  it('each prop receives its own event, with the payload the script gave', async () => {
    const handlers = Object.fromEntries(Object.values(propOf).map((prop) => [prop, vi.fn()]));
    const { form } = await mountPayment(handlers);
    emitAll(form);
    for (const [event, prop] of Object.entries(propOf)) {
      expect(handlers[prop], prop).toHaveBeenCalledTimes(1);
      expect(handlers[prop], prop).toHaveBeenCalledWith(samples[event as keyof ElementEventMap]);
    }
  });

  it('onSubmit gets the event itself, so preventDefault() stops the form confirming itself', async () => {
    const prevent = vi.fn();
    const { form } = await mountPayment({ onSubmit: (event) => event.preventDefault() });
    act(() => form.emit('submit', { elementType: 'payment', preventDefault: prevent, defaultPrevented: false }));
    expect(prevent).toHaveBeenCalledTimes(1);
  });

  it('a new handler on re-render is the one called, without binding listeners again', async () => {
    const soxara = fakeSoxara();
    const first = vi.fn();
    const second = vi.fn();
    const checkout = (onChange: ElementProps['onChange']) => (
      <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
        <PaymentElement onChange={onChange} />
      </Elements>
    );
    const { rerender } = render(checkout(first));
    await settle();
    const form = soxara.form();
    const on = vi.spyOn(form, 'on');
    rerender(checkout(second));
    act(() => form.emit('change', samples.change));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(on).not.toHaveBeenCalled();
  });

  it('a handler that is removed is no longer called', async () => {
    const soxara = fakeSoxara();
    const onBlur = vi.fn();
    const { rerender } = render(<Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}><PaymentElement onBlur={onBlur} /></Elements>);
    await settle();
    rerender(<Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}><PaymentElement /></Elements>);
    act(() => soxara.form().emit('blur', samples.blur));
    expect(onBlur).not.toHaveBeenCalled();
  });

  it('id and className go to the <div> the frame is mounted in', async () => {
    const { form } = await mountPayment({ id: 'payment-element', className: 'checkout__payment' });
    expect(form.container?.id).toBe('payment-element');
    expect(form.container?.className).toBe('checkout__payment');
  });
});

describe('the element ref', () => {
  it('focus(), blur() and clear() reach the mounted element', async () => {
    const soxara = fakeSoxara();
    const payment = createRef<SoxaraElementHandle>();
    const card = createRef<SoxaraElementHandle>();
    render(
      <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
        <PaymentElement ref={payment} />
        <CardElement ref={card} />
      </Elements>,
    );
    await settle();
    payment.current!.focus();
    payment.current!.clear();
    card.current!.blur();
    card.current!.clear();
    expect(soxara.form().calls).toEqual(['mount', 'focus', 'clear']);
    expect(soxara.form().cards[0]!.calls).toEqual(['mount', 'blur', 'clear']);
  });

  it('before Soxara.js has loaded: the handle does nothing and does not throw', () => {
    const payment = createRef<SoxaraElementHandle>();
    render(
      <Elements soxara={null} options={{ clientSecret: SECRET }}>
        <PaymentElement ref={payment} />
      </Elements>,
    );
    expect(() => {
      payment.current!.focus();
      payment.current!.clear();
    }).not.toThrow();
  });
});

describe('<CardElement>', () => {
  it('makes the card element of the form and mounts it; confirmPayment({ elements }) then confirms it', async () => {
    const soxara = fakeSoxara();
    render(
      <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
        <CardElement id="card" />
      </Elements>,
    );
    await settle();
    const form = soxara.form();
    expect(form.isMounted).toBe(false);
    expect(form.cards).toHaveLength(1);
    expect(form.cards[0]!.container?.id).toBe('card');
  });

  it('unmounted and mounted again (a tab switch): a new card element, the old one destroyed', async () => {
    const soxara = fakeSoxara();
    const page = (showCard: boolean) => (
      <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
        {showCard ? <CardElement /> : <p>MoMo</p>}
      </Elements>
    );
    const { rerender } = render(page(true));
    await settle();
    rerender(page(false));
    rerender(page(true));
    const cards = soxara.form().cards;
    expect(cards.map((card) => card.destroyed)).toEqual([true, false]);
    expect(cards[1]!.isMounted).toBe(true);
  });
});

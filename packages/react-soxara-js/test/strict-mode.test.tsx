/**
 * StrictMode mounts every component, unmounts it and mounts it again (in development), and renders
 * twice. What must be left is what one mount leaves: one form, one frame per element, one listener per
 * event, so that each event reaches the page's handler once.
 */
import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CardElement, Elements, PaymentElement } from '../src/index.ts';
import { deferred, fakeSoxara, framesOnPage } from './fake-soxara.ts';

const SECRET = 'pi_1_secret_2';
const EVENTS = ['ready', 'change', 'focus', 'blur', 'escape', 'submit', 'loaderror'];
const settle = () => act(async () => {});

describe('under <StrictMode>', () => {
  it('<PaymentElement>: one form, mounted once, one frame and one listener per event', async () => {
    const soxara = fakeSoxara();
    const onChange = vi.fn();
    render(
      <StrictMode>
        <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
          <PaymentElement onChange={onChange} />
        </Elements>
      </StrictMode>,
    );
    await settle();
    const form = soxara.form();
    expect(framesOnPage()).toHaveLength(1);
    expect(form.isMounted).toBe(true);
    expect([...form.listeners.keys()].sort()).toEqual([...EVENTS].sort());
    expect(form.listenerCount()).toBe(EVENTS.length);

    act(() => form.emit('change', { elementType: 'payment', complete: false, empty: false, brand: 'visa', error: null }));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('an element rendered once the form exists (a later checkout step): mounted, unmounted, mounted; one frame, one listener per event', async () => {
    const soxara = fakeSoxara();
    const onChange = vi.fn();
    const page = (step: 'cart' | 'pay') => (
      <StrictMode>
        <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
          {step === 'pay' ? <PaymentElement onChange={onChange} /> : <p>cart</p>}
        </Elements>
      </StrictMode>
    );
    const { rerender } = render(page('cart'));
    await settle();
    rerender(page('pay'));
    const form = soxara.form();
    expect(form.calls).toEqual(['mount', 'unmount', 'mount']);
    expect(framesOnPage()).toHaveLength(1);
    expect(form.listenerCount()).toBe(EVENTS.length);
    act(() => form.emit('change', { elementType: 'payment', complete: true, empty: false, brand: 'visa', error: null }));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('<CardElement> rendered once the form exists: the first card is destroyed, the live one alone has listeners', async () => {
    const soxara = fakeSoxara();
    const onFocus = vi.fn();
    const page = (step: 'cart' | 'pay') => (
      <StrictMode>
        <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
          {step === 'pay' ? <CardElement onFocus={onFocus} /> : <p>cart</p>}
        </Elements>
      </StrictMode>
    );
    const { rerender } = render(page('cart'));
    await settle();
    rerender(page('pay'));
    const cards = soxara.form().cards;
    const live = cards.at(-1)!;
    expect(cards).toHaveLength(2);
    expect(cards[0]).toMatchObject({ destroyed: true, isMounted: false });
    expect(cards[0]!.listenerCount()).toBe(0);
    expect(framesOnPage()).toHaveLength(1);
    act(() => live.emit('focus', { elementType: 'card' }));
    expect(onFocus).toHaveBeenCalledTimes(1);
  });

  it('<CardElement>: the card made by the first mount is destroyed, the live one is the only one with listeners', async () => {
    const soxara = fakeSoxara();
    const onFocus = vi.fn();
    render(
      <StrictMode>
        <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
          <CardElement onFocus={onFocus} />
        </Elements>
      </StrictMode>,
    );
    await settle();
    const cards = soxara.form().cards;
    const live = cards.at(-1)!;
    expect(framesOnPage()).toHaveLength(1);
    expect(cards.filter((card) => !card.destroyed)).toEqual([live]);
    expect(cards.filter((card) => card !== live).every((card) => card.listenerCount() === 0 && !card.isMounted)).toBe(true);
    act(() => live.emit('focus', { elementType: 'card' }));
    expect(onFocus).toHaveBeenCalledTimes(1);
  });

  it('with a promise: one form however often the effects run', async () => {
    const soxara = fakeSoxara();
    const loading = deferred<typeof soxara.instance>();
    render(
      <StrictMode>
        <Elements soxara={loading.promise} options={{ clientSecret: SECRET }}>
          <PaymentElement />
        </Elements>
      </StrictMode>,
    );
    await act(async () => loading.resolve(soxara.instance));
    expect(soxara.forms).toHaveLength(1);
    expect(framesOnPage()).toHaveLength(1);
  });

  it('unmounting the checkout leaves no frame and no listener behind', async () => {
    const soxara = fakeSoxara();
    const { unmount } = render(
      <StrictMode>
        <Elements soxara={soxara.instance} options={{ clientSecret: SECRET }}>
          <PaymentElement />
          <CardElement />
        </Elements>
      </StrictMode>,
    );
    await settle();
    expect(framesOnPage()).toHaveLength(2);
    unmount();
    const form = soxara.form();
    expect(framesOnPage()).toHaveLength(0);
    expect(form.listenerCount()).toBe(0);
    expect(form.cards.every((card) => card.destroyed && card.listenerCount() === 0)).toBe(true);
  });
});

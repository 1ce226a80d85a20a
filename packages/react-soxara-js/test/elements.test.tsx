/**
 * `<Elements>` and what it is given: an instance, a promise, null, a promise that rejects, junk. Whatever
 * the page passes, a customer never sees an exception: nothing of Soxara's is shown until there is
 * an instance, and a failed load is reported in the console.
 */
import { act, render, screen } from '@testing-library/react';
import { Component, useEffect, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Elements, PaymentElement, useElements, useSoxara } from '../src/index.ts';
import type { SoxaraProp } from '../src/index.ts';
import { deferred, fakeSoxara, framesOnPage } from './fake-soxara.ts';

const SECRET = 'pi_1_secret_2';
const settle = () => act(async () => {});

function Checkout({ soxara, children }: { soxara: SoxaraProp; children?: ReactNode }) {
  return (
    <Elements soxara={soxara} options={{ clientSecret: SECRET }}>
      <PaymentElement id="payment" />
      {children}
    </Elements>
  );
}

function ShowsInstance() {
  const soxara = useSoxara();
  const elements = useElements();
  return <p>{soxara && elements ? 'ready' : 'waiting'}</p>;
}

afterEach(() => vi.restoreAllMocks());

describe('<Elements soxara>', () => {
  it('with an instance: makes one form with the options and mounts it in the element\'s <div>', async () => {
    const soxara = fakeSoxara();
    render(<Checkout soxara={soxara.instance}><ShowsInstance /></Checkout>);
    await settle();
    expect(soxara.form().options).toEqual({ clientSecret: SECRET });
    expect(soxara.form().container).toBe(document.getElementById('payment'));
    expect(framesOnPage()).toHaveLength(1);
    expect(screen.getByText('ready')).toBeTruthy();
  });

  it('with a promise: nothing until it resolves, then the form', async () => {
    const soxara = fakeSoxara();
    const loading = deferred<typeof soxara.instance>();
    render(<Checkout soxara={loading.promise}><ShowsInstance /></Checkout>);
    await settle();
    expect(soxara.forms).toHaveLength(0);
    expect(screen.getByText('waiting')).toBeTruthy();
    await act(async () => loading.resolve(soxara.instance));
    expect(soxara.form().isMounted).toBe(true);
    expect(screen.getByText('ready')).toBeTruthy();
  });

  it('with null: renders its children and the placeholder only, then mounts once an instance is passed, without a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const soxara = fakeSoxara();
    const { rerender } = render(<Checkout soxara={null}><ShowsInstance /></Checkout>);
    await settle();
    expect(document.getElementById('payment')?.childElementCount).toBe(0);
    expect(screen.getByText('waiting')).toBeTruthy();
    rerender(<Checkout soxara={soxara.instance}><ShowsInstance /></Checkout>);
    await settle();
    expect(soxara.form().isMounted).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('with a promise that rejects: never throws, shows nothing of Soxara\'s, and reports the failure once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = new Error('Failed to load Soxara.js from https://js.soxara.com/v1');
    const loading = deferred<null>();
    render(<Checkout soxara={loading.promise}><ShowsInstance /></Checkout>);
    await act(async () => loading.reject(failure));
    expect(screen.getByText('waiting')).toBeTruthy();
    expect(document.getElementById('payment')?.childElementCount).toBe(0);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]).toContain(failure);
  });

  it('with a promise of null (loadSoxara on a server): waits, never throws', async () => {
    render(<Checkout soxara={Promise.resolve(null)}><ShowsInstance /></Checkout>);
    await settle();
    expect(screen.getByText('waiting')).toBeTruthy();
  });

  it('with a promise of something that is not an instance: treated as a failed load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<Checkout soxara={Promise.resolve({ elements: 'no' }) as unknown as SoxaraProp}><ShowsInstance /></Checkout>);
    await settle();
    expect(screen.getByText('waiting')).toBeTruthy();
    expect(String(error.mock.calls[0]?.[1])).toMatch(/not a Soxara instance|something else than a Soxara instance/);
  });

  it('with a value that is neither: throws a clear error from render (a mistake in the page\'s code)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Checkout soxara={'sxm_test_123' as unknown as SoxaraProp} />)).toThrow(/Invalid prop `soxara` supplied to <Elements>/);
  });

  it('unmounted before the promise resolves: makes no form', async () => {
    const soxara = fakeSoxara();
    const loading = deferred<typeof soxara.instance>();
    const { unmount } = render(<Checkout soxara={loading.promise} />);
    unmount();
    await act(async () => loading.resolve(soxara.instance));
    expect(soxara.forms).toHaveLength(0);
  });

  it('a changed soxara prop after the form exists: warns once in development and keeps the form', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = fakeSoxara();
    const second = fakeSoxara();
    const { rerender } = render(<Checkout soxara={first.instance} />);
    await settle();
    rerender(<Checkout soxara={second.instance} />);
    rerender(<Checkout soxara={fakeSoxara().instance} />);
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/the `soxara` prop cannot change/);
    expect(first.form().isMounted).toBe(true);
    expect(second.forms).toHaveLength(0);
  });

  it('elements() refusing the options (IntegrationError) reaches the error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const refusal = Object.assign(new Error('Invalid appearance.variables.colorPrimary'), { name: 'IntegrationError' });
    const soxara = fakeSoxara({ refuse: refusal });
    let caught: unknown = null;
    class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
      override state = { failed: false };
      static getDerivedStateFromError() {
        return { failed: true };
      }
      override componentDidCatch(error: unknown) {
        caught = error;
      }
      override render() {
        return this.state.failed ? <p>checkout unavailable</p> : this.props.children;
      }
    }
    render(<Boundary><Checkout soxara={soxara.instance} /></Boundary>);
    await settle();
    expect(caught).toBe(refusal);
    expect(screen.getByText('checkout unavailable')).toBeTruthy();
  });
});

describe('useSoxara() and useElements()', () => {
  it('outside <Elements>: throw an error that says where they belong', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Lost() {
      useSoxara();
      return null;
    }
    expect(() => render(<Lost />)).toThrow('Could not find the Elements context: wrap the part of your app that calls useSoxara() in an <Elements> provider.');
    expect(() => render(<PaymentElement />)).toThrow(/mounts <PaymentElement> in an <Elements> provider/);
  });

  it('give the instance and the form that confirmPayment() takes', async () => {
    const soxara = fakeSoxara();
    const seen: unknown[] = [];
    function Pay() {
      const instance = useSoxara();
      const elements = useElements();
      useEffect(() => {
        if (instance && elements) seen.push([instance, elements]);
      }, [instance, elements]);
      return null;
    }
    render(<Checkout soxara={soxara.instance}><Pay /></Checkout>);
    await settle();
    expect(seen).toEqual([[soxara.instance, soxara.form()]]);
  });
});

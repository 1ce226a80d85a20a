/**
 * The page the server rendered, hydrated in the browser: the placeholders match (React reports no
 * mismatch), then the form is mounted into the server's own `<div>`.
 */
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { Elements, PaymentElement, type SoxaraProp } from '../src/index.ts';
import { fakeSoxara, framesOnPage } from './fake-soxara.ts';

const Checkout = ({ soxara }: { soxara: SoxaraProp }) => (
  <Elements soxara={soxara} options={{ clientSecret: 'pi_1_secret_2' }}>
    <PaymentElement id="payment" />
  </Elements>
);

describe('hydrating the server-rendered checkout', () => {
  it('matches the server markup and mounts into the server\'s <div>', async () => {
    const soxara = fakeSoxara();
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Checkout soxara={null} />);
    document.body.append(container);
    const serverDiv = container.querySelector('#payment');
    const recoverable = vi.fn();

    const root = hydrateRoot(container, <Checkout soxara={Promise.resolve(soxara.instance)} />, { onRecoverableError: recoverable });
    await act(async () => {});

    expect(recoverable).not.toHaveBeenCalled();
    expect(soxara.form().container).toBe(serverDiv);
    expect(framesOnPage()).toHaveLength(1);
    act(() => root.unmount());
    container.remove();
  });
});

// @vitest-environment node
/**
 * On the server (`renderToString`, no `window`, no `document`): the element components render their
 * placeholder `<div>` and nothing reaches Soxara, whatever `<Elements>` was given. In this environment
 * any touch of `window` would throw a ReferenceError and fail the render.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CardElement, Elements, PaymentElement, type SoxaraProp } from '../src/index.ts';
import { fakeSoxara } from './fake-soxara.ts';

const SECRET = 'pi_1_secret_2';

function page(soxara: SoxaraProp): string {
  return renderToString(
    <Elements soxara={soxara} options={{ clientSecret: SECRET }}>
      <h1>Checkout</h1>
      <PaymentElement id="payment" className="payment" />
      <CardElement id="card" />
    </Elements>,
  );
}

describe('renderToString', () => {
  it('runs where there is no window', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('with null: the placeholders', () => {
    expect(page(null)).toBe('<h1>Checkout</h1><div id="payment" class="payment"></div><div id="card"></div>');
  });

  it('with a pending promise, as loadSoxara() gives on a server: the same placeholders', () => {
    expect(page(new Promise<null>(() => {}))).toBe(page(null));
  });

  it('with an instance: the same placeholders, and no form is made', () => {
    const soxara = fakeSoxara();
    expect(page(soxara.instance)).toBe(page(null));
    expect(soxara.forms).toHaveLength(0);
  });
});

/**
 * A React checkout for the browser suite (e2e/react-strict-mode.spec.ts): the bindings and React's
 * development build (where StrictMode mounts, unmounts and mounts again) in one script, exposed as
 * `window.ReactCheckout`, loading the real Soxara.js from the JS origin through `loadSoxara`.
 *
 * The form is shown at a second step, once `<Elements>` has made it: StrictMode's double mount then
 * happens to a form that exists, which is what must leave one frame behind.
 */
import { StrictMode, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { loadSoxara } from '@soxara/soxara-js/pure';
import { Elements, PaymentElement, useElements, useSoxara } from '../src/index.ts';
import type { BrowserCheckout, CheckoutRecord } from './browser-bundle.ts';

function Steps({ record }: { record: CheckoutRecord }) {
  const soxara = useSoxara();
  const elements = useElements();
  const [step, setStep] = useState<'cart' | 'pay'>('cart');
  const pay = async () => {
    if (!soxara || !elements) return;
    const result = await soxara.confirmPayment({ elements, redirect: 'if_required' });
    record.result = result.error ? `error ${result.error.code}` : `paymentIntent ${result.paymentIntent.status}`;
  };
  if (step === 'cart') {
    return (
      <button disabled={!elements} onClick={() => setStep('pay')}>
        Continue to payment
      </button>
    );
  }
  return (
    <>
      <PaymentElement onChange={() => (record.changes += 1)} onReady={() => (record.readies += 1)} />
      <button onClick={pay}>Pay from the page</button>
    </>
  );
}

let root: Root | null = null;

const checkout: BrowserCheckout = {
  mount({ jsUrl, publishableKey, clientSecret }) {
    loadSoxara.setLoadParameters({ scriptUrl: `${jsUrl}/v1` });
    const record: CheckoutRecord = { changes: 0, readies: 0, result: null };
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    root.render(
      <StrictMode>
        <Elements soxara={loadSoxara(publishableKey)} options={{ clientSecret }}>
          <Steps record={record} />
        </Elements>
      </StrictMode>,
    );
    return record;
  },
  unmount() {
    root?.unmount();
    root = null;
  },
};

export const { mount, unmount } = checkout;

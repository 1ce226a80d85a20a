/**
 * The form and its pay button (drawn by Soxara, inside the frame). A press of Pay is a `submit`:
 * prevented here, and confirmed with `redirect: 'if_required'` so that 3-D Secure, the MoMo prompt
 * and the wallet approval are shown over this page and the app keeps its state. The result is the
 * browser's word only: the order page waits for the webhook.
 */
import { useState } from 'react';
import { PaymentElement, useElements, useSoxara } from '@soxara/react-soxara-js';
import type { ElementSubmitEvent } from '@soxara/soxara-js';
import { navigate } from './route.ts';

export function PaymentForm({ orderId }: { orderId: number }) {
  const soxara = useSoxara();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pay = async (event: ElementSubmitEvent) => {
    event.preventDefault();
    if (!soxara || !elements) return;
    setError(null);
    const result = await soxara.confirmPayment({ elements, redirect: 'if_required' });
    if (result.error) {
      setError(result.error.message);
      return;
    }
    navigate(`/orders/${orderId}`);
  };

  return (
    <section aria-label="Payment" aria-busy={!ready}>
      {!ready && <p className="muted">Loading the secure payment form…</p>}
      <PaymentElement
        id="payment-element"
        onReady={() => setReady(true)}
        onSubmit={pay}
        onLoadError={(event) => setError(event.error.message)}
      />
      <p className="error" role="alert" data-testid="payment-error">{error}</p>
    </section>
  );
}

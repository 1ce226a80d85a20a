/**
 * Step 2: the order's payment, made by the server, paid through `<PaymentElement>` (card with 3-D
 * Secure, MoMo or the Soxara wallet). `<Elements>` is keyed by the client secret: another payment is
 * another form. The language switch changes `options.locale`, which the form takes live.
 */
import { useEffect, useState } from 'react';
import { Elements } from '@soxara/react-soxara-js';
import type { SoxaraLocale } from '@soxara/soxara-js';
import { formatMoney, shopApi, type CheckoutView } from './api.ts';
import { PaymentForm } from './PaymentForm.tsx';
import { soxaraPromise } from './soxara.ts';

const appearance = { theme: 'stripe', variables: { colorPrimary: '#5a3a1b', borderRadius: '6px' } } as const;

export function Checkout({ orderId }: { orderId: string }) {
  const [view, setView] = useState<CheckoutView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locale, setLocale] = useState<SoxaraLocale>('en');

  useEffect(() => {
    let current = true;
    shopApi.checkout(orderId).then(
      (checkout) => current && setView(checkout),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [orderId]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!view) return <p>Loading your order…</p>;
  const { order, clientSecret } = view;
  return (
    <>
      <h1>Pay for order #{order.id}</h1>
      <p className="summary">
        {order.quantity} × {order.product}: <strong data-testid="order-total">{formatMoney(order.amount, order.currency)}</strong>
      </p>
      <label className="language">
        Language{' '}
        <select value={locale} onChange={(event) => setLocale(event.target.value as SoxaraLocale)}>
          <option value="en">English</option>
          <option value="fr">Français</option>
        </select>
      </label>
      <Elements
        key={clientSecret}
        soxara={soxaraPromise}
        options={{ clientSecret, appearance, locale, paymentMethods: ['card', 'momo', 'soxara_wallet'] }}
      >
        <PaymentForm orderId={order.id} />
      </Elements>
    </>
  );
}

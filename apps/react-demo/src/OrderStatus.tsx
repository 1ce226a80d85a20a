/**
 * Step 3: the order as the shop's database has it, which only the webhook marks paid. Read again
 * every second for a minute at most, until the order is paid, refunded or canceled.
 */
import { useEffect, useState } from 'react';
import { shopApi, type OrderStatusView } from './api.ts';

const READ_EVERY_MS = 1000;
const MAX_READS = 60;

export function OrderStatus({ orderId }: { orderId: string }) {
  const [order, setOrder] = useState<OrderStatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reads = 0;
    let current = true;
    const read = () => {
      reads += 1;
      shopApi.order(orderId).then(
        (latest) => {
          if (!current) return;
          setOrder(latest);
          if (latest.status === 'awaiting_payment' || latest.status === 'pending') {
            if (reads < MAX_READS) timer = setTimeout(read, READ_EVERY_MS);
            else setGaveUp(true);
          }
        },
        (failure: Error) => current && setError(failure.message),
      );
    };
    read();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [orderId]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!order) return <p>Loading your order…</p>;
  switch (order.status) {
    case 'paid':
    case 'partially_refunded':
    case 'refunded':
      return <h1>Thank you: payment received for order #{order.id}</h1>;
    case 'canceled':
      return <h1>Order #{order.id} was canceled</h1>;
    default:
      return (
        <>
          <h1>Processing: we'll confirm order #{order.id} as soon as Soxara does</h1>
          {order.last_error_message && <p className="error" role="alert">{order.last_error_message}</p>}
          {gaveUp && <p>This is taking longer than usual. Reload this page in a moment.</p>}
        </>
      );
  }
}

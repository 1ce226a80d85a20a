/**
 * The one reader of `GET /v1/events` for the browser suites: what the merchant's server would see of a
 * payment, read with the stack's secret key, page by page (newest first, 100 a page). A payment's first
 * event is `payment.created`, so paging stops there instead of reading the whole account.
 */
import { stack } from './stack.ts';

export interface PaymentEvent {
  id: string;
  type: string;
  data: { object: { id: string; status?: string } };
}

const MAX_PAGES = 30;

/** The events of one payment, newest first; `type` keeps only those of that type (`payment.succeeded`). */
export async function eventsOf(paymentId: string, type?: string): Promise<PaymentEvent[]> {
  const mine: PaymentEvent[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: '100', type: 'payment.*', ...(after && { starting_after: after }) });
    const response = await fetch(`${stack.apiUrl}/v1/events?${query}`, { headers: { Authorization: `Bearer ${stack.secretKey}` } });
    if (!response.ok) throw new Error(`GET /v1/events: HTTP ${response.status}`);
    const body = (await response.json()) as { data: PaymentEvent[]; has_more: boolean };
    mine.push(...body.data.filter((event) => event.data.object.id === paymentId));
    if (!body.has_more || body.data.length === 0 || mine.some((event) => event.type === 'payment.created')) break;
    after = body.data[body.data.length - 1]!.id;
  }
  return type ? mine.filter((event) => event.type === type) : mine;
}

/** How many times the payment was charged, as its events say. */
export async function succeededEvents(paymentId: string): Promise<number> {
  return (await eventsOf(paymentId, 'payment.succeeded')).length;
}

/** The poller's `retrieve`, made from the frames' API client (long-poll form of GET /v1/payments/:id). */
import type { ApiClient } from '../api.ts';
import type { Retrieve } from './wait-for-outcome.ts';

export function retrieveFromApi(api: ApiClient, clientSecret: string): Retrieve {
  return async ({ waitSeconds, ifStatus, signal }) => {
    const result = await api.retrievePayment(clientSecret, { waitSeconds, ifStatus, signal });
    return result.ok ? { ok: true, payment: result.data } : { ok: false, error: result.error };
  };
}

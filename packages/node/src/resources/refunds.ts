/** `soxara.refunds`: refund all or part of a payment. */
import type { Refund } from '@soxara/protocol/rest';
import type { ApiClient, RequestOptions } from '../client.ts';

export interface RefundCreateParams {
  /** The payment (`pi_…`) to refund. */
  payment: string;
  /** Minor units; defaults to everything not yet refunded. */
  amount?: number;
  reason?: string;
  metadata?: Record<string, string>;
}

export class RefundsResource {
  constructor(private readonly client: ApiClient) {}

  create(params: RefundCreateParams, options?: RequestOptions): Promise<Refund> {
    return this.client.request({ method: 'POST', path: '/v1/refunds', body: params, options });
  }

  retrieve(id: string): Promise<Refund> {
    return this.client.request({ method: 'GET', path: `/v1/refunds/${encodeURIComponent(id)}` });
  }
}

/** `soxara.refunds`: refund all or part of a payment; list them. */
import type { Refund } from '@soxara/protocol/rest';
import type { ApiClient, RequestOptions } from '../client.ts';
import { listPromise, type ListPromise, type PageParams } from '../pagination.ts';
import type { CreatedRange } from './payments.ts';

export interface RefundListParams extends PageParams {
  /** 1–100, default 10. */
  limit?: number;
  /** Only this payment's refunds. */
  payment?: string;
  created?: CreatedRange;
}

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

  /** Newest first; `await` it for one page, or `for await` over it for every refund. */
  list(params: RefundListParams = {}): ListPromise<Refund> {
    return listPromise(params, (page) => this.client.request({ method: 'GET', path: '/v1/refunds', query: { ...page } }));
  }

  retrieve(id: string): Promise<Refund> {
    return this.client.request({ method: 'GET', path: `/v1/refunds/${encodeURIComponent(id)}` });
  }
}

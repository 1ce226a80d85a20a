/** `soxara.payments`: create, list, retrieve (with long polling), update, confirm and cancel payments. */
import type { Currency, MomoProvider, Payment, PaymentStatus } from '@soxara/protocol/rest';
import type { ApiClient, RequestOptions } from '../client.ts';
import { listPromise, type ListPromise, type PageParams } from '../pagination.ts';

/** A time bound: Unix seconds, or an ISO 8601 time. */
export type TimeBound = number | string;

export type CreatedRange = {
  gte?: TimeBound;
  gt?: TimeBound;
  lte?: TimeBound;
  lt?: TimeBound;
};

export interface PaymentCreateParams {
  /** Integer, in minor units (cents), > 0. */
  amount: number;
  currency: Currency;
  description?: string;
  metadata?: Record<string, string>;
}

export type PaymentMethodInput =
  | { type: 'card'; card: { number: string; exp_month: number; exp_year: number; cvc: string } }
  | { type: 'momo'; momo: { provider: MomoProvider; phone_number: string } }
  | { type: 'soxara_wallet' };

export interface PaymentConfirmParams {
  payment_method: PaymentMethodInput;
  return_url?: string;
}

export interface PaymentUpdateParams {
  /** Only while no payment method is confirmed (`requires_payment_method`). */
  amount?: number;
  description?: string | null;
  /** Merged into the payment's: a key set to `""` is removed; `null` removes them all. */
  metadata?: Record<string, string> | null;
}

export interface PaymentListParams extends PageParams {
  /** 1–100, default 10. */
  limit?: number;
  status?: PaymentStatus;
  created?: CreatedRange;
}

export interface PaymentRetrieveParams {
  /** Long poll: answer as soon as the status differs from `if_status`, or after `wait` seconds (≤ 30). */
  wait?: number;
  if_status?: PaymentStatus;
}

export class PaymentsResource {
  constructor(private readonly client: ApiClient) {}

  create(params: PaymentCreateParams, options?: RequestOptions): Promise<Payment> {
    return this.client.request({ method: 'POST', path: '/v1/payments', body: params, options });
  }

  /** Newest first; `await` it for one page, or `for await` over it for every payment. */
  list(params: PaymentListParams = {}): ListPromise<Payment> {
    return listPromise(params, (page) => this.client.request({ method: 'GET', path: '/v1/payments', query: { ...page } }));
  }

  update(id: string, params: PaymentUpdateParams, options?: RequestOptions): Promise<Payment> {
    return this.client.request({ method: 'POST', path: `/v1/payments/${encodeURIComponent(id)}`, body: params, options });
  }

  retrieve(id: string, params?: PaymentRetrieveParams): Promise<Payment> {
    return this.client.request({ method: 'GET', path: `/v1/payments/${encodeURIComponent(id)}`, query: { ...params } });
  }

  confirm(id: string, params: PaymentConfirmParams, options?: RequestOptions): Promise<Payment> {
    return this.client.request({ method: 'POST', path: `/v1/payments/${encodeURIComponent(id)}/confirm`, body: params, options });
  }

  cancel(id: string, options?: RequestOptions): Promise<Payment> {
    return this.client.request({ method: 'POST', path: `/v1/payments/${encodeURIComponent(id)}/cancel`, body: {}, options });
  }
}

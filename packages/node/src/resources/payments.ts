/** `soxara.payments`: create, retrieve (with long polling), confirm and cancel payments. */
import type { Currency, MomoProvider, Payment, PaymentStatus } from '@soxara/protocol/rest';
import type { ApiClient, RequestOptions } from '../client.ts';

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

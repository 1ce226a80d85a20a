/**
 * `@soxara/node`: the server SDK. `new Soxara(secretKey, {baseUrl})` gives typed resources;
 * `webhooks.constructEvent` verifies deliveries.
 */
import { ApiClient, type SoxaraConfig } from './client.ts';
import { EventsResource } from './resources/events.ts';
import { PaymentsResource } from './resources/payments.ts';
import { RefundsResource } from './resources/refunds.ts';
import { TestHelpersResource } from './resources/test-helpers.ts';
import { WebhookEndpointsResource } from './resources/webhook-endpoints.ts';
import { webhooks } from './webhooks.ts';

export class Soxara {
  static readonly webhooks = webhooks;

  readonly payments: PaymentsResource;
  readonly refunds: RefundsResource;
  readonly events: EventsResource;
  readonly webhookEndpoints: WebhookEndpointsResource;
  readonly testHelpers: TestHelpersResource;
  readonly webhooks = webhooks;

  /** `config.baseUrl` defaults to the `SOXARA_API_URL` environment variable. */
  constructor(secretKey: string, config?: SoxaraConfig) {
    const client = new ApiClient(secretKey, config);
    this.payments = new PaymentsResource(client);
    this.refunds = new RefundsResource(client);
    this.events = new EventsResource(client);
    this.webhookEndpoints = new WebhookEndpointsResource(client);
    this.testHelpers = new TestHelpersResource(client);
  }
}

export default Soxara;
export type { SoxaraConfig, RequestOptions, ListResult } from './client.ts';
export * from './errors.ts';
export * from './webhooks.ts';
export type { ListPromise, AutoPagingToArrayOptions } from './pagination.ts';
export type {
  PaymentCreateParams,
  PaymentUpdateParams,
  PaymentListParams,
  PaymentConfirmParams,
  PaymentRetrieveParams,
  PaymentMethodInput,
  CreatedRange,
  TimeBound,
} from './resources/payments.ts';
export type { RefundCreateParams, RefundListParams } from './resources/refunds.ts';
export type { EventListParams } from './resources/events.ts';
export type { WebhookEndpointCreateParams, WebhookEndpointUpdateParams, DeletedWebhookEndpoint } from './resources/webhook-endpoints.ts';
// The API's objects, so that merchants type their code with this package alone.
export type {
  Payment,
  PaymentStatus,
  PaymentError,
  PaymentMethodDetails,
  PaymentMethodType,
  NextAction,
  Refund,
  RefundStatus,
  Currency,
  MomoProvider,
  WebhookEndpoint,
  Account,
  SoxaraEvent,
  EventType,
  EventOf,
  EventObject,
  WebhookDelivery,
} from '@soxara/protocol/rest';

/** `soxara.webhookEndpoints`: where the account's events are delivered. */
import type { EventType, WebhookDelivery, WebhookEndpoint } from '@soxara/protocol/rest';
import type { ApiClient, ListResult, RequestOptions } from '../client.ts';

export interface WebhookEndpointCreateParams {
  /** http(s) URL that receives the events. */
  url: string;
  /** Default `['*']`: every event. */
  enabled_events?: Array<EventType | '*'>;
}

export interface WebhookEndpointUpdateParams {
  url?: string;
  enabled_events?: Array<EventType | '*'>;
  /** A disabled endpoint receives nothing, and its pending retries stop. */
  disabled?: boolean;
}

export interface DeletedWebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  deleted: true;
}

export class WebhookEndpointsResource {
  constructor(private readonly client: ApiClient) {}

  /** The answer holds `secret` (`whsec_…`), which is never shown again. */
  create(params: WebhookEndpointCreateParams, options?: RequestOptions): Promise<WebhookEndpoint & { secret: string }> {
    return this.client.request({ method: 'POST', path: '/v1/webhook_endpoints', body: params, options });
  }

  retrieve(id: string): Promise<WebhookEndpoint> {
    return this.client.request({ method: 'GET', path: `/v1/webhook_endpoints/${encodeURIComponent(id)}` });
  }

  update(id: string, params: WebhookEndpointUpdateParams, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.client.request({ method: 'POST', path: `/v1/webhook_endpoints/${encodeURIComponent(id)}`, body: params, options });
  }

  list(): Promise<ListResult<WebhookEndpoint>> {
    return this.client.request({ method: 'GET', path: '/v1/webhook_endpoints' });
  }

  del(id: string): Promise<DeletedWebhookEndpoint> {
    return this.client.request({ method: 'DELETE', path: `/v1/webhook_endpoints/${encodeURIComponent(id)}` });
  }

  /** The endpoint's delivery attempts, newest first: status, attempts, last response code, next attempt. */
  listDeliveries(id: string, params?: { limit?: number }): Promise<ListResult<WebhookDelivery>> {
    return this.client.request({ method: 'GET', path: `/v1/webhook_endpoints/${encodeURIComponent(id)}/deliveries`, query: { ...params } });
  }
}

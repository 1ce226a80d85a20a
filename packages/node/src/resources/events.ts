/** `soxara.events`: the account's events, newest first. */
import type { EventType, SoxaraEvent } from '@soxara/protocol/rest';
import type { ApiClient, ListResult } from '../client.ts';

export interface EventListParams {
  /** 1–100, default 10. */
  limit?: number;
  /** An event id: list the events older than it (the next page). */
  starting_after?: string;
  type?: EventType;
}

export class EventsResource {
  constructor(private readonly client: ApiClient) {}

  list(params?: EventListParams): Promise<ListResult<SoxaraEvent>> {
    return this.client.request({ method: 'GET', path: '/v1/events', query: { ...params } });
  }

  retrieve(id: string): Promise<SoxaraEvent> {
    return this.client.request({ method: 'GET', path: `/v1/events/${encodeURIComponent(id)}` });
  }
}

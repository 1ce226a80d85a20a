/** `soxara.events`: the account's events, newest first. */
import type { EventType, SoxaraEvent } from '@soxara/protocol/rest';
import type { ApiClient } from '../client.ts';
import { listPromise, type ListPromise } from '../pagination.ts';

export interface EventListParams {
  /** 1–100, default 10. */
  limit?: number;
  /** An event id: list the events older than it (the next page). */
  starting_after?: string;
  type?: EventType;
}

export class EventsResource {
  constructor(private readonly client: ApiClient) {}

  /** Newest first; `await` it for one page, or `for await` over it for every event. */
  list(params: EventListParams = {}): ListPromise<SoxaraEvent> {
    return listPromise(params, (page) => this.client.request({ method: 'GET', path: '/v1/events', query: { ...page } }));
  }

  retrieve(id: string): Promise<SoxaraEvent> {
    return this.client.request({ method: 'GET', path: `/v1/events/${encodeURIComponent(id)}` });
  }
}

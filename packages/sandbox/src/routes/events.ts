/**
 * `GET /v1/events` (newest first, `limit`, `starting_after`, `type`), `GET /v1/events/:id`, and
 * `POST /v1/events/:id/resend`: the same event (same id, so a receiver that dedupes on it may take it as
 * a repeat) delivered again, to every enabled endpoint that subscribes to its type or to the one named.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { EVENT_TYPES, type EventType } from '@soxara/protocol';
import { requireSecretKey } from '../http/auth.ts';
import type { AppEnv, Deps } from '../http/env.ts';
import { invalidRequest, notFound } from '../http/errors.ts';
import { list, ok } from '../http/respond.ts';
import { parseBody, parseQuery } from '../http/body.ts';
import { DEFAULT_LIST_LIMIT, limitSchema } from '../http/schemas.ts';
import { findEvent, listEvents, parseStoredEvent } from '../events/store.ts';
import { findDelivery, toApiDelivery } from '../webhooks/deliveries.ts';
import { endpointsFor, findEndpoint } from '../webhooks/endpoints.ts';

/** Every prefix of an event type, as a family filter the way Stripe allows: `payment.*`, `charge.*`, `charge.dispute.*`. */
const EVENT_FAMILIES = [...new Set(EVENT_TYPES.flatMap((type) => {
  const parts = type.split('.');
  return parts.slice(1).map((_, i) => `${parts.slice(0, i + 1).join('.')}.*`);
}))];

export const listEventsQuery = v.object({
  limit: limitSchema,
  starting_after: v.optional(v.pipe(v.string(), v.description('An event id (`evt_…`): the page starts after it.'))),
  type: v.optional(
    v.pipe(
      v.picklist([...EVENT_TYPES, ...EVENT_FAMILIES], 'must be an event type of the event reference, or a family such as payment.*'),
      v.description('One event type, or a family of them (`payment.*`).'),
    ),
  ),
});

export const resendEventBody = v.strictObject({
  endpoint: v.optional(
    v.pipe(
      v.string(),
      v.description('One endpoint (`we_…`) to send it to, enabled; without it, every enabled endpoint that subscribes to the event’s type.'),
    ),
  ),
});

function typesOf(filter: string | undefined): readonly EventType[] | undefined {
  if (filter === undefined) return undefined;
  const prefix = filter.endsWith('.*') ? filter.slice(0, -1) : null;
  return EVENT_TYPES.filter((type) => (prefix === null ? type === filter : type.startsWith(prefix)));
}

export function eventRoutes(deps: Deps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const auth = requireSecretKey(deps);

  routes.get('/events', auth, (c) => {
    const account = c.var.account;
    const query = parseQuery(listEventsQuery, c);
    const startingAfter = query.starting_after;
    if (startingAfter !== undefined && !findEvent(deps.db, account.id, startingAfter)) {
      throw notFound(`event: ${startingAfter}`, 'starting_after');
    }
    const { events, hasMore } = listEvents(deps.db, account.id, {
      limit: query.limit ?? DEFAULT_LIST_LIMIT,
      startingAfter,
      types: typesOf(query.type),
    });
    return list(c, events.map(parseStoredEvent), hasMore);
  });

  routes.post('/events/:id/resend', auth, async (c) => {
    const account = c.var.account;
    const id = c.req.param('id');
    const body = await parseBody(c, resendEventBody);
    const event = findEvent(deps.db, account.id, id);
    if (!event) throw notFound(`event: ${id}`, 'id');
    let endpointIds: string[];
    if (body.endpoint === undefined) {
      endpointIds = endpointsFor(deps.db, account.id, event.type).map((endpoint) => endpoint.id);
    } else {
      const endpoint = findEndpoint(deps.db, account.id, body.endpoint);
      if (!endpoint) throw notFound(`webhook endpoint: ${body.endpoint}`, 'endpoint');
      if (endpoint.status !== 'enabled') {
        throw invalidRequest('endpoint_disabled', `The webhook endpoint ${endpoint.id} is disabled: enable it first ("disabled": false).`, 'endpoint');
      }
      endpointIds = [endpoint.id];
    }
    const deliveries = deps.events
      .resend(account.id, event.id, endpointIds)
      .map((deliveryId) => toApiDelivery(findDelivery(deps.db, deliveryId)!, event.type));
    return list(c, deliveries, false);
  });

  routes.get('/events/:id', auth, (c) => {
    const id = c.req.param('id');
    const event = findEvent(deps.db, c.var.account.id, id);
    if (!event) throw notFound(`event: ${id}`, 'id');
    return ok(c, parseStoredEvent(event));
  });

  return routes;
}

/** `GET /v1/events` (newest first, `limit`, `starting_after`, `type`) and `GET /v1/events/:id`. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { EVENT_TYPES, type EventType } from '@soxara/protocol';
import { requireSecretKey } from '../http/auth.ts';
import type { AppEnv, Deps } from '../http/env.ts';
import { notFound } from '../http/errors.ts';
import { list, ok } from '../http/respond.ts';
import { parseQuery } from '../http/body.ts';
import { DEFAULT_LIST_LIMIT, limitSchema } from '../http/schemas.ts';
import { findEvent, listEvents, parseStoredEvent } from '../events/store.ts';

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

  routes.get('/events/:id', auth, (c) => {
    const id = c.req.param('id');
    const event = findEvent(deps.db, c.var.account.id, id);
    if (!event) throw notFound(`event: ${id}`, 'id');
    return ok(c, parseStoredEvent(event));
  });

  return routes;
}

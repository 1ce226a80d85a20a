/** `GET /v1/events` (newest first, `limit`, `starting_after`, `type`) and `GET /v1/events/:id`. */
import { Hono } from 'hono';
import { EVENT_TYPES, isEventType, type EventType } from '@soxara/protocol';
import { requireSecretKey } from '../http/auth.ts';
import type { AppEnv, Deps } from '../http/env.ts';
import { invalidRequest, notFound } from '../http/errors.ts';
import { list, ok } from '../http/respond.ts';
import { findEvent, listEvents, parseStoredEvent } from '../events/store.ts';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    throw invalidRequest('parameter_invalid', `Invalid limit: must be an integer from 1 to ${MAX_LIMIT}`, 'limit');
  }
  return limit;
}

/** An exact type, or a family as Stripe allows (`payment.*`). */
function parseTypeFilter(raw: string | undefined): readonly EventType[] | undefined {
  if (raw === undefined) return undefined;
  if (isEventType(raw)) return [raw];
  if (raw.endsWith('.*')) {
    const prefix = raw.slice(0, -1);
    const family = EVENT_TYPES.filter((type) => type.startsWith(prefix));
    if (family.length > 0) return family;
  }
  throw invalidRequest('parameter_invalid', `Invalid type: ${raw} is not an event type of the event reference`, 'type');
}

export function eventRoutes(deps: Deps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const auth = requireSecretKey(deps);

  routes.get('/events', auth, (c) => {
    const account = c.var.account;
    const startingAfter = c.req.query('starting_after');
    if (startingAfter !== undefined && !findEvent(deps.db, account.id, startingAfter)) {
      throw notFound(`event: ${startingAfter}`, 'starting_after');
    }
    const { events, hasMore } = listEvents(deps.db, account.id, {
      limit: parseLimit(c.req.query('limit')),
      startingAfter,
      types: parseTypeFilter(c.req.query('type')),
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

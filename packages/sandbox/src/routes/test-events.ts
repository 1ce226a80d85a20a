/** `POST /v1/test_helpers/events {type}`: emits and delivers a sample event of any of the 27 types. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { EVENT_TYPES } from '@soxara/protocol';
import { requireSecretKey } from '../http/auth.ts';
import { parseBody } from '../http/body.ts';
import type { AppEnv, Deps } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { ok } from '../http/respond.ts';
import { findEvent, parseStoredEvent } from '../events/store.ts';
import { sampleObject } from '../events/samples.ts';

export const testEventBody = v.strictObject({
  type: v.picklist(EVENT_TYPES, 'must be one of the 27 event types of the event reference'),
});

export function testEventRoutes(deps: Deps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/test_helpers/events', requireSecretKey(deps), async (c) => {
    const { type } = await parseBody(c, testEventBody);
    const accountId = c.var.account.id;
    const event = deps.db.transaction(() => {
      const { id } = deps.events.emit(accountId, type, sampleObject(type));
      return findEvent(deps.db, accountId, id);
    })();
    if (!event) throw new ApiError(500, { type: 'api_error', code: 'event_not_recorded', message: 'The event was not recorded.' });
    return ok(c, parseStoredEvent(event));
  });

  return routes;
}

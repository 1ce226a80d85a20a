/**
 * Webhook endpoints: `POST /v1/webhook_endpoints` (the answer is the only one that shows the secret),
 * `GET` list and one, `POST /:id` to change or disable, `DELETE /:id`, and
 * `GET /:id/deliveries`: the attempts made for it, so a developer can see why a webhook did not arrive.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { EVENT_TYPES } from '@soxara/protocol';
import { requireSecretKey } from '../http/auth.ts';
import { parseBody, parseQuery } from '../http/body.ts';
import { DEFAULT_LIST_LIMIT, limitSchema } from '../http/schemas.ts';
import type { AppEnv, Deps } from '../http/env.ts';
import { invalidRequest, notFound } from '../http/errors.ts';
import { webhookAddressPolicy } from '../config.ts';
import { literalAddress, refusedClass, type AddressClass, type WebhookAddressPolicy } from '../webhooks/address-policy.ts';
import { list, ok } from '../http/respond.ts';
import { cancelEndpointDeliveries, listEndpointDeliveries, toApiDelivery } from '../webhooks/deliveries.ts';
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listEndpoints,
  setEndpointDisabled,
  toWebhookEndpoint,
  updateEndpoint,
  type EnabledEvent,
} from '../webhooks/endpoints.ts';
import { findEvent } from '../events/store.ts';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    // new URL throws on anything that is not a URL; that is the answer.
    return false;
  }
}

const Url = v.pipe(v.string(), v.maxLength(2048), v.check(isHttpUrl, 'must be an http(s) URL'), v.metadata({ format: 'uri' }));
const EnabledEvents = v.pipe(
  v.array(
    v.picklist(['*', ...EVENT_TYPES] satisfies EnabledEvent[], 'must be "*" or an event type of the event reference'),
  ),
  v.minLength(1, 'must name at least one event type, or "*"'),
  v.description('The event types to deliver; `["*"]` (the default) is all of them.'),
);

export const createWebhookEndpointBody = v.strictObject({
  url: Url,
  enabled_events: v.optional(EnabledEvents),
  description: v.optional(v.string()),
});

export const updateWebhookEndpointBody = v.strictObject({
  url: v.optional(Url),
  enabled_events: v.optional(EnabledEvents),
  disabled: v.optional(v.pipe(v.boolean(), v.description('true stops deliveries (and cancels pending ones); false resumes them.'))),
});

const URL_REFUSALS: Record<Exclude<AddressClass, 'public'>, string> = {
  link_local: 'Webhook URLs may not point at link-local addresses (169.254.0.0/16, fe80::/10), where cloud metadata services live.',
  reserved: 'Webhook URLs must name a unicast address: multicast and reserved addresses are refused.',
  loopback:
    'This sandbox listens beyond loopback, so webhook URLs may not point at loopback addresses; set SOXARA_WEBHOOK_ALLOW_PRIVATE=1 if they should.',
  private:
    'This sandbox listens beyond loopback, so webhook URLs may not point at private networks; set SOXARA_WEBHOOK_ALLOW_PRIVATE=1 if they should.',
};

/**
 * A URL whose host is written as a refused address is a 400 at once. A name is not resolved here: what it
 * resolves to is checked at every delivery (webhooks/send.ts), and an answer here would be a DNS oracle.
 */
function assertAllowedUrl(url: string, policy: WebhookAddressPolicy): void {
  const address = literalAddress(new URL(url));
  const refused = address === null ? null : refusedClass(address, policy);
  if (refused) throw invalidRequest('url_not_allowed', URL_REFUSALS[refused], 'url');
}

export const listDeliveriesQuery = v.object({ limit: limitSchema });

export function webhookEndpointRoutes(deps: Deps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const auth = requireSecretKey(deps);
  const policy = webhookAddressPolicy(deps.config);

  function owned(accountId: string, id: string) {
    const endpoint = findEndpoint(deps.db, accountId, id);
    if (!endpoint) throw notFound(`webhook endpoint: ${id}`, 'id');
    return endpoint;
  }

  routes.post('/webhook_endpoints', auth, async (c) => {
    const body = await parseBody(c, createWebhookEndpointBody);
    assertAllowedUrl(body.url, policy);
    const endpoint = createEndpoint(deps.db, c.var.account.id, body.url, body.enabled_events ?? ['*']);
    return ok(c, toWebhookEndpoint(endpoint, true));
  });

  routes.get('/webhook_endpoints', auth, (c) => {
    return list(c, listEndpoints(deps.db, c.var.account.id).map((row) => toWebhookEndpoint(row)), false);
  });

  routes.get('/webhook_endpoints/:id', auth, (c) => ok(c, toWebhookEndpoint(owned(c.var.account.id, c.req.param('id')))));

  routes.post('/webhook_endpoints/:id', auth, async (c) => {
    const endpoint = owned(c.var.account.id, c.req.param('id'));
    const body = await parseBody(c, updateWebhookEndpointBody);
    deps.db.transaction(() => {
      if (body.url !== undefined) assertAllowedUrl(body.url, policy);
      updateEndpoint(deps.db, endpoint.id, { url: body.url, enabledEvents: body.enabled_events });
      if (body.disabled !== undefined) {
        setEndpointDisabled(deps.db, endpoint.id, body.disabled);
        if (body.disabled) cancelEndpointDeliveries(deps.db, endpoint.id);
      }
    })();
    return ok(c, toWebhookEndpoint(owned(c.var.account.id, endpoint.id)));
  });

  routes.delete('/webhook_endpoints/:id', auth, (c) => {
    const endpoint = owned(c.var.account.id, c.req.param('id'));
    deps.db.transaction(() => {
      deleteEndpoint(deps.db, endpoint.id);
      cancelEndpointDeliveries(deps.db, endpoint.id);
    })();
    return ok(c, { id: endpoint.id, object: 'webhook_endpoint', deleted: true });
  });

  routes.get('/webhook_endpoints/:id/deliveries', auth, (c) => {
    const accountId = c.var.account.id;
    const endpoint = owned(accountId, c.req.param('id'));
    const limit = parseQuery(listDeliveriesQuery, c).limit ?? DEFAULT_LIST_LIMIT;
    const rows = listEndpointDeliveries(deps.db, endpoint.id, limit + 1);
    const deliveries = rows.slice(0, limit).map((row) => toApiDelivery(row, findEvent(deps.db, accountId, row.event_id)?.type ?? null));
    return list(c, deliveries, rows.length > limit);
  });

  return routes;
}

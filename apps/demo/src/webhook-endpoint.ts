/**
 * Registers the shop's webhook endpoint with Soxara at start-up, idempotently: an endpoint already
 * registered for our URL is reused when we hold its secret. The secret is shown only once (in the
 * create answer), so when our database lost it, the old endpoint is deleted and a new one made.
 */
import type { Soxara } from '@soxara/node';
import type { Db } from './db.ts';
import { getSetting, setSetting } from './db.ts';

export const WEBHOOK_PATH = '/webhooks/soxara';

export interface RegisteredEndpoint {
  id: string;
  secret: string;
  url: string;
}

export function webhookSecret(db: Db): string | undefined {
  return getSetting(db, 'webhook_secret');
}

/**
 * The URL Soxara posts to. The shop binds 127.0.0.1, and a server resolving `localhost` may try `::1`
 * first, so a loopback public URL is registered by address; any other host is used as it is.
 */
export function webhookUrl(publicUrl: string): string {
  const url = new URL(WEBHOOK_PATH, publicUrl);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return url.toString();
}

export async function registerWebhookEndpoint(soxara: Soxara, db: Db, publicUrl: string): Promise<RegisteredEndpoint> {
  const url = webhookUrl(publicUrl);
  const storedId = getSetting(db, 'webhook_endpoint_id');
  const storedSecret = getSetting(db, 'webhook_secret');
  const { data: endpoints } = await soxara.webhookEndpoints.list();
  const ours = endpoints.filter((endpoint) => endpoint.url === url);

  const reusable = ours.find((endpoint) => endpoint.id === storedId);
  if (reusable && storedSecret) return { id: reusable.id, secret: storedSecret, url };

  for (const stale of ours) await soxara.webhookEndpoints.del(stale.id);
  const created = await soxara.webhookEndpoints.create({ url, enabled_events: ['*'] });
  setSetting(db, 'webhook_endpoint_id', created.id);
  setSetting(db, 'webhook_secret', created.secret);
  setSetting(db, 'webhook_url', url);
  return { id: created.id, secret: created.secret, url };
}

/** Keeps trying while the API is still starting (`pnpm start` launches everything at once). */
export async function registerWhenApiIsUp(
  register: () => Promise<RegisteredEndpoint>,
  log: (line: string) => void,
  delayMs = 500,
): Promise<RegisteredEndpoint> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await register();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt === 1 || attempt % 20 === 0) log(`webhook endpoint not registered yet (${message}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(delayMs * attempt, 5000)));
    }
  }
}

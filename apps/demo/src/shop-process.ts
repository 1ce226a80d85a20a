/**
 * A shop's process once its app is made: serve it, register its webhook endpoint with Soxara in the
 * background (retrying until the API is up: `pnpm start` launches everything at once), and close the
 * server and the database on SIGINT / SIGTERM. The demo shop and the React shop both run this way.
 */
import { serve } from '@hono/node-server';
import type { Soxara } from '@soxara/node';
import type { Hono } from 'hono';
import type { DemoConfig } from './config.ts';
import type { Db } from './db.ts';
import { registerWebhookEndpoint, registerWhenApiIsUp } from './webhook-endpoint.ts';

export interface ShopProcess {
  /** For the log: "demo shop", "React demo shop". */
  name: string;
  app: Hono;
  db: Db;
  soxara: Soxara;
  config: Pick<DemoConfig, 'port' | 'host' | 'publicUrl'>;
  log: (line: string) => void;
}

export function runShop({ name, app, db, soxara, config, log }: ShopProcess): void {
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    log(`${name} on ${config.publicUrl} (bound to ${config.host}:${config.port})`);
  });

  void registerWhenApiIsUp(() => registerWebhookEndpoint(soxara, db, config.publicUrl), log).then((endpoint) =>
    log(`webhook endpoint ${endpoint.id} → ${endpoint.url}`),
  );

  const shutdown = (): void => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

export function logLine(line: string): void {
  console.log(`${new Date().toISOString()} ${line}`);
}

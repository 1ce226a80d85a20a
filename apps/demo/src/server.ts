/**
 * The demo shop's process: open the database, register the webhook endpoint with Soxara (in the
 * background, retrying until the API is up) and serve. `pnpm start` runs it with the stack's env.
 */
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Soxara } from '@soxara/node';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db.ts';
import { registerWebhookEndpoint, registerWhenApiIsUp } from './webhook-endpoint.ts';

const config = readConfig();
const db = openDatabase(path.join(config.dataDir, 'demo.sqlite'));
const soxara = new Soxara(config.secretKey, { baseUrl: config.apiUrl });
const log = (line: string): void => console.log(`${new Date().toISOString()} ${line}`);

const app = createApp({ db, soxara, config, log });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
  log(`demo shop on ${config.publicUrl} (bound to ${config.host}:${config.port})`);
});

void registerWhenApiIsUp(() => registerWebhookEndpoint(soxara, db, config.publicUrl), log).then((endpoint) =>
  log(`webhook endpoint ${endpoint.id} → ${endpoint.url}`),
);

function shutdown(): void {
  server.close();
  db.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

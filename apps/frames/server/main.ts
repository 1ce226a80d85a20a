/**
 * The JS origin server (js.soxara.com in production): `startJsServer(config)` for tests, and, run
 * directly, a server configured from the environment (SOXARA_JS_PORT, HOST, SOXARA_API_URL, and
 * SOXARA_JS_URL: its own public URL, named in /v1/integrity.json).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createJsApp, type JsAppConfig } from './app.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface JsServerConfig extends Partial<JsAppConfig> {
  port?: number;
  host?: string;
}

export interface JsServer {
  /** http://<host>:<port> as bound. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startJsServer(config: JsServerConfig = {}): Promise<JsServer> {
  const app = createJsApp({
    apiUrl: config.apiUrl ?? 'http://localhost:4010',
    framesDist: config.framesDist ?? path.resolve(here, '../dist'),
    merchantScript: config.merchantScript ?? path.resolve(here, '../../../packages/soxara-js-cdn/dist/soxara.js'),
    publicUrl: config.publicUrl,
  });
  const host = config.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port ?? 4020, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}

function isMain(): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isMain()) {
  const server = await startJsServer({
    port: Number(process.env.SOXARA_JS_PORT ?? 4020),
    host: process.env.HOST ?? '127.0.0.1',
    apiUrl: process.env.SOXARA_API_URL ?? `http://localhost:${process.env.SOXARA_API_PORT ?? 4010}`,
    publicUrl: process.env.SOXARA_JS_URL || undefined,
  });
  console.log(`Soxara JS server on ${server.url} (script at /v1, pinnable at /v1/integrity.json, frames at /frames/)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

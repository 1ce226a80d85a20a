/**
 * `startJsServer(config)`: the JS origin (js.soxara.com in production) on a port, for main.ts, tests and
 * the `soxara dev` command of @soxara/sandbox, which passes the frames and script it ships. Without
 * paths it serves this repository's builds: apps/frames/dist and packages/soxara-js-cdn/dist/soxara.js.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createJsApp, type JsAppConfig } from './app.ts';

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
  const here = path.dirname(fileURLToPath(import.meta.url));
  const app = createJsApp({
    apiUrl: config.apiUrl ?? 'http://localhost:4010',
    framesDist: config.framesDist ?? path.resolve(here, '../dist'),
    merchantScript: config.merchantScript ?? path.resolve(here, '../../../packages/soxara-js-cdn/dist/soxara.js'),
    publicUrl: config.publicUrl,
    ...(config.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: config.requestTimeoutMs }),
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

/**
 * The JS origin server (js.soxara.com in production): `startJsServer(config)` for tests, and, run
 * directly, a server configured from the environment (SOXARA_JS_PORT, HOST, SOXARA_API_URL,
 * SOXARA_JS_URL: its own public URL, named in /v1/integrity.json, and SOXARA_REQUEST_TIMEOUT_MS: the
 * frames' confirm request timeout, for test stacks).
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

function requestTimeoutFromEnv(value: string | undefined): { requestTimeoutMs?: number } {
  if (!value) return {};
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1) throw new Error(`SOXARA_REQUEST_TIMEOUT_MS must be a positive whole number of milliseconds, not "${value}"`);
  return { requestTimeoutMs: ms };
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
    ...requestTimeoutFromEnv(process.env.SOXARA_REQUEST_TIMEOUT_MS),
  });
  console.log(`Soxara JS server on ${server.url} (script at /v1, pinnable at /v1/integrity.json, frames at /frames/)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

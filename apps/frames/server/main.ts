/**
 * `pnpm --filter @soxara/frames start` (and `pnpm start`): the JS origin server configured from the
 * environment: SOXARA_JS_PORT, HOST, SOXARA_API_URL, and SOXARA_JS_URL (its own public URL, named in
 * /v1/integrity.json).
 */
import { startJsServer } from './js-server.ts';

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

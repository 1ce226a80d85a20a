/**
 * `pnpm --filter @soxara/frames start` (and `pnpm start`): the JS origin server configured from the
 * environment: SOXARA_JS_PORT, HOST, SOXARA_API_URL, SOXARA_JS_URL (its own public URL, named in
 * /v1/integrity.json), and SOXARA_REQUEST_TIMEOUT_MS (the frames' confirm request timeout, for test
 * stacks).
 */
import { startJsServer } from './js-server.ts';

function requestTimeoutFromEnv(value: string | undefined): { requestTimeoutMs?: number } {
  if (!value) return {};
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1) throw new Error(`SOXARA_REQUEST_TIMEOUT_MS must be a positive whole number of milliseconds, not "${value}"`);
  return { requestTimeoutMs: ms };
}

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

/** The demo shop's settings, read once from the environment that `pnpm start` (scripts/start.ts) sets. */
import path from 'node:path';

export interface DemoConfig {
  port: number;
  host: string;
  /** Where customers reach the shop; also the webhook URL's base. */
  publicUrl: string;
  apiUrl: string;
  /** Origin of Soxara.js: the checkout loads `<jsUrl>/v1` and frames from it. */
  jsUrl: string;
  publishableKey: string;
  secretKey: string;
  dataDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const port = Number(env.DEMO_PORT ?? 3000);
  const publishableKey = env.SOXARA_PUBLISHABLE_KEY;
  const secretKey = env.SOXARA_SECRET_KEY;
  if (!publishableKey || !secretKey) {
    throw new Error('Set SOXARA_PUBLISHABLE_KEY and SOXARA_SECRET_KEY (`pnpm start` does it for you)');
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    publicUrl: trimSlash(env.DEMO_URL ?? `http://localhost:${port}`),
    apiUrl: trimSlash(env.SOXARA_API_URL ?? `http://localhost:${env.SOXARA_API_PORT ?? 4010}`),
    jsUrl: trimSlash(env.SOXARA_JS_URL ?? `http://localhost:${env.SOXARA_JS_PORT ?? 4020}`),
    publishableKey,
    secretKey,
    dataDir: path.resolve(env.DEMO_DATA_DIR ?? '.data/demo'),
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

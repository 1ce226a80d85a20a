/** `pnpm sandbox`: the test-mode Soxara API on SOXARA_API_PORT (4010), settings from the environment. */
import { configFromEnv } from './config.ts';
import { startSandbox } from './server.ts';

async function main(): Promise<void> {
  const config = configFromEnv();
  const sandbox = await startSandbox(config);
  const publicUrl = sandbox.deps.publicUrl?.() ?? sandbox.url;
  console.log(`Soxara sandbox listening on ${sandbox.url} (public URL ${publicUrl})`);
  console.log(`  data:            ${config.dataDir}`);
  console.log(`  publishable key: ${sandbox.defaultAccount.publishable_key}`);
  console.log(`  secret key:      ${sandbox.defaultAccount.secret_key}`);

  const shutdown = (signal: string): void => {
    console.log(`[sandbox] ${signal}: shutting down`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[sandbox] shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[sandbox] failed to start', error);
  process.exit(1);
});

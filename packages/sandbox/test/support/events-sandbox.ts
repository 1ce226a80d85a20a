/** Starts a sandbox on 127.0.0.1:0 with a temporary data dir and short webhook retries, and an SDK for it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Soxara } from '@soxara/node';
import { DEFAULT_CONFIG, type SandboxConfig } from '../../src/config.ts';
import { startSandbox, type RunningSandbox } from '../../src/server.ts';

export interface TestSandbox {
  sandbox: RunningSandbox;
  soxara: Soxara;
  secretKey: string;
  dataDir: string;
  /** Stops the sandbox and starts a new one on the same data dir (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSandbox(webhookRetryMs = 30): Promise<TestSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'soxara-events-'));
  const config: SandboxConfig = { ...DEFAULT_CONFIG, port: 0, host: '127.0.0.1', dataDir, webhookRetryMs };
  const state = { sandbox: await startSandbox(config) };
  const secretKey = state.sandbox.defaultAccount.secret_key;
  const sdk = (sandbox: RunningSandbox) => new Soxara(secretKey, { baseUrl: sandbox.url, maxNetworkRetries: 0 });
  const handle: TestSandbox = {
    sandbox: state.sandbox,
    soxara: sdk(state.sandbox),
    secretKey,
    dataDir,
    async restart() {
      await handle.sandbox.close();
      handle.sandbox = await startSandbox(config);
      handle.soxara = sdk(handle.sandbox);
    },
    async close() {
      await handle.sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

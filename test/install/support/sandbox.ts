/**
 * The Soxara API the merchant's server talks to. Until `@soxara/sandbox` installs from its tarball,
 * this is the workspace's sandbox (apps/sandbox) started in the test's own process on a free loopback
 * port with a temporary data folder; once it does, the merchant project runs it with `npx soxara dev`
 * from its own node_modules instead, and only this file changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../../apps/sandbox/src/config.ts';
import { startSandbox } from '../../../apps/sandbox/src/server.ts';

export interface MerchantSandbox {
  url: string;
  secretKey: string;
  close(): Promise<void>;
}

export async function startMerchantSandbox(): Promise<MerchantSandbox> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'soxara-install-sandbox-'));
  const secretKey = 'sxs_test_installcheck0000';
  const sandbox = await startSandbox({
    ...DEFAULT_CONFIG,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    defaultKeys: { publishableKey: 'sxm_test_installcheck0000', secretKey },
    webhookRetryMs: 100,
  });
  return {
    url: sandbox.url,
    secretKey,
    async close() {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

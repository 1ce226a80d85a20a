/**
 * The Soxara sandbox of the merchant's project: `npx soxara dev` from the `@soxara/sandbox` npm
 * installed there (its tarball), on ports the OS picks, with a data folder of its own. Nothing of the
 * workspace runs: the API and the JS origin are what a merchant gets from npm.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDev, type DevSandbox, type Launch } from '../../../packages/sandbox/test/support/cli-process.ts';
import { outsideEnv } from './run.ts';

/** `npx soxara …` in the merchant's folder, in an environment with nothing of the workspace. */
export const npxSoxara: Launch = (args, options) =>
  spawn('npx', ['--no-install', 'soxara', ...args], { cwd: options.cwd, env: outsideEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });

export interface MerchantSandbox extends DevSandbox {
  close(): Promise<void>;
}

/**
 * `inProject`: the data in the project's own `.soxara/`, where the other `soxara` commands find the
 * keys (one such sandbox per project at a time); otherwise a temporary folder of its own.
 */
export async function startMerchantSandbox(merchantDir: string, { inProject = false } = {}): Promise<MerchantSandbox> {
  const dataDir = inProject ? null : mkdtempSync(path.join(tmpdir(), 'soxara-install-sandbox-'));
  const env: Record<string, string> = { SOXARA_WEBHOOK_RETRY_MS: '100', ...(dataDir ? { SOXARA_DATA_DIR: dataDir } : {}) };
  const dev = await startDev({ cwd: merchantDir, env }, [], npxSoxara);
  return {
    ...dev,
    async close() {
      await dev.cli.interrupt();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

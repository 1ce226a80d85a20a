/**
 * Once per run of the `install` project: pack every public package, install the tarballs into a fresh
 * merchant project outside the workspace, add the merchant's TypeScript, and hand the test files
 * where it all is (`inject('install')`). A failure here stops the run with npm's or pnpm's own output.
 *
 * `SOXARA_KEEP_INSTALL=1` keeps the folders afterwards, to look at what was installed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createMerchantProject, installDevDependencies, installTarballs } from './support/install.ts';
import type { InstalledWorkspace } from './support/installed.ts';
import { packPackages } from './support/pack.ts';
import { workspacePackages } from './support/workspace.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const folders: string[] = [];
  const removeFolders = (): void => {
    if (process.env['SOXARA_KEEP_INSTALL'] === '1') {
      console.log(`[install] kept ${folders.join(' and ')}`);
      return;
    }
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  };
  try {
    const packages = await workspacePackages();
    const tarballDir = mkdtempSync(path.join(tmpdir(), 'soxara-tarballs-'));
    folders.push(tarballDir);
    const tarballs = await packPackages(
      packages.filter((pkg) => !pkg.private),
      tarballDir,
    );
    const merchantDir = createMerchantProject();
    folders.push(merchantDir);
    const installMs = await installTarballs(merchantDir, tarballs);
    await installDevDependencies(merchantDir);
    const installed: InstalledWorkspace = { packages, tarballs, merchantDir, installMs };
    project.provide('install', installed);
  } catch (error) {
    removeFolders();
    throw error;
  }
  return removeFolders;
}

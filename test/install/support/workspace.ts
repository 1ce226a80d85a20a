/**
 * The workspace's packages as pnpm sees them, and which of them npm users get. A package is public
 * when its package.json does not say `"private": true`; the moment one stops being private, the
 * install test packs, installs and checks it too, with nothing to register here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, run } from './run.ts';

export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute path of its folder. */
  dir: string;
  /** Relative to the repository root, e.g. `packages/node`. */
  folder: string;
  private: boolean;
}

interface PnpmListEntry {
  name?: string;
  version?: string;
  path: string;
  private?: boolean;
}

export async function workspacePackages(): Promise<WorkspacePackage[]> {
  const { stdout } = await run('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], { cwd: REPO_ROOT, env: process.env });
  const entries = JSON.parse(stdout) as PnpmListEntry[];
  return entries
    .filter((entry) => path.resolve(entry.path) !== REPO_ROOT && entry.name !== undefined)
    .map((entry) => {
      const manifest = JSON.parse(readFileSync(path.join(entry.path, 'package.json'), 'utf8')) as { private?: boolean; version?: string };
      return {
        name: entry.name!,
        version: manifest.version ?? '0.0.0',
        dir: entry.path,
        folder: path.relative(REPO_ROOT, entry.path).split(path.sep).join('/'),
        private: manifest.private === true,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function publicPackages(): Promise<WorkspacePackage[]> {
  return (await workspacePackages()).filter((pkg) => !pkg.private);
}

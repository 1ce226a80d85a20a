/**
 * A merchant's project outside the workspace (a copy of `test/install/merchant/` in the system's temp
 * folder) with the tarballs installed by plain `npm install`: every dependency comes from the registry
 * or from the tarballs themselves, none from the workspace's node_modules.
 */
import { cpSync, lstatSync, mkdtempSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, outsideEnv, run } from './run.ts';
import type { Tarball } from './pack.ts';
import { startPrebuildMirror } from './prebuilt-sqlite-mirror.ts';

const MERCHANT_FIXTURE = path.join(REPO_ROOT, 'test/install/merchant');

/** What the merchant's project compiles with: the workspace's TypeScript and Node types, from the registry. */
export const MERCHANT_DEV_DEPENDENCIES = ['typescript@~5.9.3', '@types/node@^20.19.0'];

/** An empty folder in the system's temp folder, never inside the workspace. */
function outsideFolder(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
  if (dir.startsWith(REPO_ROOT)) throw new Error(`the merchant project must live outside the workspace, not in ${dir}`);
  return dir;
}

/** A fresh copy of the merchant fixture in the system's temp folder. */
export function createMerchantProject(prefix = 'soxara-merchant-'): string {
  const dir = outsideFolder(prefix);
  cpSync(MERCHANT_FIXTURE, dir, { recursive: true });
  return dir;
}

/** A project with nothing but a package.json: what `npm install` adds to it is the packages' own cost. */
export function createEmptyProject(prefix = 'soxara-empty-'): string {
  const dir = outsideFolder(prefix);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'soxara-empty-project', private: true, type: 'module' }, null, 2)}\n`);
  return dir;
}

export interface NpmOptions {
  /** An npm cache folder of its own (e.g. empty, for a cold install); default: the user's cache. */
  cache?: string;
}

function npmArgs(options: NpmOptions): string[] {
  return ['--no-audit', '--no-fund', '--no-update-notifier', ...(options.cache ? ['--cache', options.cache] : [])];
}

/** `npm install <tarballs>`; resolves how long npm took. */
export async function installTarballs(dir: string, tarballs: readonly Tarball[], options: NpmOptions = {}): Promise<number> {
  // @soxara/sandbox brings better-sqlite3, whose install script downloads a prebuilt binary from a host
  // these machines cannot reach: the mirror serves the one the workspace built (else npm compiles it).
  const mirror = await startPrebuildMirror();
  try {
    const { ms } = await run('npm', ['install', ...npmArgs(options), ...tarballs.map((tarball) => tarball.file)], { cwd: dir, env: outsideEnv(mirror.env) });
    return ms;
  } finally {
    await mirror.close();
  }
}

export async function installDevDependencies(dir: string, specs: readonly string[] = MERCHANT_DEV_DEPENDENCIES, options: NpmOptions = {}): Promise<void> {
  await run('npm', ['install', '--save-dev', ...npmArgs(options), ...specs], { cwd: dir, env: outsideEnv() });
}

/** The installed copy of a package: a real folder inside the project, never a link back to the workspace. */
export function installedPackageDir(dir: string, name: string): string {
  const installed = path.join(dir, 'node_modules', ...name.split('/'));
  if (lstatSync(installed).isSymbolicLink()) throw new Error(`${name} is installed as a symlink (${realpathSync(installed)}), not from its tarball`);
  return installed;
}

export interface FolderSize {
  files: number;
  bytes: number;
}

export function folderSize(dir: string): FolderSize {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * `pnpm pack` of the public packages, as a release would make them: pnpm writes the packed manifest
 * with `publishConfig` applied and `workspace:` ranges replaced by versions.
 *
 * A tarball must never carry a stale `dist/`. A release runs each package's `build` in its `prepack`;
 * here the build runs as a step of its own, so that a compile error is reported as one and pack's
 * `--json` output is not mixed with build logs, and only for packages whose `dist/` is older than
 * what it is built from (as make decides): `pnpm test` has just built them all.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, run } from './run.ts';
import type { WorkspacePackage } from './workspace.ts';

export interface Tarball {
  name: string;
  version: string;
  /** Absolute path of the `.tgz`. */
  file: string;
  /** Paths inside the package, as packed. */
  files: string[];
  /** Names of its `dependencies` and `peerDependencies`: what must be installed beside it. */
  dependencies: string[];
  packedBytes: number;
}

interface PnpmPackJson {
  name: string;
  version: string;
  filename: string;
}

/** What the tarball holds, read from the tarball: pnpm's `--json` list leaves out the LICENSE it adds. */
async function tarballFiles(file: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', file], { cwd: REPO_ROOT });
  return stdout
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
}

function dependencyNames(pkg: WorkspacePackage | undefined): string[] {
  if (!pkg) return [];
  const manifest = JSON.parse(readFileSync(path.join(pkg.dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
}

/** What every package's build reads besides its own folder (scripts/build-package.ts and its tsconfigs). */
const SHARED_BUILD_INPUTS = ['scripts/build-package.ts', 'tsconfig.base.json', 'tsconfig.package.json', 'tsconfig.package-cjs.json'].map((file) =>
  path.join(REPO_ROOT, file),
);

function modificationTimes(target: string): number[] {
  if (!existsSync(target)) return [];
  const stat = statSync(target);
  if (!stat.isDirectory()) return [stat.mtimeMs];
  return readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
}

/** True when every file of `dist/` is newer than every file it is built from. */
function isBuilt(pkg: WorkspacePackage): boolean {
  const built = modificationTimes(path.join(pkg.dir, 'dist'));
  if (built.length === 0) return false;
  const ownInputs = ['src', 'package.json', ...readdirSync(pkg.dir).filter((file) => /^tsconfig.*\.json$/.test(file))].map((file) => path.join(pkg.dir, file));
  const inputs = [...ownInputs, ...SHARED_BUILD_INPUTS].flatMap(modificationTimes);
  return Math.min(...built) >= Math.max(...inputs);
}

export async function packPackages(packages: readonly WorkspacePackage[], destination: string): Promise<Tarball[]> {
  if (packages.length === 0) return [];
  const stale = packages.filter((pkg) => !isBuilt(pkg));
  if (stale.length > 0) {
    await run('pnpm', ['--recursive', ...stale.flatMap((pkg) => ['--filter', pkg.name]), 'run', '--if-present', 'build'], { cwd: REPO_ROOT, env: process.env });
  }
  const filters = packages.flatMap((pkg) => ['--filter', pkg.name]);
  const { stdout } = await run('pnpm', ['--recursive', ...filters, 'pack', '--pack-destination', destination, '--json', '--config.ignore-scripts=true'], {
    cwd: REPO_ROOT,
    env: process.env,
  });
  const parsed = JSON.parse(stdout) as PnpmPackJson | PnpmPackJson[];
  const packed = Array.isArray(parsed) ? parsed : [parsed];
  const tarballs = await Promise.all(
    packed.map(async (entry) => ({
      name: entry.name,
      version: entry.version,
      file: entry.filename,
      files: await tarballFiles(entry.filename),
      dependencies: dependencyNames(packages.find((pkg) => pkg.name === entry.name)),
      packedBytes: statSync(entry.filename).size,
    })),
  );
  const missing = packages.filter((pkg) => !tarballs.some((tarball) => tarball.name === pkg.name));
  if (missing.length > 0) throw new Error(`pnpm pack made no tarball for ${missing.map((pkg) => pkg.name).join(', ')}:\n${stdout}`);
  return tarballs.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * `pnpm pack` of the public packages, as a release would make them: pnpm writes the packed manifest
 * with `publishConfig` applied and `workspace:` ranges replaced by versions. Each package's `build`
 * runs first (what its `prepack` runs on a release), so a tarball never carries a stale `dist/`; it
 * runs as a step of its own so that a compile error is reported as one, and pack's `--json` output
 * is not mixed with build logs.
 */
import { readFileSync, statSync } from 'node:fs';
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
  /** Names of its `dependencies`. */
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
  const manifest = JSON.parse(readFileSync(path.join(pkg.dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {});
}

export async function packPackages(packages: readonly WorkspacePackage[], destination: string): Promise<Tarball[]> {
  if (packages.length === 0) return [];
  const filters = packages.flatMap((pkg) => ['--filter', pkg.name]);
  await run('pnpm', ['--recursive', ...filters, 'run', 'build'], { cwd: REPO_ROOT, env: process.env });
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

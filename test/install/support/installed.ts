/**
 * What the global setup hands every test file, and how to read the packages as npm installed them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { installedPackageDir } from './install.ts';
import type { Tarball } from './pack.ts';
import type { WorkspacePackage } from './workspace.ts';

export interface InstalledWorkspace {
  /** Every workspace package, public or not (to tell a private dependency from a registry one). */
  packages: WorkspacePackage[];
  /** One per public package. */
  tarballs: Tarball[];
  /** The merchant project (outside the workspace) the tarballs are installed in. */
  merchantDir: string;
  installMs: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    install: InstalledWorkspace;
  }
}

export function installedWorkspace(): InstalledWorkspace {
  return inject('install');
}

export type ExportTarget = string | null | { [condition: string]: ExportTarget } | ExportTarget[];

/** The fields of a packed package.json the checks read. */
export interface PackedManifest {
  name: string;
  version: string;
  private?: boolean;
  description?: string;
  license?: string;
  repository?: { type?: string; url?: string; directory?: string } | string;
  type?: 'module' | 'commonjs';
  sideEffects?: boolean | string[];
  engines?: { node?: string };
  main?: string;
  types?: string;
  bin?: string | Record<string, string>;
  exports?: Record<string, ExportTarget>;
  typesVersions?: Record<string, Record<string, string[]>>;
  files?: string[];
  publishConfig?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface InstalledPackage {
  name: string;
  dir: string;
  manifest: PackedManifest;
}

export function installedPackage(merchantDir: string, name: string): InstalledPackage {
  const dir = installedPackageDir(merchantDir, name);
  return { name, dir, manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackedManifest };
}

/** Subpaths of `exports` that are modules (not `./package.json`), e.g. `.` and `./pure`. */
export function moduleSubpaths(manifest: PackedManifest): string[] {
  return Object.keys(manifest.exports ?? {}).filter((subpath) => !subpath.endsWith('.json'));
}

/** The specifier a merchant writes for a subpath: `@soxara/soxara-js/pure` for `./pure`. */
export function specifierOf(name: string, subpath: string): string {
  return subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`;
}

/** The conditions at the top of one subpath's target (`import`, `require`, `types`, `default`). */
export function conditionsOf(target: ExportTarget | undefined): string[] {
  return target !== null && typeof target === 'object' && !Array.isArray(target) ? Object.keys(target) : [];
}

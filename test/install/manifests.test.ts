/**
 * What npm users get, read from the installed packages (not from the workspace's package.json): the
 * packed manifest a release would publish, the files it ships, and what it depends on.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionsOf, installedPackage, installedWorkspace, moduleSubpaths, type ExportTarget } from './support/installed.ts';

const { packages, tarballs, merchantDir } = installedWorkspace();
const workspaceByName = new Map(packages.map((pkg) => [pkg.name, pkg]));

/** Every file path an `exports` target can point at. */
function targetFiles(target: ExportTarget): string[] {
  if (target === null) return [];
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.flatMap(targetFiles);
  return Object.values(target).flatMap(targetFiles);
}

/** Each condition object of a subpath, outermost first: `{import: {types, default}, require: {…}}` gives three. */
function conditionObjects(target: ExportTarget): Array<Record<string, ExportTarget>> {
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return [];
  return [target, ...Object.values(target).flatMap(conditionObjects)];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

it('packs every public workspace package, and only those', () => {
  const expected = packages.filter((pkg) => !pkg.private).map((pkg) => pkg.name);
  expect(tarballs.map((tarball) => tarball.name)).toEqual(expected);
  expect(expected).toEqual(expect.arrayContaining(['@soxara/node', '@soxara/soxara-js', '@soxara/testing']));
  expect(expected).not.toContain('@soxara/soxara-js-cdn');
});

describe.each(tarballs)('$name', (tarball) => {
  const { dir, manifest } = installedPackage(merchantDir, tarball.name);
  const workspace = workspaceByName.get(tarball.name)!;
  // A command (`@soxara/sandbox`'s `soxara`) has a bin and nothing to import: no exports, no types.
  const command = manifest.exports === undefined && manifest.bin !== undefined;

  it('describes itself: description, MIT license, repository folder, engines, module type, side effects', () => {
    expect(manifest.private).not.toBe(true);
    expect(manifest.description?.length).toBeGreaterThan(20);
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository).toMatchObject({ type: 'git', directory: workspace.folder });
    expect(manifest.engines?.node).toMatch(/^>=\s*20/);
    expect(manifest.type).toBe('module');
    if (!command) expect(manifest.sideEffects === false || Array.isArray(manifest.sideEffects)).toBe(true);
  });

  it('ships its README, the license, dist/ and its sources, and no tests or build configuration', () => {
    expect(tarball.files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
    expect(tarball.files.some((file) => file.startsWith('dist/'))).toBe(true);
    expect(tarball.files.filter((file) => /\.(test|spec|check)\.ts$|(^|\/)tsconfig[^/]*\.json$|(^|\/)vitest\.config/.test(file))).toEqual([]);
    // A README of its own: how to install it, not the workspace's.
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(new RegExp(`npm install (--save-dev |-D )?${tarball.name.replace('/', '\\/')}`));
  });

  it('depends on versions from the registry or on other public packages, never on a workspace link or a private package', () => {
    const ranges = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies };
    for (const [name, range] of Object.entries(ranges)) {
      expect(range, `${name}@${range}`).not.toMatch(/^(workspace|link|file|portal):/);
      const sibling = workspaceByName.get(name);
      if (sibling) {
        expect(sibling.private, `${name} is private`).toBe(false);
        // A dependency is released in lockstep; a peer (react-soxara-js on soxara-js) is the merchant's
        // own install, so a caret range on the version released with it is right.
        const released = name in (manifest.peerDependencies ?? {}) ? [sibling.version, `^${sibling.version}`] : [sibling.version];
        expect(released, `${name}@${range} must be released with ${tarball.name}`).toContain(range);
      }
    }
  });

  it.runIf(command)('a command: every bin is a file of the package that Node runs (shebang)', () => {
    const bins = typeof manifest.bin === 'string' ? { [tarball.name]: manifest.bin } : (manifest.bin ?? {});
    expect(Object.keys(bins).length).toBeGreaterThan(0);
    for (const file of Object.values(bins)) expect(readFileSync(path.join(dir, file), 'utf8').startsWith('#!/usr/bin/env node'), file).toBe(true);
  });

  it.skipIf(command)('exports with a types condition first in every condition object, and every exported file exists', () => {
    const subpaths = moduleSubpaths(manifest);
    expect(subpaths).toContain('.');
    for (const subpath of subpaths) {
      const target = manifest.exports![subpath]!;
      for (const conditions of conditionObjects(target)) {
        const keys = Object.keys(conditions);
        if (keys.includes('import') || keys.includes('require')) continue;
        expect(keys[0], `${subpath}: ${JSON.stringify(conditions)}`).toBe('types');
      }
      for (const file of targetFiles(target)) expect(existsSync(path.join(dir, file)), `${subpath} → ${file}`).toBe(true);
      if (conditionsOf(target).includes('require')) {
        // CommonJS types are read as CommonJS only under a {"type": "commonjs"} marker (or as .d.cts).
        const requireTypes = targetFiles((target as Record<string, ExportTarget>)['require']!).find((file) => file.endsWith('.d.ts'))!;
        const marker = JSON.parse(readFileSync(path.join(dir, path.dirname(requireTypes), 'package.json'), 'utf8')) as { type?: string };
        expect(marker.type, `${requireTypes} must sit under a CommonJS package.json`).toBe('commonjs');
      }
    }
    for (const field of [manifest.main, manifest.types]) {
      expect(field, 'main and types, for tools that predate exports').toBeTruthy();
      expect(existsSync(path.join(dir, field!)), field).toBe(true);
    }
  });

  it('has a source map beside every .js and a declaration map beside every .d.ts, pointing into the shipped sources', () => {
    // A command's dist/ also carries what it serves (the frames, the merchant script): only its own code counts.
    const built = command ? readdirSync(path.join(dir, 'dist')).map((name) => path.join(dir, 'dist', name)) : filesUnder(path.join(dir, 'dist'));
    const scripts = built.filter((file) => file.endsWith('.js'));
    const declarations = built.filter((file) => file.endsWith('.d.ts'));
    expect(scripts.length).toBeGreaterThan(0);
    if (!command) expect(declarations.length).toBeGreaterThan(0);
    for (const file of [...scripts, ...declarations]) {
      const map = `${file}.map`;
      expect(existsSync(map), map).toBe(true);
      const { sources, sourcesContent } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      // A bundle carries its sources inside its map; a compiled package ships them beside it.
      sources.forEach((source, i) => expect(existsSync(path.resolve(path.dirname(map), source)) || typeof sourcesContent?.[i] === 'string', `${map} → ${source}`).toBe(true));
    }
  });
});

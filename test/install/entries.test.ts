/**
 * Every entry of every installed package loads in plain Node, from the merchant's project: `import`
 * of each subpath, `require` of each subpath that offers it, and the same names either way.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionsOf, installedPackage, installedWorkspace, moduleSubpaths, specifierOf } from './support/installed.ts';
import { outsideEnv, run } from './support/run.ts';

const { tarballs, merchantDir } = installedWorkspace();

type Mode = 'import' | 'require';

interface Probe {
  specifier: string;
  mode: Mode;
}

type ProbeResult = { ok: true; keys: string[]; resolved: string } | { ok: false; error: string };

// Runs in the merchant's folder, so that Node resolves the specifiers from its node_modules.
const PROBE = `
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const require = createRequire(process.cwd() + '/');
const results = {};
for (const { specifier, mode } of JSON.parse(process.env.PROBES)) {
  try {
    const loaded = mode === 'import' ? await import(specifier) : require(specifier);
    const resolved = mode === 'import' ? fileURLToPath(import.meta.resolve(specifier)) : require.resolve(specifier);
    results[mode + ' ' + specifier] = { ok: true, keys: Object.keys(loaded).sort(), resolved };
  } catch (error) {
    results[mode + ' ' + specifier] = { ok: false, error: String(error && error.stack || error) };
  }
}
console.log(JSON.stringify(results));
`;

const probes: Array<Probe & { name: string }> = tarballs.flatMap(({ name }) => {
  const { manifest } = installedPackage(merchantDir, name);
  return moduleSubpaths(manifest).flatMap((subpath) => {
    const specifier = specifierOf(name, subpath);
    const conditions = conditionsOf(manifest.exports![subpath]);
    const modes: Mode[] = conditions.includes('require') ? ['import', 'require'] : ['import'];
    return modes.map((mode) => ({ name, specifier, mode }));
  });
});

let results: Record<string, ProbeResult>;

beforeAll(async () => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', PROBE], {
    cwd: merchantDir,
    env: outsideEnv({ PROBES: JSON.stringify(probes) }),
  });
  results = JSON.parse(stdout) as Record<string, ProbeResult>;
});

describe.each(probes)('$mode $specifier', ({ name, specifier, mode }) => {
  it('loads from the installed tarball and exports something', () => {
    const result = results[`${mode} ${specifier}`]!;
    if (!result.ok) throw new Error(`${mode} ${specifier} failed in ${merchantDir}:\n${result.error}`);
    expect(result.keys.length).toBeGreaterThan(0);
    const packageDir = path.join(merchantDir, 'node_modules', name, 'dist') + path.sep;
    expect(result.resolved.startsWith(packageDir), `${result.resolved} is not inside ${packageDir}`).toBe(true);
  });
});

describe.each(probes.filter((probe) => probe.mode === 'require'))('require $specifier', ({ specifier }) => {
  it('exposes the same names as import', () => {
    const imported = results[`import ${specifier}`]!;
    const required = results[`require ${specifier}`]!;
    expect(imported.ok && required.ok).toBe(true);
    if (imported.ok && required.ok) expect(required.keys).toEqual(imported.keys);
  });
});

it('loads @soxara/node, @soxara/soxara-js (and /pure) and @soxara/testing by import, and @soxara/node by require', () => {
  expect(probes.map(({ mode, specifier }) => `${mode} ${specifier}`)).toEqual(
    expect.arrayContaining(['import @soxara/node', 'require @soxara/node', 'import @soxara/soxara-js', 'import @soxara/soxara-js/pure', 'import @soxara/testing']),
  );
});

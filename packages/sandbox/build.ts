/**
 * `pnpm build`: @soxara/sandbox as it is published.
 * - `dist/cli.js`, the `soxara` executable: one ES module with the CLI, the sandbox, the JS origin
 *   server (apps/frames/server) and everything else they take from the workspace, bundled, so the
 *   package depends on no workspace package. Registry packages stay imports, and each must be one of
 *   the package's `dependencies` (the build fails otherwise, rather than the merchant's install).
 * - `dist/js-origin/`: what the JS origin serves, copied from their builds: the frames
 *   (apps/frames/dist) and the merchant script (packages/soxara-js-cdn/dist/soxara.js).
 */
import { builtinModules } from 'node:module';
import { chmodSync, cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { PACKAGED_FOLDER } from './src/cli/js-origin-files.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
export const cliFile = path.join(dist, 'cli.js');

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules);

/** `hono/body-limit` → `hono`, `@hono/node-server/x` → `@hono/node-server`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const registryPackagesStayImports: Plugin = {
  name: 'registry-packages-stay-imports',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtins.has(args.path)) return { external: true };
      const name = packageName(args.path);
      if (name.startsWith('@soxara/')) return undefined;
      if (dependencies.has(name)) return { external: true };
      return { errors: [{ text: `${name} (imported by ${path.relative(root, args.importer)}) must be in the dependencies of @soxara/sandbox` }] };
    });
  },
};

const jsOriginSources = {
  frames: path.resolve(root, '../../apps/frames/dist'),
  merchantScript: path.resolve(root, '../soxara-js-cdn/dist/soxara.js'),
};

export async function buildSandboxPackage(): Promise<void> {
  for (const [name, source] of Object.entries(jsOriginSources)) {
    if (!existsSync(source)) throw new Error(`${name} not built (${source}): run pnpm build at the repository root`);
  }
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile: cliFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // With its sources inside: a stack trace from a merchant's terminal points at the workspace code.
    sourcemap: true,
    logLevel: 'warning',
    plugins: [registryPackagesStayImports],
  });
  chmodSync(cliFile, 0o755);
  const served = path.join(dist, PACKAGED_FOLDER);
  cpSync(jsOriginSources.frames, path.join(served, 'frames'), { recursive: true });
  cpSync(jsOriginSources.merchantScript, path.join(served, 'soxara.js'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSandboxPackage();
  console.log(`dist/cli.js: ${readFileSync(cliFile).length} bytes, with the frames and soxara.js in dist/${PACKAGED_FOLDER}/`);
}

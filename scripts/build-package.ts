/**
 * `tsx ../../scripts/build-package.ts`, the `build` script of every package published to npm: compiles
 * the package in the current folder from `src/` to `dist/`, the files its packed `package.json`
 * (`publishConfig.exports`) points at.
 *
 * - `dist/esm/`: tsc's ES modules, `.d.ts` declarations and source maps (`tsconfig.build.json`,
 *   from the root `tsconfig.package.json`). This pass type-checks the package.
 * - `dist/cjs/`, only for a package whose `publishConfig.exports` has a `require` condition: the same
 *   sources transpiled to CommonJS (`tsconfig.build-cjs.json`), a `{"type": "commonjs"}` marker, and
 *   the declarations of the first pass copied beside them. tsc writes the same declaration text for
 *   either module format; what differs is how a `.d.ts` is read, and TypeScript reads it as CommonJS
 *   only if it sits under that marker. So `require` users get CommonJS-correct types (a default
 *   export is `.default`) and `import` users ES-module types, both from one tsc run.
 *
 * tsc cannot emit CommonJS from these sources with their own module resolution (`Bundler` requires
 * ES module output, `Node16` emits by `package.json` "type"), so the CommonJS pass resolves nothing:
 * it only transpiles (`noCheck`), which `verbatimModuleSyntax` in the first pass makes safe (every
 * type-only import is written `import type`, so none is left behind as a `require`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const packageDir = process.cwd();
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  name: string;
  publishConfig?: { exports?: unknown };
};
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const dist = path.join(packageDir, 'dist');

function compile(tsconfig: string): void {
  execFileSync(process.execPath, [tsc, '-p', tsconfig], { cwd: packageDir, stdio: 'inherit' });
}

/** True when some export of the packed manifest has a `require` condition. */
function shipsCommonJs(exportsField: unknown): boolean {
  if (exportsField === null || typeof exportsField !== 'object') return false;
  return Object.entries(exportsField).some(([key, value]) => key === 'require' || shipsCommonJs(value));
}

rmSync(dist, { recursive: true, force: true });
compile('tsconfig.build.json');

if (shipsCommonJs(manifest.publishConfig?.exports)) {
  if (!existsSync(path.join(packageDir, 'tsconfig.build-cjs.json'))) {
    throw new Error(`${manifest.name}: publishConfig.exports has a require condition but there is no tsconfig.build-cjs.json`);
  }
  compile('tsconfig.build-cjs.json');
  cpSync(path.join(dist, 'esm'), path.join(dist, 'cjs'), {
    recursive: true,
    filter: (source) => !source.endsWith('.js') && !source.endsWith('.js.map'),
  });
  writeFileSync(path.join(dist, 'cjs', 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
}

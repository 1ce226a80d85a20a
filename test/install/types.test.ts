/**
 * `tsc --strict` in the merchant's project, with the merchant's own TypeScript from the registry, on
 * files that use the packages' types (test/install/merchant/src): under each module resolution a
 * merchant may use. The files' `@ts-expect-error` lines make the check fail if a type ever resolved
 * to `any`, so "it compiles" also means "it is typed". The packages' declarations themselves are
 * checked (`skipLibCheck` off) where their own environment is all there is: a Node server without
 * the DOM library, a browser bundle without Node's types.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedWorkspace } from './support/installed.ts';
import { run } from './support/run.ts';

const { merchantDir } = installedWorkspace();
const tsc = path.join(merchantDir, 'node_modules/typescript/bin/tsc');

function compile(tsconfig: string, ...flags: string[]) {
  return run(process.execPath, [tsc, '-p', tsconfig, '--strict', '--pretty', 'false', ...flags], { cwd: merchantDir });
}

// One compile at a time: tsc is CPU-bound, and running them side by side on a small machine only
// makes each slower.
describe('tsc --strict in the merchant project', () => {
  it('NodeNext: every file, ES modules and the CommonJS .cts, each reading the declarations of its format', async () => {
    const { stdout } = await compile('tsconfig.nodenext.json', '--listFiles');
    const listed = stdout.split('\n').filter((line) => line.trim() !== '').map((line) => path.relative(merchantDir, line.trim()));
    // import reads the ES-module declarations, require (the .cts files) the CommonJS ones, down to
    // the @soxara/protocol they import.
    expect(listed).toEqual(
      expect.arrayContaining([
        'node_modules/@soxara/node/dist/esm/index.d.ts',
        'node_modules/@soxara/node/dist/cjs/index.d.ts',
        'node_modules/@soxara/protocol/dist/esm/rest.d.ts',
        'node_modules/@soxara/protocol/dist/cjs/rest.d.ts',
        'node_modules/@soxara/testing/dist/esm/index.d.ts',
        'node_modules/@soxara/testing/dist/cjs/index.d.ts',
        'node_modules/@soxara/soxara-js/dist/esm/pure.d.ts',
      ]),
    );
    expect(listed.filter((file) => !file.startsWith('node_modules/') && !file.startsWith('src/'))).toEqual([]);
  });

  it('Bundler (module Preserve), as Vite, esbuild and webpack projects compile', async () => {
    await compile('tsconfig.bundler.json');
  });

  it('Node10, as older CommonJS projects resolve (main, types and typesVersions)', async () => {
    await compile('tsconfig.node10.json');
  });

  it('a server project without the DOM library: @soxara/node’s declarations need only Node’s types', async () => {
    await compile('tsconfig.server.json');
  });

  it('a browser project without Node’s types: @soxara/soxara-js’s declarations need only the DOM', async () => {
    await compile('tsconfig.browser.json');
  });
});

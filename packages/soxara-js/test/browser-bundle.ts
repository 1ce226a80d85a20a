/**
 * The loader as a browser would run it from a merchant's bundle: `@soxara/soxara-js/pure` bundled by
 * esbuild into one script that exposes `window.SoxaraLoader`. For the end-to-end test
 * (e2e/demo-loader.spec.ts), which loads the real Soxara.js through it.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function bundleLoaderForBrowser(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/pure.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'SoxaraLoader',
    target: 'es2020',
    write: false,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

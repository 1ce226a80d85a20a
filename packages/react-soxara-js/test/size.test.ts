// @vitest-environment node
/**
 * The bindings' weight in a merchant's bundle, React excluded (the page has it already): the package
 * bundled and minified as a bundler would ship it, gzip level 9. The bench reports the same number
 * beside react-stripe-js's (bench/src/measures/react-bindings-size.ts); its goal there
 * (bench/src/goals.ts) is this budget.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const BUDGET_GZIP_BYTES = 2_500;

describe('@soxara/react-soxara-js in a merchant bundle', () => {
  it('stays within its gzip budget, without React', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2020',
      platform: 'browser',
      legalComments: 'none',
      external: ['react', 'react-dom', 'react/jsx-runtime', '@soxara/soxara-js'],
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      logLevel: 'silent',
    });
    const bytes = result.outputFiles[0]!.contents;
    const gzip = gzipSync(bytes, { level: 9 }).length;
    console.log(`@soxara/react-soxara-js: ${bytes.length} bytes, ${gzip} bytes gzip (budget ${BUDGET_GZIP_BYTES})`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    // Nothing but React and the browser API's types is left outside the bundle.
    expect(result.outputFiles[0]!.text).not.toMatch(/from\s*"(?!react(\/jsx-runtime)?")/);
  });
});

/**
 * Builds the merchant script served at `<JS origin>/v1`: one minified IIFE, ES2020, no inline
 * sourcemap (a separate .map beside it). Deterministic: the same sources give the same bytes.
 *
 * Two steps: esbuild bundles and tree-shakes, then terser compresses. Terser's repeated passes
 * (inlining, folding what the first pass exposed) save about 5% gzip over esbuild's one pass,
 * which is most of the room the features of 0.2.0 needed under the 9.5 kB budget.
 */
import { build, type Plugin } from 'esbuild';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
export const outfile = path.join(root, 'dist', 'soxara.js');

/**
 * esbuild keeps every `v.object(…)` of @soxara/protocol, because it does not follow valibot's
 * `@__NO_SIDE_EFFECTS__` annotations through a namespace import; marking the calls pure lets it drop
 * the schemas of the lines the merchant page never reads (frame↔controller, modal views, …).
 */
export const pureValibotCalls: Plugin = {
  name: 'pure-valibot-calls',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]protocol[\\/]src[\\/][\w-]+\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/(?<![\w.])(v\.\w+|digits)\(/g, '/* @__PURE__ */ $1('),
      loader: 'ts',
    }));
  },
};

export interface BundledScript {
  code: string;
  map: string;
}

/**
 * The script from `entry` (this package's src/index.ts unless told), with every build setting of the
 * served file. `plugins` come before the pure-call plugin: the bench points `@soxara/protocol` at an
 * older commit's sources with one, to measure what each feature cost with today's minifier.
 */
export async function bundleSoxaraJs(entry = path.join(root, 'src', 'index.ts'), plugins: Plugin[] = []): Promise<BundledScript> {
  const bundled = await build({
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // Syntax only: terser renames and drops whitespace, with the whole program in view.
    minifySyntax: true,
    sourcemap: 'external',
    legalComments: 'none',
    treeShaking: true,
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [...plugins, pureValibotCalls],
    // Class fields as plain assignments: ES2020 has no class fields, and the defineProperty helper
    // costs bytes for no behaviour we rely on (no accessors are shadowed by fields).
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
  });
  const code = bundled.outputFiles.find((file) => file.path.endsWith('.js'))!.text;
  const map = bundled.outputFiles.find((file) => file.path.endsWith('.js.map'))!.text;
  const minified = await minify(code, {
    ecma: 2020,
    compress: { passes: 3 },
    mangle: { toplevel: true },
    format: { comments: false },
    sourceMap: { content: map, filename: 'soxara.js', url: 'soxara.js.map' },
  });
  return { code: minified.code!, map: minified.map as string };
}

export async function buildSoxaraJs(): Promise<void> {
  const { code, map } = await bundleSoxaraJs();
  mkdirSync(path.dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
  writeFileSync(`${outfile}.map`, map);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSoxaraJs();
  const bytes = readFileSync(outfile);
  console.log(`dist/soxara.js: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} bytes gzip`);
}

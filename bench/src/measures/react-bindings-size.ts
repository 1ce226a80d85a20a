/**
 * 1b. The React bindings: what `@soxara/react-soxara-js` adds to a merchant's app bundle. React is
 * left out (the app has it already), and so is the browser API it is written against (Soxara.js
 * comes from Soxara's origin, the loader is measured on its own). react-stripe-js's counterparts are
 * bundled the same way, with Stripe.js left out likewise. Same esbuild setting as row 1, as an ES
 * module, the way an app bundler takes a library.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { compressedSizes, type Compressed } from '../sizes.ts';
import { benchDir, repoRoot } from '../paths.ts';
import { sharedSettings } from './script-size.ts';

export interface ReactBindingsRow {
  name: string;
  what: string;
  size: Compressed;
  ours: boolean;
}

export interface ReactBindingsSizes {
  rows: ReactBindingsRow[];
  missing: { name: string; reason: string }[];
}

const external = ['react', 'react-dom', 'react/jsx-runtime', '@soxara/soxara-js', '@stripe/stripe-js'];

const bundles = [
  {
    name: '@soxara/react-soxara-js',
    what: 'packages/react-soxara-js/src/index.ts: Elements, PaymentElement, CardElement, useSoxara, useElements',
    entry: path.join(repoRoot, 'packages/react-soxara-js/src/index.ts'),
    ours: true,
  },
  {
    name: `@stripe/react-stripe-js ${packageVersion('@stripe/react-stripe-js')}`,
    what: 'Elements, PaymentElement, CardElement, useStripe, useElements',
    entry: path.join(benchDir, 'peers/react-stripe.js'),
    ours: false,
  },
];

export async function measureReactBindingsSizes(): Promise<ReactBindingsSizes> {
  const rows: ReactBindingsRow[] = [];
  const missing: ReactBindingsSizes['missing'] = [];
  for (const bundle of bundles) {
    try {
      const result = await build({ ...sharedSettings, format: 'esm', external, entryPoints: [bundle.entry], absWorkingDir: benchDir });
      rows.push({ name: bundle.name, what: bundle.what, size: compressedSizes(result.outputFiles[0]!.contents), ours: bundle.ours });
    } catch (error) {
      missing.push({ name: bundle.name, reason: (error instanceof Error ? error.message : String(error)).split('\n')[0]! });
    }
  }
  return { rows, missing };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(benchDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '(not installed)';
  }
}

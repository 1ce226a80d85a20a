/**
 * 1. Merchant-page JavaScript: what a checkout page downloads before the customer can type a card
 * number. Ours is the `/v1` script as built; the peers are bundled from their npm packages in this
 * run with one esbuild setting for all, so no row benefits from a different minifier. Ours is also
 * rebuilt from source with that same setting, for a like-for-like row.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { Unavailable } from '../outcome.ts';
import { addSizes, compressedSizes, type Compressed } from '../sizes.ts';
import { benchDir, repoRoot } from '../paths.ts';

export interface ScriptSizeRow {
  name: string;
  what: string;
  js: Compressed;
  /** A stylesheet the merchant page must also load for card entry (Adyen's). */
  css?: Compressed;
  total: Compressed;
  ours: boolean;
}

export interface ScriptSizes {
  rows: ScriptSizeRow[];
  esbuild: string;
  settings: string;
  /** Rows that could not be produced, with why. */
  missing: { name: string; reason: string }[];
}

export const sharedSettings = {
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  write: false,
  logLevel: 'silent',
} satisfies BuildOptions;

export const oursBuilt = path.join(repoRoot, 'packages/soxara-js-cdn/dist/soxara.js');
const oursSource = path.join(repoRoot, 'packages/soxara-js-cdn/src/index.ts');

const peers = [
  { name: 'Braintree', what: 'braintree-web: client + hosted-fields + three-d-secure', entry: 'peers/braintree.js' },
  { name: 'Adyen', what: '@adyen/adyen-web: AdyenCheckout + Card (+ adyen.css)', entry: 'peers/adyen.js', css: '@adyen/adyen-web/styles/adyen.css' },
  { name: 'Paystack', what: '@paystack/inline-js', entry: 'peers/paystack.js' },
] as const;

export async function measureScriptSizes(): Promise<ScriptSizes> {
  const rows: ScriptSizeRow[] = [];
  const missing: ScriptSizes['missing'] = [];

  if (existsSync(oursBuilt)) {
    const js = compressedSizes(readFileSync(oursBuilt));
    const built = statSync(oursBuilt).mtime.toISOString();
    rows.push({ name: 'Soxara.js /v1', what: `packages/soxara-js-cdn/dist/soxara.js as served (built ${built})`, js, total: js, ours: true });
  } else {
    missing.push({ name: 'Soxara.js /v1', reason: 'packages/soxara-js-cdn/dist/soxara.js is not built (pnpm build)' });
  }
  if (existsSync(oursSource)) {
    try {
      const js = await bundleJs(oursSource);
      const what = 'packages/soxara-js-cdn/src/index.ts with the peers’ settings (without its build’s pure-annotation plugin)';
      rows.push({ name: 'Soxara.js (bench esbuild)', what, js, total: js, ours: true });
    } catch (error) {
      missing.push({ name: 'Soxara.js (bench esbuild)', reason: firstLine(error) });
    }
  } else {
    missing.push({ name: 'Soxara.js (bench esbuild)', reason: 'packages/soxara-js-cdn/src/index.ts does not exist yet' });
  }

  for (const peer of peers) {
    try {
      const js = await bundleJs(path.join(benchDir, peer.entry));
      const css = 'css' in peer ? await bundleCss(peer.css) : undefined;
      rows.push({ name: peer.name, what: peer.what, js, ...(css ? { css } : {}), total: css ? addSizes(js, css) : js, ours: false });
    } catch (error) {
      missing.push({ name: peer.name, reason: firstLine(error) });
    }
  }
  if (rows.length === 0) throw new Unavailable('nothing could be bundled');
  return { rows, missing, esbuild: esbuildVersion(), settings: describeSettings() };
}

async function bundleJs(entry: string): Promise<Compressed> {
  const result = await build({ ...sharedSettings, entryPoints: [entry], absWorkingDir: benchDir });
  return compressedSizes(result.outputFiles[0]!.contents);
}

async function bundleCss(specifier: string): Promise<Compressed> {
  const entry = path.join(benchDir, 'node_modules', specifier);
  const result = await build({ bundle: true, minify: true, write: false, logLevel: 'silent', entryPoints: [entry] });
  return compressedSizes(result.outputFiles[0]!.contents);
}

function describeSettings(): string {
  const { write: _write, logLevel: _logLevel, ...shown } = sharedSettings;
  return JSON.stringify(shown);
}

function esbuildVersion(): string {
  return (JSON.parse(readFileSync(path.join(benchDir, 'node_modules/esbuild/package.json'), 'utf8')) as { version: string }).version;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

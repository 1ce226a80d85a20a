/**
 * 1c. What each feature of 0.2.0 cost the merchant script. Each feature landed as commits whose only
 * script change is that feature; this run builds the script's sources at the commit before it and at
 * the commit after it, both with today's build (packages/soxara-js-cdn/build.ts: the same esbuild and
 * terser settings as the served file), and reports the gzip difference. So a minifier change never
 * reads as a feature's cost, and every figure is measured in this run, not copied from a changelog.
 *
 * Needs the repository's history (`git archive`); in a shallow clone the row says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { bundleSoxaraJs } from '../../../packages/soxara-js-cdn/build.ts';
import { Unavailable } from '../outcome.ts';
import { repoRoot } from '../paths.ts';
import { compressedSizes } from '../sizes.ts';

export interface Feature {
  name: string;
  before: string;
  after: string;
}

/** In the order they landed. Each pair differs in the script's sources by that feature alone. */
export const FEATURES: readonly Feature[] = [
  {
    name: 'customer words: locale auto reads <html lang>, appearance.rules (issue 15)',
    before: 'cffe8bfed4e783521a2f0edab364115d3d90970b',
    after: '3a50a1196bfdc5f71876fdb0f1fb39da2f8ea626',
  },
  {
    name: 'reserved frame height, no layout shift (issue 16)',
    before: 'cffe8bfed4e783521a2f0edab364115d3d90970b',
    after: '9b2349364266e78b8168563b3d2419b03742d28a',
  },
  {
    name: 'offline confirms (issue 16; in the frames)',
    before: '9b2349364266e78b8168563b3d2419b03742d28a',
    after: 'b2031eaf57b62b7d7e15d5173baf462ae07f3e56',
  },
  {
    name: 'deferred intents: submit, update, fetchUpdates (issue 15)',
    before: '300f859bf1e25f179b6c7596ab1ce9c956f0f415',
    after: '1934a81a8e14237cc2486cc84698673b8e9a361e',
  },
];

/** 0.1.0 as released: the commit every feature above starts from. */
export const RELEASE_BASE = FEATURES[0]!.before;

/** What the script is built from: its own sources and @soxara/protocol's (@soxara/soxara-js is types only). */
const SOURCES = ['packages/soxara-js-cdn/src', 'packages/protocol/src'];

export interface FeatureCostRow {
  name: string;
  before: string;
  after: string;
  gzipBefore: number;
  gzipAfter: number;
  /** after − before, bytes gzip. */
  cost: number;
}

export interface FeatureCosts {
  base: { commit: string; gzip: number };
  features: FeatureCostRow[];
  /** The working tree's sources with the same build. */
  now: { gzip: number };
}

export async function measureFeatureCosts(): Promise<FeatureCosts> {
  const gzipAt = memoize((commit: string) => gzipOfCommit(commit));
  const features: FeatureCostRow[] = [];
  for (const feature of FEATURES) {
    const [gzipBefore, gzipAfter] = [await gzipAt(feature.before), await gzipAt(feature.after)];
    features.push({ ...feature, gzipBefore, gzipAfter, cost: gzipAfter - gzipBefore });
  }
  const now = compressedSizes((await bundleSoxaraJs()).code).gzip;
  return { base: { commit: RELEASE_BASE, gzip: await gzipAt(RELEASE_BASE) }, features, now: { gzip: now } };
}

async function gzipOfCommit(commit: string): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), `soxara-js-${commit.slice(0, 7)}-`));
  try {
    try {
      execFileSync('sh', ['-c', `git archive ${commit} ${SOURCES.join(' ')} | tar -x -C "${dir}"`], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch {
      throw new Unavailable(`commit ${commit.slice(0, 7)} is not in this clone's history (a shallow clone?)`);
    }
    const { code } = await bundleSoxaraJs(path.join(dir, 'packages/soxara-js-cdn/src/index.ts'), [protocolAt(dir)]);
    return compressedSizes(code).gzip;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const TODAY = Symbol('resolved from today\'s install');

/** `@soxara/protocol` from the same commit; bare packages (valibot) from today's install. */
function protocolAt(dir: string): Plugin {
  return {
    name: 'protocol-at-commit',
    setup(builder) {
      builder.onResolve({ filter: /^@soxara\/protocol$/ }, () => ({ path: path.join(dir, 'packages/protocol/src/index.ts') }));
      builder.onResolve({ filter: /^@soxara\/soxara-js$/ }, () => ({ path: '@soxara/soxara-js', external: true }));
      builder.onResolve({ filter: /^valibot$/ }, ({ kind, pluginData }) =>
        pluginData === TODAY ? undefined : builder.resolve('valibot', { kind, resolveDir: path.join(repoRoot, 'packages/soxara-js-cdn'), pluginData: TODAY }),
      );
    },
  };
}

function memoize<T>(compute: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    let value = seen.get(key);
    if (!value) seen.set(key, (value = compute(key)));
    return value;
  };
}

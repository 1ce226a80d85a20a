/**
 * Figures that tests measure (messages thrown, cases covered, requests acknowledged, violations…), for the
 * README's "Security and reliability" section. A test appends one JSON line per figure to
 * `.data/figures/<suite>.jsonl`; `scripts/security-report.ts` reads the newest value of each
 * (suite, metric) pair. Appending (not rewriting) keeps concurrent test files from clobbering each other.
 *
 * Import it from any test: vitest (`../../../scripts/figures.ts`) or Playwright (`../scripts/figures.ts`).
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const FIGURES_DIR = process.env['SOXARA_FIGURES_DIR'] ?? join(REPO_ROOT, '.data/figures');

export interface Figure {
  /** The test file or suite that measured it, e.g. `durability`, `messaging-fuzz`, `axe`. */
  suite: string;
  /** What was measured, e.g. `payments_acknowledged`, `messages_thrown`. */
  metric: string;
  value: number;
  /** A few words for the README when the metric name is not enough. */
  note?: string;
  /** ISO time of the measurement; the newest line of a (suite, metric) wins. */
  at: string;
}

const SUITE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Records one figure. A figure that cannot be written only warns: it must not fail the test that measured it. */
export function recordFigure(suite: string, metric: string, value: number, note?: string): void {
  if (!SUITE_NAME.test(suite)) throw new Error(`figure suite must match ${SUITE_NAME}: "${suite}"`);
  const figure: Figure = { suite, metric, value, ...(note ? { note } : {}), at: new Date().toISOString() };
  try {
    mkdirSync(FIGURES_DIR, { recursive: true });
    appendFileSync(join(FIGURES_DIR, `${suite}.jsonl`), `${JSON.stringify(figure)}\n`);
  } catch (error) {
    console.warn(`[figures] could not record ${suite}/${metric}:`, error);
  }
}

/** Records several figures of one suite at once. */
export function recordFigures(suite: string, figures: Record<string, number>, notes: Record<string, string> = {}): void {
  for (const [metric, value] of Object.entries(figures)) recordFigure(suite, metric, value, notes[metric]);
}

function isFigure(value: unknown): value is Figure {
  if (!value || typeof value !== 'object') return false;
  const f = value as Record<string, unknown>;
  return (
    typeof f['suite'] === 'string' &&
    typeof f['metric'] === 'string' &&
    typeof f['value'] === 'number' &&
    Number.isFinite(f['value']) &&
    typeof f['at'] === 'string' &&
    (f['note'] === undefined || typeof f['note'] === 'string')
  );
}

/** The newest value of every (suite, metric), from every `.jsonl` file in `dir`; unreadable lines are skipped. */
export function readFigures(dir: string = FIGURES_DIR): Figure[] {
  if (!existsSync(dir)) return [];
  const newest = new Map<string, Figure>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      if (!isFigure(parsed)) continue;
      const id = `${parsed.suite}\n${parsed.metric}`;
      const previous = newest.get(id);
      if (!previous || previous.at <= parsed.at) newest.set(id, parsed);
    }
  }
  return [...newest.values()].sort((a, b) => a.suite.localeCompare(b.suite) || a.metric.localeCompare(b.metric));
}

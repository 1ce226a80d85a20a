/** The summary rows as a Markdown table (README, console) — one format, readable as plain text too. */
import type { BenchResults } from '../results.ts';
import { summaryRows, type SummaryRow, type Verdict } from './summary.ts';

const marks: Record<Verdict, string> = { met: '✅ met', missed: '❌ missed', 'no goal': '–', 'not available': '⚠️ n/a' };

export function markdownTable(rows: SummaryRow[]): string {
  const header = ['Measure', 'Soxara.js', 'Baseline / peers', 'Goal', 'Verdict'];
  const lines = rows.map((row) => [row.measure, row.soxara, row.baseline, row.goal, marks[row.verdict]].map(cell));
  return [row(header), row(header.map(() => '---')), ...lines.map(row)].join('\n');
}

export function machineLine(results: BenchResults): string {
  const m = results.machine;
  const load = m.loadAverage.end === undefined ? `${m.loadAverage.start}` : `${m.loadAverage.start} → ${m.loadAverage.end}`;
  return (
    `Measured ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu} (${m.cores} cores, ${m.memoryGB} GB, ${m.os}, load ${load}), ` +
    `Node ${m.node}, Chromium ${results.chromium}, commit ${m.commit}; esbuild ${m.versions.esbuild}, autocannon ${m.versions.autocannon}, ` +
    `braintree-web ${m.versions['braintree-web']}, @adyen/adyen-web ${m.versions['@adyen/adyen-web']}, @paystack/inline-js ${m.versions['@paystack/inline-js']}. ` +
    `kB = 1,000 bytes. Whole run: ${Math.round(results.durationS)} s.`
  );
}

export function consoleTable(results: BenchResults): string {
  return `${markdownTable(summaryRows(results))}\n\n${machineLine(results)}`;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

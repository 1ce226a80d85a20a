/**
 * `tsx scripts/security-report.ts [--dry-run]`: rewrites the README's "Security and reliability" section
 * (between `<!-- security:start -->` and `<!-- security:end -->`) from two sources, and runs nothing heavy:
 * - docs/security-checklist.md, the map of the 64 rows of the security checklist: each row's
 *   status and the tests that cover it (each `file` › "fragment" reference is checked to still exist);
 * - the figures the test suites wrote to .data/figures/*.jsonl (scripts/figures.ts), newest value each.
 * So the README's numbers are whatever the last test runs measured, never typed by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIGURES_DIR, REPO_ROOT, readFigures, type Figure } from './figures.ts';

const CHECKLIST = join(REPO_ROOT, 'docs/security-checklist.md');
const README = join(REPO_ROOT, 'README.md');
const START = '<!-- security:start -->';
const END = '<!-- security:end -->';
const HEADING = '## Security and reliability';

export const GROUPS = [
  { letter: 'A', name: 'Card input', rows: 12 },
  { letter: 'B', name: 'Messaging', rows: 10 },
  { letter: 'C', name: 'Loader, frames and page', rows: 9 },
  { letter: 'D', name: 'Confirm and network', rows: 15 },
  { letter: 'E', name: 'Webhooks', rows: 12 },
  { letter: 'F', name: 'Keys and secrets', rows: 6 },
] as const;

export const STATUSES = ['covered', 'partly', 'pending', 'left out'] as const;
export type Status = (typeof STATUSES)[number];

export interface ChecklistRow {
  id: string;
  fault: string;
  status: Status;
  coveredBy: string;
  notes: string;
}

export interface Reference {
  row: string;
  file: string;
  fragment: string | null;
  ok: boolean;
}

/** `pending: browser suite` counts as pending; anything else must be one of STATUSES. */
function parseStatus(cell: string): Status | null {
  const value = cell.replace(/\*/g, '').trim().toLowerCase();
  if (value.startsWith('pending')) return 'pending';
  return (STATUSES as readonly string[]).includes(value) ? (value as Status) : null;
}

export function parseChecklist(markdown: string): { rows: ChecklistRow[]; problems: string[] } {
  const rows: ChecklistRow[] = [];
  const problems: string[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // | id | fault | status | covered by | notes |  → ['', id, fault, status, covered, notes, '']
    if (cells.length < 7 || !/^[A-F]\d{1,2}$/.test(cells[1] ?? '')) continue;
    const status = parseStatus(cells[3] ?? '');
    if (!status) {
      problems.push(`${cells[1]}: unknown status "${cells[3]}" (use ${STATUSES.join(', ')})`);
      continue;
    }
    rows.push({ id: cells[1]!, fault: cells[2]!, status, coveredBy: cells[4]!, notes: cells.slice(5, -1).join(' | ') });
  }
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) problems.push(`${row.id}: listed twice`);
    seen.add(row.id);
    if (row.status !== 'pending' && row.status !== 'left out' && !/`[^`]+`/.test(row.coveredBy)) {
      problems.push(`${row.id}: ${row.status} but names no test file`);
    }
    if (row.status === 'left out' && row.notes.trim() === '') problems.push(`${row.id}: left out without a reason`);
  }
  for (const group of GROUPS) {
    for (let n = 1; n <= group.rows; n++) {
      if (!seen.has(`${group.letter}${n}`)) problems.push(`${group.letter}${n}: missing from the map`);
    }
  }
  return { rows, problems };
}

/** Every `path` › "fragment" in the covered-by cells: the file must exist and contain the fragment. */
export function checkReferences(rows: ChecklistRow[], root: string = REPO_ROOT): Reference[] {
  const references: Reference[] = [];
  // `file` › "a", "b": every quoted fragment after the file is checked.
  const pattern = /`([^`\s]+\.(?:ts|tsx|mjs|js))`(?:\s*›\s*((?:"[^"]+"(?:\s*,\s*)?)+))?/g;
  const files = new Map<string, string | null>();
  const read = (file: string): string | null => {
    if (!files.has(file)) {
      const path = join(root, file);
      files.set(file, existsSync(path) ? readFileSync(path, 'utf8') : null);
    }
    return files.get(file) ?? null;
  };
  for (const row of rows) {
    for (const match of row.coveredBy.matchAll(pattern)) {
      const file = match[1]!;
      const text = read(file);
      const fragments = [...(match[2] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      if (fragments.length === 0) references.push({ row: row.id, file, fragment: null, ok: text !== null });
      for (const fragment of fragments) references.push({ row: row.id, file, fragment, ok: text !== null && text.includes(fragment) });
    }
  }
  return references;
}

const pick = (figures: Figure[], suite: string | RegExp, metric: string | RegExp): Figure[] =>
  figures.filter(
    (f) =>
      (typeof suite === 'string' ? f.suite === suite : suite.test(f.suite)) &&
      (typeof metric === 'string' ? f.metric === metric : metric.test(f.metric)),
  );

const sum = (figures: Figure[]): number => figures.reduce((total, f) => total + f.value, 0);

function headline(label: string, figures: Figure[], describe: (found: Figure[]) => string): string {
  return `- **${label}:** ${figures.length === 0 ? '_not measured yet (no figures file)_' : describe(figures)}`;
}

export function renderSection(rows: ChecklistRow[], references: Reference[], figures: Figure[], date: string): string {
  const total = (status: Status, group?: string) =>
    rows.filter((row) => row.status === status && (!group || row.id.startsWith(group))).length;
  const broken = references.filter((r) => !r.ok);
  const lines: string[] = [];
  lines.push(
    `_Generated by \`tsx scripts/security-report.ts\` on ${date} from [docs/security-checklist.md](docs/security-checklist.md) and the figures the test suites last wrote to \`.data/figures/\`. Do not edit by hand: run the tests, then the script._`,
    '',
    `The checklist of bad inputs and faults ([docs/security-checklist.md](docs/security-checklist.md), ${rows.length} rows): **${total('covered')} covered**, **${total('partly')} partly covered**, ${total('pending') ? `**${total('pending')} pending** (browser suites in progress), ` : ''}**${total('left out')} left out** (each with its reason in the map). ${references.length} test references checked, ${broken.length} broken.`,
    '',
    '| group | rows | covered | partly | pending | left out |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const group of GROUPS) {
    lines.push(
      `| ${group.letter}. ${group.name} | ${group.rows} | ${total('covered', group.letter)} | ${total('partly', group.letter)} | ${total('pending', group.letter)} | ${total('left out', group.letter)} |`,
    );
  }
  const leftOut = rows.filter((row) => row.status === 'left out').map((row) => row.id);
  if (leftOut.length > 0) lines.push('', `Left out on purpose: ${leftOut.join(', ')} (the map gives each reason).`);
  lines.push('', 'Figures from the last test runs:', '');

  lines.push(
    headline('Messaging fuzz (browser)', pick(figures, /fuzz/, /./), (found) => {
      const value = (metric: RegExp) => sum(found.filter((f) => metric.test(f.metric)));
      return (
        `${value(/sent/)} hostile messages sent at the merchant window and every frame; ${value(/thrown/)} exceptions thrown, ` +
        `${value(/state_changes/)} state changes` +
        (found.some((f) => /api_requests/.test(f.metric)) ? `, ${value(/api_requests/)} API requests caused` : '')
      );
    }),
    headline('Isolation (browser)', pick(figures, 'browser-isolation', /./), (found) =>
      found.map((f) => `${f.value} ${f.metric.replace(/_/g, ' ')}${f.note ? ` (${f.note})` : ''}`).join('; '),
    ),
    headline('Merchant CSP (browser)', pick(figures, /csp/, /./), (found) => {
      const value = (metric: RegExp) => sum(found.filter((f) => metric.test(f.metric)));
      return `${value(/payments/)} payments under a strict nonce CSP with \`connect-src 'none'\`, ${value(/violation/)} violations; ${value(/pages/)} frame documents checked for their own CSP header`;
    }),
    headline('Cross-origin isolated merchant pages (browser)', pick(figures, 'browser-coep', /./), (found) =>
      `${sum(found)} payments succeeded on pages sending COOP \`same-origin\` and COEP \`require-corp\` or \`credentialless\` (card, 3-D Secure in the modal, MoMo, wallet), with no request blocked`,
    ),
    headline('Clickjacking (browser)', pick(figures, 'browser-clickjacking', /./), (found) => {
      const value = (metric: string) => found.find((f) => f.metric === metric)?.value ?? 0;
      return `${value('attacks_refused')} of ${value('attacks_staged')} staged attacks on the frame's Pay button (transparent, covered by a decoy, shown or slid under the pointer) refused with nothing sent; ${value('honest_payments')} honest clicks on the same pages paid`;
    }),
    headline('Faults in the browser', pick(figures, 'browser-faults', /./), (found) => {
      const value = (metric: string) => found.find((f) => f.metric === metric)?.value ?? 0;
      return `${value('cases_passed')} of ${value('cases_run')} fault cases ended with at most one charge and the right final state`;
    }),
    headline('Keys and secrets (browser)', pick(figures, 'browser-keys', /./), (found) =>
      found.map((f) => `${f.value} ${f.metric.replace(/_/g, ' ')}`).join('; '),
    ),
    headline('Bad-input cases', pick(figures, /bad-input|checklist/, /cases|refused|malformed|forged/), (found) =>
      `${sum(found)} cases, each answered with a typed 4xx (${found.map((f) => `${f.metric.replace(/_/g, ' ')} ${f.value}`).join(', ')})`,
    ),
    headline('Idempotency under concurrency', pick(figures, 'idempotency', /./), (found) => {
      const value = (metric: string) => found.find((f) => f.metric === metric)?.value;
      const parts: string[] = [];
      if (value('concurrent_confirms_one_key') !== undefined) {
        parts.push(
          `${value('concurrent_confirms_one_key')} concurrent confirms with one key → ${value('concurrent_confirms_charges')} charge (${value('concurrent_confirms_replayed') ?? 0} replayed, ${value('concurrent_confirms_409') ?? 0} × 409)`,
        );
      }
      if (value('two_tab_races') !== undefined) {
        parts.push(`${value('two_tab_races')} two-tab races → ${value('two_tab_double_charges')} double charges`);
      }
      if (value('property_runs') !== undefined) {
        parts.push(
          `a property test of ${value('property_runs')} random concurrent mixes over 3 keys (${value('property_requests')} requests in all) → ${value('property_extra_objects')} extra objects`,
        );
      }
      return parts.join('; ') || found.map((f) => `${f.metric} ${f.value}`).join(', ');
    }),
    headline('Durability (`kill -9` under load)', pick(figures, 'durability', /./), (found) => {
      const value = (metric: string) => found.find((f) => f.metric === metric)?.value ?? 0;
      return (
        `${value('workers')} clients, kill -9 mid-load: ${value('payments_acknowledged')} payments, ${value('confirms_acknowledged')} confirms and ${value('refunds_acknowledged')} refunds acknowledged, ` +
        `**${value('acknowledged_lost')} lost**; ${value('replays_byte_identical')} replays byte-identical; ${value('requests_cut_off_and_retried')} requests cut off by the kill and retried with their keys, ` +
        `of which ${value('duplicate_objects_after_retry')} made a second object and ${value('retries_failed')} failed` +
        (value('duplicate_objects_after_retry') + value('retries_failed') > 0 ? ' (the known crash window between a commit and its stored answer: see D3 in the map)' : '') +
        `; ${value('webhooks_delivered_after_restart')} webhook deliveries completed after the restart; ` +
        `${value('momo_prompts_completed_after_restart')} of ${value('momo_prompts_pending_at_kill')} MoMo prompts pending at the kill completed once after it; ` +
        `${value('attempts_to_removed_endpoints_after_restart')} attempts to deleted or disabled endpoints`
      );
    }),
    headline('Accessibility (axe, WCAG 2 A/AA)', pick(figures, /axe|a11y|accessib/, /./), (found) => {
      const violations = sum(found.filter((f) => f.metric === 'violations' || /^violations?_/.test(f.metric)));
      const checked = sum(found.filter((f) => /pages|checked/.test(f.metric)));
      return `${violations} violations${checked ? ` in ${checked} pages or states checked` : ''}`;
    }),
  );

  if (figures.length > 0) {
    lines.push('', '<details><summary>All figures</summary>', '', '| suite | metric | value | measured |', '| --- | --- | ---: | --- |');
    for (const f of figures) lines.push(`| ${f.suite} | ${f.metric}${f.note ? ` (${f.note})` : ''} | ${f.value} | ${f.at.slice(0, 16).replace('T', ' ')} |`);
    lines.push('', '</details>');
  }
  if (broken.length > 0) {
    lines.push('', `Broken test references in the map: ${broken.map((r) => `${r.row} → ${r.file}${r.fragment ? ` › "${r.fragment}"` : ''}`).join('; ')}.`);
  }
  return lines.join('\n');
}

/** Puts `section` between the markers, adding the heading and markers before "## Changelog" the first time. */
export function spliceReadme(readme: string, section: string): string {
  const block = `${START}\n${section}\n${END}`;
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start >= 0 && end > start) return `${readme.slice(0, start)}${block}${readme.slice(end + END.length)}`;
  const changelog = readme.search(/^## Changelog/m);
  const insert = `${HEADING}\n\n${block}\n\n`;
  return changelog >= 0 ? `${readme.slice(0, changelog)}${insert}${readme.slice(changelog)}` : `${readme.trimEnd()}\n\n${insert}`;
}

function main(): void {
  const dryRun = process.argv.includes('--dry-run');
  if (!existsSync(CHECKLIST)) throw new Error(`${CHECKLIST} is missing`);
  const { rows, problems } = parseChecklist(readFileSync(CHECKLIST, 'utf8'));
  const references = checkReferences(rows);
  const figures = readFigures();
  const section = renderSection(rows, references, figures, new Date().toISOString().slice(0, 10));
  for (const problem of problems) console.error(`checklist: ${problem}`);
  for (const ref of references.filter((r) => !r.ok)) {
    console.error(`checklist: ${ref.row} names ${ref.file}${ref.fragment ? ` › "${ref.fragment}"` : ''}, which does not exist`);
  }
  if (dryRun) {
    console.log(section);
  } else {
    writeFileSync(README, spliceReadme(readFileSync(README, 'utf8'), section));
    console.log(`README.md: security section rewritten (${rows.length} rows, ${figures.length} figures from ${FIGURES_DIR})`);
  }
  if (problems.length > 0 || references.some((r) => !r.ok)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

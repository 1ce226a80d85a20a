/**
 * The reference docs stay true to the sandbox and readable from a clone: docs/api.md names every route of
 * the spec, docs/events.md every event type; the README and docs/ link only to files that exist in the
 * repository (nothing outside it); and every shell command in them uses only variables the same
 * document defines.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@soxara/protocol';
import { OPERATIONS } from '../openapi/operations.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOCS = join(ROOT, 'docs');
const read = (file: string) => readFileSync(file, 'utf8');
const MARKDOWN = [join(ROOT, 'README.md'), ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join(DOCS, f))];

describe('docs/api.md', () => {
  it('documents every route the spec has', () => {
    const api = read(join(DOCS, 'api.md'));
    const missing = OPERATIONS.filter((op) => op.path.startsWith('/v1/') && !api.includes(`${op.method.toUpperCase()} ${op.path}`)).map(
      (op) => `${op.method.toUpperCase()} ${op.path}`,
    );
    expect(missing).toEqual([]);
  });
});

describe('docs/events.md', () => {
  it('has a row for each of the 27 event types', () => {
    const rows = read(join(DOCS, 'events.md')).split('\n').filter((line) => line.startsWith('| `'));
    const documented = rows.map((line) => /^\| `([a-z_.]+)`/.exec(line)?.[1]);
    for (const type of EVENT_TYPES) expect(documented, type).toContain(type);
  });
});

describe('the README and docs/', () => {
  it.each(MARKDOWN.map((file) => [file.slice(ROOT.length), file]))('%s points only inside the repository', (_name, file) => {
    const text = read(file);
    expect(text).not.toMatch(/(\.\.\/|\/work\/)shared\b|shared\/(DESIGN|seeds|research)/);
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
    const broken = targets.filter((target) => !existsSync(resolve(dirname(file), target)));
    expect(broken).toEqual([]);
  });

  it.each(MARKDOWN.map((file) => [file.slice(ROOT.length), file]))('%s defines every variable its shell commands use', (_name, file) => {
    const blocks = [...read(file).matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const defined = new Set<string>();
    const undefinedVars: string[] = [];
    for (const block of blocks) {
      for (const line of block.split('\n')) {
        const code = line.replace(/\s#.*$/, '');
        for (const [, name] of code.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g)) if (!defined.has(name!)) undefinedVars.push(name!);
        for (const [, name] of code.matchAll(/(?:^|\s|export\s+)([A-Z_][A-Z0-9_]*)=/g)) defined.add(name!);
      }
    }
    expect(undefinedVars).toEqual([]);
  });
});

/**
 * The card frame's size budget: card.html plus every script and stylesheet it loads, gzipped, from
 * the built dist/ (run `pnpm --filter @soxara/frames build` first; skipped with a note when absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
// 20 kB until appearance.rules (its allowlist and stylesheet, about 0.5 kB) and the currency symbols
// and per-element settings of issue 15 (about 0.5 kB); the rest is room for the live updates.
export const CARD_FRAME_BUDGET_BYTES = 21_500;

/** card.html and the same-origin /frames/ scripts, module preloads and stylesheets it references. */
function cardFrameFiles(): string[] {
  const html = readFileSync(path.join(dist, 'card.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/frames\/([^"]+)"/g)].map((match) => match[1]!);
  return ['card.html', ...refs];
}

// Locally a unit run before any build skips it; `pnpm test` (and CI) builds first, where it must run.
describe.skipIf(!process.env.CI && !existsSync(path.join(dist, 'card.html')))('card frame size', () => {
  it(`stays within ${CARD_FRAME_BUDGET_BYTES} bytes gzip (HTML + JS + CSS)`, () => {
    const files = cardFrameFiles();
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.endsWith('.css'))).toBe(true);
    const sizes = files.map((file) => [file, gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length] as const);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    console.log(`card frame: ${total} bytes gzip (${sizes.map(([file, size]) => `${file} ${size}`).join(', ')})`);
    expect(total).toBeLessThanOrEqual(CARD_FRAME_BUDGET_BYTES);
  });

  it('loads no chunk it does not need: nothing imported at run time beyond what card.html lists', () => {
    const [, ...assets] = cardFrameFiles();
    for (const asset of assets.filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(path.join(dist, asset), 'utf8');
      expect(code).not.toMatch(/import\(|from"\.\//);
    }
  });
});

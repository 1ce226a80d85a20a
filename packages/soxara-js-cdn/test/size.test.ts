import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSoxaraJs, outfile } from '../build.ts';

/** The budget of the merchant script (DESIGN: "tiny"): 9.5 kB gzip (kB = 1,000 bytes), aiming for 8. */
const BUDGET_GZIP_BYTES = 9_500;

describe('dist/soxara.js', () => {
  it('stays within its gzip budget', async () => {
    await buildSoxaraJs();
    const bytes = readFileSync(outfile);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    console.log(`soxara.js: ${bytes.length} bytes, ${gzip} bytes gzip (budget ${BUDGET_GZIP_BYTES})`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('is deterministic and carries no inline sourcemap or card-field schema', async () => {
    await buildSoxaraJs();
    const first = readFileSync(outfile, 'utf8');
    await buildSoxaraJs();
    expect(readFileSync(outfile, 'utf8')).toBe(first);
    expect(first).not.toContain('sourceMappingURL=data:');
    expect(first).not.toContain('card-collected');
  });
});

/**
 * `pnpm docs:openapi`: writes docs/openapi.json from the operation table. `--check` writes nothing and
 * exits 1 when the file is not what the table generates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { OPENAPI_FILE as SPEC_FILE, renderOpenApiSpec } from './spec.ts';

const text = renderOpenApiSpec();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(SPEC_FILE, 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (current !== text) {
    console.error(`${SPEC_FILE} is out of date: run pnpm docs:openapi`);
    process.exit(1);
  }
} else {
  writeFileSync(SPEC_FILE, text);
  console.log(`wrote ${SPEC_FILE}`);
}

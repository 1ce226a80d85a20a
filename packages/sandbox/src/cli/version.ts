/** The version of @soxara/sandbox, read from its package.json: beside dist/ when installed, above src/ here. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === '@soxara/sandbox' && typeof manifest.version === 'string') return manifest.version;
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/**
 * `.soxara/` of the merchant's project (or SOXARA_DATA_DIR): the sandbox's database and `keys.json`,
 * where `soxara dev` writes the default account's keys and the URLs it serves, so that the other
 * commands, run from the same folder, need no flags. The folder ignores itself in git (the secret key
 * is a test key, but keys do not belong in a repository).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { parseKey } from '@soxara/protocol';
import { DATABASE_FILE } from '../store/database.ts';
import type { CliIo } from './command.ts';
import { usageError } from './errors.ts';

export const DEFAULT_FOLDER = '.soxara';
const KEY_FILE = 'keys.json';

const TestKey = (kind: 'publishable' | 'secret') =>
  v.pipe(
    v.string(),
    v.check((key) => {
      const parsed = parseKey(key);
      return parsed?.kind === kind && parsed.mode === 'test';
    }),
  );

const KeyFileSchema = v.object({
  publishable_key: TestKey('publishable'),
  secret_key: TestKey('secret'),
  /** Where the last `soxara dev` of this folder served the API and the JS origin. */
  api_url: v.optional(v.pipe(v.string(), v.url())),
  js_url: v.optional(v.pipe(v.string(), v.url())),
});

export type KeyFile = v.InferOutput<typeof KeyFileSchema>;

export function projectFolder(io: Pick<CliIo, 'env' | 'cwd'>): string {
  return path.resolve(io.cwd, io.env['SOXARA_DATA_DIR'] || DEFAULT_FOLDER);
}

/** The key file of the folder; null when there is none. A file that is not one is an error, not "none". */
export function readKeyFile(folder: string): KeyFile | null {
  const file = path.join(folder, KEY_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    json = null;
  }
  const parsed = v.safeParse(KeyFileSchema, json);
  if (!parsed.success) throw usageError(`${file} is not a key file of soxara dev: delete it, or run soxara dev --reset`);
  return parsed.output;
}

export function writeKeyFile(folder: string, keys: KeyFile): void {
  mkdirSync(folder, { recursive: true });
  const ignore = path.join(folder, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# Written by soxara dev: the sandbox database and its keys stay out of git.\n*\n');
  const file = path.join(folder, KEY_FILE);
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  // `mode` applies only to a new file; one left by an older run or another tool is narrowed too.
  chmodSync(file, 0o600);
}

/**
 * Forgets the sandbox of this folder: its database (with the WAL beside it) and the key file. Only
 * those files, never the folder, which SOXARA_DATA_DIR may point anywhere.
 */
export function resetProjectFolder(folder: string): void {
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEY_FILE]) {
    rmSync(path.join(folder, name), { force: true });
  }
}

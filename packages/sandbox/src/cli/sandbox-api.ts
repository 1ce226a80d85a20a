/**
 * How the commands that talk to a running sandbox (listen, trigger, events, payments) find it and call
 * it: the secret key from `--api-key`, SOXARA_SECRET_KEY or the folder's `.soxara/keys.json`; the URL
 * from `--api-url`, SOXARA_API_URL, that key file, or http://localhost:4010. Calls go through the server
 * SDK, with its errors turned into one line each: no answer is exit 2, an API error exit 1.
 */
import { Soxara, SoxaraConnectionError, SoxaraError } from '@soxara/node';
import { parseKey } from '@soxara/protocol';
import { parseHttpUrl } from './args.ts';
import type { CliIo } from './command.ts';
import { CliError, usageError } from './errors.ts';
import { projectFolder, readKeyFile, type KeyFile } from './project-folder.ts';

export const DEFAULT_API_URL = 'http://localhost:4010';

/** The flags every API command takes. */
export const API_OPTIONS = {
  'api-key': { type: 'string' },
  'api-url': { type: 'string' },
} as const;

export const API_OPTIONS_HELP = `  --api-key <sxs_test_…>  the secret key (default: SOXARA_SECRET_KEY, else the key soxara dev
                          keeps in ./.soxara/keys.json)
  --api-url <url>         the sandbox (default: SOXARA_API_URL, else where soxara dev last ran in
                          this folder, else ${DEFAULT_API_URL})`;

export interface SandboxApi {
  client: Soxara;
  /** The sandbox's origin, for messages. */
  url: string;
  /** Runs one call; an SDK error becomes a CliError saying what happened. */
  call<T>(request: (client: Soxara) => Promise<T>): Promise<T>;
  /**
   * A POST the server SDK has no method for yet (`/v1/events/:id/resend`): the envelope's `data`, or a
   * CliError as `call` makes them.
   */
  post<T>(path: string, body: object): Promise<T>;
}

export function connectToSandbox(flags: { 'api-key'?: string | undefined; 'api-url'?: string | undefined }, io: CliIo): SandboxApi {
  let keyFile: KeyFile | null | undefined;
  const saved = () => (keyFile === undefined ? (keyFile = readKeyFile(projectFolder(io))) : keyFile);
  const key = flags['api-key'] ?? (io.env['SOXARA_SECRET_KEY'] || saved()?.secret_key);
  if (!key) {
    throw usageError('no secret key: pass --api-key, set SOXARA_SECRET_KEY, or run this where soxara dev runs (it keeps its keys in .soxara/)');
  }
  const parsed = parseKey(key);
  if (parsed?.kind !== 'secret' || parsed.mode !== 'test') {
    throw usageError('the API key must be a secret test key (sxs_test_…)');
  }
  const rawUrl = flags['api-url'] ?? (io.env['SOXARA_API_URL'] || saved()?.api_url || DEFAULT_API_URL);
  const url = parseHttpUrl('the API URL', rawUrl).origin;
  // No retries: a CLI call either gets its answer or says at once that the sandbox is not there.
  const client = new Soxara(key, { baseUrl: url, maxNetworkRetries: 0, timeoutMs: 15_000 });
  return {
    client,
    url,
    async call(request) {
      try {
        return await request(client);
      } catch (error) {
        throw toCliError(error, url);
      }
    },
    async post<T>(path: string, body: object): Promise<T> {
      let answer: { success?: boolean; data?: T; error?: { message?: string; code?: string } };
      try {
        const response = await fetch(`${url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        answer = (await response.json()) as typeof answer;
      } catch {
        // No answer, or not the sandbox's JSON: either way nothing the sandbox said.
        throw unreachable(url);
      }
      if (answer.success !== true) {
        const code = answer.error?.code;
        throw new CliError('refused', `${answer.error?.message ?? 'the sandbox refused the request'}${code ? ` (${code})` : ''}`);
      }
      return answer.data as T;
    },
  };
}

function unreachable(url: string): CliError {
  return new CliError('unreachable', `cannot reach the sandbox at ${url} (is soxara dev running? --api-url names another)`);
}

function toCliError(error: unknown, url: string): unknown {
  if (error instanceof SoxaraConnectionError) return unreachable(url);
  if (error instanceof SoxaraError) {
    return new CliError('refused', `${error.message}${error.code ? ` (${error.code})` : ''}`);
  }
  return error;
}

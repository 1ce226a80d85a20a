/**
 * Runs a command the way a merchant's shell would, and fails with everything it printed: when npm or
 * tsc refuses something, their own words are the diagnosis.
 *
 * The environment is the caller's minus what the workspace's tools add to it: `pnpm test` exports
 * `npm_config_*` settings and puts the workspace's `node_modules/.bin` first on PATH, so a bare `tsc`
 * or `npm` would otherwise run with the workspace's tools and configuration instead of the merchant's.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly command: string,
    readonly result: CommandResult,
  ) {
    super(`\`${command}\` exited with ${result.code}\n--- stdout\n${result.stdout.trim()}\n--- stderr\n${result.stderr.trim()}`);
  }
}

/** The environment of a shell outside the workspace: no npm/pnpm settings, no workspace binaries. */
export function outsideEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_)/i.test(name) || name === 'NODE_OPTIONS' || name === 'NODE_PATH' || name === 'INIT_CWD') continue;
    env[name] = value;
  }
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.startsWith(REPO_ROOT))
    .join(path.delimiter);
  return { ...env, ...extra };
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command after this long; the error then says so. Default 5 minutes. */
  timeoutMs?: number;
}

/** Runs `file args…` to completion; rejects with a CommandError unless it exits 0. */
export async function run(file: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  const result = await runToEnd(file, args, options);
  if (result.code !== 0) throw new CommandError([file, ...args].join(' '), result);
  return result;
}

/** Runs `file args…` to completion and resolves whatever the exit code. */
export function runToEnd(file: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? outsideEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timeoutMs = options.timeoutMs ?? 300_000;
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, ms: performance.now() - started });
    });
  });
}

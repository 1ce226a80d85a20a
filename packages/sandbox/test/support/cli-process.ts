/**
 * The `soxara` CLI as a real process, run from this package's sources (`node --import tsx
 * src/cli/main.ts`) in a folder of the test's choosing, the way a merchant's terminal runs it: the
 * exit code, stdout and stderr are what the tests assert. Node is spawned directly, not through the
 * tsx CLI, so that a SIGINT reaches the CLI itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI_MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * A bound for tests that start CLI processes (each compiles the sources through tsx): generous, since
 * on a loaded shared machine a start alone can take seconds. A bound, never a timing assertion.
 */
export const PROCESS_TIMEOUT_MS = 90_000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /** On top of a clean environment: no SOXARA_* of the developer's shell leaks into a test. */
  env?: Record<string, string>;
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('SOXARA_') && name !== 'HOST') env[name] = value;
  return { ...env, ...extra };
}

/**
 * How a test starts `soxara <args>`: from the sources (the default), or as npm installed it. Either
 * way in a process group of its own (`detached`), so that interrupt() is what Ctrl-C in a terminal is:
 * SIGINT to every process of the group, which under `npx` is npm, its shell and the CLI.
 */
export type Launch = (args: string[], options: CliOptions) => ChildProcess;

const fromSources: Launch = (args, options) =>
  spawn(process.execPath, ['--import', TSX_LOADER, CLI_MAIN, ...args], {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });

/** A folder of its own for one test: a merchant's project. */
export function projectFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'soxara-cli-'));
}

/** Runs a command to its end. */
export function runCli(args: string[], options: CliOptions, launch: Launch = fromSources): Promise<CliRun> {
  const child = launch(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningCli {
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout, as soon as it is printed. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Ctrl-C, then the exit code. */
  interrupt(): Promise<number | null>;
  /** Resolves with the exit code when the process ends on its own. */
  exited(): Promise<number | null>;
  /** SIGKILL, for clean-up after a failed test; resolves once the process is gone. */
  kill(): Promise<void>;
}

/** Starts a long-running command (dev, listen). */
export function startCli(args: string[], options: CliOptions, launch: Launch = fromSources): RunningCli {
  const child = launch(args, options);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) =>
    child.once('close', (code, signal) => {
      if (signal) stderr += `[killed by ${signal}]`;
      resolve(code);
    }),
  );
  void exit.then(notify);

  return {
    pid: child.pid ?? -1,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForOutput(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) return finish(() => resolve(match));
          if (child.exitCode !== null || child.signalCode !== null) {
            finish(() => reject(new Error(`the CLI exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${stdout}\n${stderr}`)));
          }
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async interrupt() {
      signalGroup(child, 'SIGINT');
      return exit;
    },
    exited: () => exit,
    async kill() {
      signalGroup(child, 'SIGKILL');
      await exit;
    },
  };
}

/** The signal to the child's whole process group (it leads one: `detached`), while it runs. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  process.kill(-child.pid, signal);
}

export interface DevSandbox {
  cli: RunningCli;
  apiUrl: string;
  jsUrl: string;
  publishableKey: string;
  secretKey: string;
}

/** `soxara dev` on ports the OS picks, once it says it is ready, with what its banner printed. */
export async function startDev(options: CliOptions, extraArgs: string[] = [], launch: Launch = fromSources): Promise<DevSandbox> {
  const cli = startCli(['dev', '--api-port', '0', '--js-port', '0', ...extraArgs], options, launch);
  try {
    await cli.waitForOutput(/^Ready\./m);
  } catch (error) {
    await cli.kill();
    throw error;
  }
  const banner = cli.stdout();
  const field = (pattern: RegExp) => pattern.exec(banner)?.[1] ?? '';
  return {
    cli,
    apiUrl: field(/^\s+API\s+(\S+)$/m),
    jsUrl: field(/^\s+JS origin\s+(\S+)\/v1\s/m),
    publishableKey: field(/^\s+publishable\s+(\S+)$/m),
    secretKey: field(/^\s+secret\s+(\S+)$/m),
  };
}

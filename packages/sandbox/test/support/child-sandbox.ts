/**
 * The real sandbox as a separate process (`node --import tsx packages/sandbox/src/main.ts`), so a test can
 * `kill -9` it: nothing in-process (no `close()`, no flushed buffers) survives, exactly as in a crash.
 * Node is spawned directly, not through the `tsx` CLI, whose wrapper would take the SIGKILL instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const MAIN = 'packages/sandbox/src/main.ts';

export interface ChildSandboxOptions {
  port: number;
  dataDir: string;
  /** SOXARA_* settings (timers, keys) on top of the port and data dir. */
  env: Record<string, string>;
  /** Extra modules to `--import` before the sandbox (absolute paths): fault injection. */
  preload?: string[];
  startTimeoutMs?: number;
}

export interface ChildSandbox {
  url: string;
  pid: number;
  /** SIGKILL, then resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean shutdown), SIGKILL if it lingers. */
  stop(): Promise<void>;
  /** What the process printed, for failure messages. */
  output(): string;
}

/** A port nothing listens on right now (the OS picks it; the restart reuses it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

export async function spawnSandbox(options: ChildSandboxOptions): Promise<ChildSandbox> {
  const preload = (options.preload ?? []).flatMap((path) => ['--import', pathToFileURL(path).href]);
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...options.env,
      SOXARA_API_PORT: String(options.port),
      SOXARA_DATA_DIR: options.dataDir,
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;

  const deadline = Date.now() + (options.startTimeoutMs ?? 15_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`sandbox exited during start (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sandbox did not answer /healthz in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    url,
    pid: child.pid ?? -1,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited(child);
      clearTimeout(timer);
    },
    output: () => output,
  };
}

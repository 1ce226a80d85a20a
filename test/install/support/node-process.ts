/**
 * A long-running Node program of the merchant's project (a server), started outside the workspace's
 * environment, that reports by printing one JSON object per line. Tests wait for the line they
 * expect, never for a duration; a wait that ends without it fails with everything the program printed.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { outsideEnv } from './run.ts';

export interface NodeProcess {
  /** Resolves the first JSON line (already printed or still to come) that `match` accepts. */
  waitForLine<T>(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<T>;
  /** Every JSON line printed so far. */
  lines(): Record<string, unknown>[];
  stop(): Promise<void>;
}

export function startNodeProcess(script: string, options: { cwd: string; env: Record<string, string> }): NodeProcess {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, [script], {
    cwd: options.cwd,
    env: outsideEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed: Record<string, unknown>[] = [];
  let output = '';
  let pending = '';
  let exited: string | null = null;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());

  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      try {
        const value: unknown = JSON.parse(line);
        if (value !== null && typeof value === 'object') parsed.push(value as Record<string, unknown>);
      } catch {
        // Not one of the program's reports: kept in `output` for the failure message only.
      }
    }
    notify();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
    notify();
  });

  return {
    lines: () => [...parsed],
    waitForLine<T>(match: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const check = (): void => {
          const found = parsed.find(match);
          if (found) finish(() => resolve(found as T));
          else if (exited) finish(() => reject(new Error(`${script} ${exited} before printing the expected line:\n${output}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`${script} did not print the expected line within ${timeoutMs} ms:\n${output}`))), timeoutMs);
        const finish = (settle: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * `runCli` in the test's own process, with its lines captured: for tables of cases (every event type,
 * every usage error) where a process per case would only add start-up time. cli-process.ts runs the
 * real executable, for what only a process shows (exit codes, signals, stderr).
 */
import { runCli } from '../../src/cli/run.ts';

export interface CapturedRun {
  code: number;
  out: string[];
  err: string[];
}

export async function runInProcess(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CapturedRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(...line.split('\n')),
    err: (line) => err.push(...line.split('\n')),
    env: options.env ?? {},
    cwd: options.cwd,
    // Only dev and listen wait for it, and those run as processes.
    untilStopped: () => new Promise<void>(() => {}),
  });
  return { code, out, err };
}

/**
 * The bench's stack: `scripts/start.ts --reset`, the launcher `pnpm start` and the browser suites use,
 * described with scripts/stack-settings.ts on ports no test or developer uses, with fixed keys and
 * MoMo timers chosen for the measurements:
 *   - the MoMo outcome delay is long (60 s), so an approval the bench sends is never raced by the
 *     sandbox's own synthetic answer;
 *   - the prompt expiry is short (35 s: past one 30-s long poll, so the re-poll is seen), so a
 *     never-answered prompt can be watched to its end within the run (its request count is then
 *     projected to a real 5-minute prompt; see momo-wallet.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describeStack } from '../../scripts/stack-settings.ts';
import { repoRoot } from './paths.ts';

const { env, ...described } = describeStack({
  apiPort: 4210,
  jsPort: 4220,
  demoPort: 3200,
  // Not measured, but started by scripts/start.ts: kept off the developer's default port.
  reactDemoPort: 3201,
  dataDir: '.data/bench',
  publishableKey: 'sxm_test_benchBENCHbench0001',
  secretKey: 'sxs_test_benchBENCHbench0001',
  momoDelayMs: 60_000,
  momoExpiryMs: 35_000,
  webhookRetryMs: 200,
});

export const benchStack = described;

export interface RunningStack {
  /** Whether each server answered; when not, why. */
  api: boolean;
  apiDown: string;
  js: boolean;
  jsDown: string;
  log: () => string;
  stop: () => Promise<void>;
}

export async function startStack(): Promise<RunningStack> {
  const busy = await portsInUse();
  if (busy) {
    const reason = `${busy} was already in use, so the stack was not started (a bench still running?)`;
    return { api: false, apiDown: reason, js: false, jsDown: reason, log: () => '', stop: async () => {} };
  }
  const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
  const child: ChildProcess = spawn(tsx, ['scripts/start.ts', '--reset'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const [api, js] = await Promise.all([
    waitUntilAnswering(`${benchStack.apiUrl}/v1/payments`, () => exited),
    waitUntilAnswering(`${benchStack.jsUrl}/health`, () => exited, true),
  ]);
  return {
    api: api === null,
    apiDown: api ?? '',
    js: js === null,
    jsDown: js ?? '',
    log: () => output,
    stop: async () => {
      if (exited || child.pid === undefined) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      // The stack's own SIGTERM handler stops its children; the group kill is the fallback.
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone: nothing left to stop.
        }
      }, 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

async function portsInUse(): Promise<string | null> {
  for (const url of [benchStack.apiUrl, benchStack.jsUrl]) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return url;
    } catch {
      // Nothing listening there: free, as wanted.
    }
  }
  return null;
}

/** Resolves null once the URL answers (any status; `needOk` wants a 2xx), or a reason after 45 s. */
async function waitUntilAnswering(url: string, hasExited: () => boolean, needOk = false): Promise<string | null> {
  const deadline = Date.now() + 45_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (hasExited()) return `the stack exited (${last})`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (!needOk || response.ok) return null;
      last = `${url} answered ${response.status}`;
    } catch (error) {
      last = `${url}: ${error instanceof Error ? error.message : String(error)}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return `${url} did not answer within 45 s (${last})`;
}

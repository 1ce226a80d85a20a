/**
 * `pnpm bench`: measures Soxara.js against its peers, its floors and its goals, then writes
 * bench/results.json, bench/report.html and the table in bench/README.md, and prints the table.
 *
 * It builds nothing (like the e2e suite): run `pnpm build` first so the sizes and the browser runs see
 * the current code. Every measurement that cannot run (a part not built, a server that does not
 * start) is reported as "not available: <reason>", and the run goes on.
 *
 * `--quick` takes a few samples of each, to check the harness; its numbers are not for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { attempt, type Outcome } from './src/outcome.ts';
import { describeMachine, endLoad } from './src/machine.ts';
import { benchDir } from './src/paths.ts';
import { benchStack, startStack, type RunningStack } from './src/stack.ts';
import { merchantUrl, startMerchantServers } from './src/merchant-server.ts';
import { launchBrowser } from './src/browser.ts';
import { measureScriptSizes } from './src/measures/script-size.ts';
import { measureReactBindingsSizes } from './src/measures/react-bindings-size.ts';
import { measureFeatureCosts } from './src/measures/feature-cost.ts';
import { measureFramePayloads } from './src/measures/frame-payload.ts';
import { checkServedScript } from './src/measures/served-script.ts';
import { measureMountReady } from './src/measures/mount-ready.ts';
import { measureKeystrokes } from './src/measures/keystroke.ts';
import { measureConfirmOverhead } from './src/measures/confirm-overhead.ts';
import { measureMomoWallet } from './src/measures/momo-wallet.ts';
import { measureApiThroughput } from './src/measures/api-throughput.ts';
import { measureSlow3g } from './src/measures/slow-3g.ts';
import type { BenchResults } from './src/results.ts';
import { consoleTable, machineLine, markdownTable } from './src/report/table.ts';
import { summaryRows } from './src/report/summary.ts';
import { htmlReport } from './src/report/html.ts';
import { writeReadmeTable } from './src/report/readme.ts';

const quick = process.argv.includes('--quick');
const plan = quick
  ? { mountPairs: 4, keystrokes: 20, confirmPairs: 2, approvalsEach: 2, apiLevels: [1, 16, 64], apiSeconds: 2, slow3gRuns: 1 }
  : { mountPairs: 20, keystrokes: 300, confirmPairs: 15, approvalsEach: 8, apiLevels: [1, 16, 64], apiSeconds: 6, slow3gRuns: 5 };

/** `--only=mount,keys` runs a subset while working on the harness (sizes, frames, mount, keys, confirm, momo, slow3g, api). */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (key: string) => !only || only.includes(key);
const skipped: Outcome<never> = { status: 'unavailable', reason: 'skipped (--only)' };

const started = Date.now();
const machine = describeMachine();
console.log(`Soxara.js bench${quick ? ' (--quick: harness check, not for the README)' : ''}\n`);

const scriptSizes = !wanted('sizes') ? skipped : await attempt('1. merchant-page JS sizes', measureScriptSizes);
const reactBindings = !wanted('sizes') ? skipped : await attempt('1b. React bindings size', measureReactBindingsSizes);
const featureCosts = !wanted('sizes') ? skipped : await attempt('1c. what each feature cost the script', measureFeatureCosts);
const framePayloads = !wanted('frames') ? skipped : await attempt('2. frame payloads', measureFramePayloads);

const stopMerchant = await startMerchantServers(benchStack.jsUrl).catch((error: Error) => {
  console.log(`the bench's merchant pages could not start: ${error.message}`);
  return null;
});
process.stdout.write('• starting the stack (scripts/start.ts --reset) … ');
const stack = await startStack();
// The stack runs in its own process group (so it can be stopped as a whole): Ctrl-C must reach it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping the stack`);
    void Promise.all([stack.stop(), stopMerchant?.(), browser?.close()]).finally(() => process.exit(130));
  });
}
console.log(stack.api && stack.js ? 'up' : `partly: ${[stack.apiDown, stack.jsDown].filter(Boolean).join('; ')}`);

const servedScript = !wanted('sizes')
  ? skipped
  : stack.js
    ? await attempt('1b. /v1 as served', () => checkServedScript(benchStack.jsUrl))
    : notStarted(`the JS server did not start: ${stack.jsDown}`);

let browser: Browser | undefined;
let chromium = 'not launched';
const browserGap = browserUnavailable(stack);
try {
  if (!browserGap) {
    browser = await launchBrowser();
    chromium = browser.version();
  }
} catch (error) {
  chromium = `failed to launch: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}
const withBrowser = <T>(label: string, run: (browser: Browser) => Promise<T>, timeoutMs: number): Promise<Outcome<T>> => {
  if (browserGap) return Promise.resolve(notStarted(browserGap));
  if (!browser) return Promise.resolve(notStarted(`Chromium ${chromium}`));
  const open = browser;
  return attempt(label, () => withTimeout(run(open), timeoutMs, label));
};

const mountReady = !wanted('mount') ? skipped : await withBrowser('3. mount() → ready', (b) => measureMountReady(b, plan.mountPairs), 100_000);
const keystrokes = !wanted('keys') ? skipped : await withBrowser('4. keystroke → change', (b) => measureKeystrokes(b, plan.keystrokes), 60_000);
const confirm = !wanted('confirm') ? skipped : await withBrowser('5. confirmPayment overhead', (b) => measureConfirmOverhead(b, plan.confirmPairs), 60_000);
const momoWallet = !wanted('momo') ? skipped : await withBrowser('6. MoMo / wallet waits', (b) => measureMomoWallet(b, plan.approvalsEach), benchStack.momoExpiryMs + 40_000);
await browser?.close();
// A Chromium of its own, behind the throttling proxy.
const slow3g: BenchResults['slow3g'] = !wanted('slow3g')
  ? skipped
  : browserGap
    ? notStarted(browserGap)
    : await attempt('8. Slow 3G: script tag → ready, round trips, CLS', () => withTimeout(measureSlow3g(plan.slow3gRuns), 240_000, 'Slow 3G'));

const api: BenchResults['api'] = !wanted('api')
  ? skipped
  : stack.api
  ? await attempt('7. sandbox API under load', () =>
      withTimeout(measureApiThroughput(plan.apiLevels, plan.apiSeconds, machine.versions.autocannon ?? '?'), 90_000, 'autocannon'),
    )
  : notStarted(`the sandbox did not start: ${stack.apiDown}`);

await stack.stop();
await stopMerchant?.();
endLoad(machine);

const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  durationS: (Date.now() - started) / 1000,
  machine,
  chromium,
  stack: { apiUrl: benchStack.apiUrl, jsUrl: benchStack.jsUrl, merchantUrl, momoDelayMs: benchStack.momoDelayMs, momoExpiryMs: benchStack.momoExpiryMs },
  scriptSizes,
  servedScript,
  reactBindings,
  featureCosts,
  framePayloads,
  mountReady,
  keystrokes,
  confirm,
  momoWallet,
  api,
  slow3g,
};

const out = quick || only ? path.join(benchDir, '.quick') : benchDir;
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(out, 'report.html'), htmlReport(results));
if (!quick && !only) writeReadmeTable(path.join(benchDir, 'README.md'), `${markdownTable(summaryRows(results))}\n\n${machineLine(results)}`);
console.log(`\n${consoleTable(results)}\n\nWrote ${path.relative(process.cwd(), path.join(out, 'results.json'))}, ${path.relative(process.cwd(), path.join(out, 'report.html'))}${quick ? '' : ' and the table in bench/README.md'}.`);
if (!stack.api || !stack.js) console.log(`\nLast stack output:\n${stack.log().split('\n').slice(-15).join('\n')}`);
process.exit(0);

function notStarted(reason: string): Outcome<never> {
  return { status: 'unavailable', reason };
}

function browserUnavailable(stack: RunningStack): string | null {
  if (!stopMerchant) return `the bench's merchant pages could not start (ports ${merchantUrl}, 4231)`;
  if (!stack.api) return `the sandbox did not start: ${stack.apiDown}`;
  if (!stack.js) return `the JS / frames server did not start: ${stack.jsDown}`;
  return null;
}

function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

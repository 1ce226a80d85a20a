/**
 * 6. MoMo and wallet waits, seen from the merchant page.
 *   - Approval → resolve: the SDK confirms (`confirmPayment({clientSecret, paymentMethod})`); once the
 *     payment is `requires_action` and the customer has "taken" a second, the bench approves through
 *     the test helper; the time is from just before that request to the promise resolving (both
 *     `Date.now()`, one machine clock). Runs alternate MoMo and wallet on one page.
 *   - Requests over a whole prompt: a MoMo number that never answers (+231880000004), watched until
 *     the SDK resolves with `prompt_expired`, counting every request the browser makes to the API
 *     (Playwright's page request events, which include its frames'; it does not report CORS preflights). The
 *     prompt lives SOXARA_MOMO_EXPIRY_MS: shortened timers, not a fake clock, because the sandbox's
 *     long poll holds in real time. The count is projected to a real 5-minute prompt in two ways:
 *     linearly from the observed rate (the headline: an upper bound for a long poll, whose last wait
 *     is cut short by the outcome), and, when every retrieve was a long poll, as the other requests
 *     + ⌈300 s / the longest wait⌉ + 1 (the SDK may shorten its last wait to the prompt's end).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { summarize, type Distribution } from '../stats.ts';
import { benchStack } from '../stack.ts';
import { approvePayment, createPayment, waitForStatus } from '../sandbox-client.ts';
import { openSoxaraPage } from '../soxara-page.ts';
import { toOutcome, type Outcome } from '../outcome.ts';

export interface ApprovalLatency {
  momo: Distribution;
  wallet: Distribution;
  /** API requests per confirm, from the confirm call to the resolved promise. */
  requestsPerConfirm: Distribution;
  samples: { momo: number[]; wallet: number[] };
}

export interface PromptRequests {
  promptMs: number;
  observedMs: number;
  requests: number;
  outcome: string;
  /** Each request: method, path, `wait=` if any, ms after the confirm. */
  log: { method: string; path: string; wait: string | null; atMs: number }[];
  /** The headline: the linear projection, an upper bound. */
  projectedFor5Min: number;
  projection: { linear: number; longPoll: number | null; longPollWaitS: number | null };
}

export interface MomoWallet {
  approval: Outcome<ApprovalLatency>;
  prompt: Outcome<PromptRequests>;
}

const momo = { type: 'momo', momo: { provider: 'mtn', phone_number: '+231881158457' } };
const neverAnswers = { type: 'momo', momo: { provider: 'mtn', phone_number: '+231880000004' } };
const wallet = { type: 'soxara_wallet' };
const customerThinkMs = 1000;

export async function measureMomoWallet(browser: Browser, runsEach: number): Promise<MomoWallet> {
  const context = await browser.newContext();
  try {
    // The never-answered prompt runs beside the approvals: it is idle for all but a few requests.
    const promptPage = await openSoxaraPage(context);
    const [approval, prompt] = await Promise.allSettled([measureApprovals(context, runsEach), watchWholePrompt(promptPage)]);
    return { approval: toOutcome(approval), prompt: toOutcome(prompt) };
  } finally {
    await context.close();
  }
}

async function measureApprovals(context: BrowserContext, runsEach: number): Promise<ApprovalLatency> {
  const page = await openSoxaraPage(context);
  const times = { momo: [] as number[], wallet: [] as number[] };
  const requestCounts: number[] = [];
  for (let i = 0; i < runsEach * 2; i++) {
    const kind = i % 2 === 0 ? 'momo' : 'wallet';
    const payment = await createPayment();
    const requests = countApiRequests(page);
    await startConfirm(page, payment.client_secret, kind === 'momo' ? momo : wallet);
    await waitForStatus(payment.id, 'requires_action');
    await new Promise((resolve) => setTimeout(resolve, customerThinkMs));
    const approvedAt = Date.now();
    await approvePayment(payment.id);
    const result = await settled(page, 15_000);
    requestCounts.push(requests.stop());
    if (result.status !== 'succeeded') throw new Error(`${kind} confirm ended ${result.status}`);
    times[kind].push(result.at - approvedAt);
    await page.waitForTimeout(300);
  }
  return { momo: summarize(times.momo), wallet: summarize(times.wallet), requestsPerConfirm: summarize(requestCounts), samples: times };
}

async function watchWholePrompt(page: Page): Promise<PromptRequests> {
  const payment = await createPayment();
  const log: PromptRequests['log'] = [];
  const started = Date.now();
  const onRequest = (request: import('@playwright/test').Request) => {
    if (!request.url().startsWith(benchStack.apiUrl) || request.method() === 'OPTIONS') return;
    const url = new URL(request.url());
    log.push({ method: request.method(), path: url.pathname, wait: url.searchParams.get('wait'), atMs: Date.now() - started });
  };
  page.on('request', onRequest);
  try {
    await startConfirm(page, payment.client_secret, neverAnswers);
    const result = await settled(page, benchStack.momoExpiryMs + 20_000);
    const observedMs = result.at - started;
    const projection = project(log, observedMs);
    return {
      promptMs: benchStack.momoExpiryMs,
      observedMs,
      requests: log.length,
      outcome: result.status,
      log,
      projectedFor5Min: projection.linear,
      projection,
    };
  } finally {
    page.off('request', onRequest);
  }
}

export function project(log: PromptRequests['log'], observedMs: number): PromptRequests['projection'] {
  const fiveMinutes = 300_000;
  const linear = Math.ceil((log.length * fiveMinutes) / observedMs);
  const retrieves = log.filter((r) => r.method === 'GET');
  const waits = retrieves.map((r) => Number(r.wait));
  if (retrieves.length === 0 || waits.some((w) => !(w > 0))) return { linear, longPoll: null, longPollWaitS: null };
  const wait = Math.max(...waits);
  return { linear, longPoll: log.length - retrieves.length + Math.ceil(fiveMinutes / 1000 / wait) + 1, longPollWaitS: wait };
}

function countApiRequests(page: Page): { stop: () => number } {
  let count = 0;
  const onRequest = (request: import('@playwright/test').Request) => {
    if (request.url().startsWith(benchStack.apiUrl) && request.method() !== 'OPTIONS') count++;
  };
  page.on('request', onRequest);
  return {
    stop: () => {
      page.off('request', onRequest);
      return count;
    },
  };
}

function startConfirm(page: Page, clientSecret: string, paymentMethod: unknown): Promise<void> {
  return page.evaluate(
    ({ key, clientSecret, paymentMethod }) => {
      const bench = (window.bench ??= { soxara: window.Soxara!(key), changes: [] });
      bench.result = undefined;
      void bench.soxara.confirmPayment({ clientSecret, paymentMethod }).then((result) => {
        bench.result = { at: Date.now(), status: result.paymentIntent?.status ?? result.error?.code ?? 'unknown' };
      });
    },
    { key: benchStack.publishableKey, clientSecret, paymentMethod },
  );
}

async function settled(page: Page, timeoutMs: number): Promise<{ at: number; status: string }> {
  const handle = await page.waitForFunction(() => window.bench?.result as { at: number; status: string } | undefined, undefined, {
    timeout: timeoutMs,
    polling: 20,
  });
  return (await handle.jsonValue()) as { at: number; status: string };
}

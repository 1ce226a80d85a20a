/**
 * 8–10. Slow 3G (400 kbit/s down, 400 ms RTT on every origin, through throttle-proxy.ts): from the
 * script tag to `ready` for the card form and the tabbed form, beside a bare cross-site iframe under
 * the same throttling; the sequential round trips after the script on the way to `ready`; and the
 * page's cumulative layout shift once the form is fully drawn (its amount on the pay button).
 *
 * "Script tag → ready" is from the `/v1` request's start (its Resource Timing `startTime`: the parser
 * met the tag) to the merchant's `ready` handler. The floor's is from the page's script appending the
 * iframe to its "ready" message. Each run is a fresh context (cold cache, new connections) in a
 * Chromium of its own that sends everything through the proxy.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../../scripts/chromium.ts';
import { floorUrl, merchantUrl } from '../merchant-server.ts';
import { createPayment } from '../sandbox-client.ts';
import { summarize, type Distribution } from '../stats.ts';
import { benchStack } from '../stack.ts';
import { sequentialRoundTrips, SLOW_3G, startThrottleProxy, type LoggedRequest, type Throttle } from '../throttle-proxy.ts';

export type Slow3gForm = 'card' | 'tabs';

export interface Slow3gForms {
  scriptToReady: Distribution;
  /** The longest chain of requests one after another, after the script and before `ready` (the last run's). */
  roundTrips: { depth: number; chain: string[] };
  cls: Distribution;
  /** The shifts of the run with the largest CLS, if any: what moved, from where to where. */
  worstShifts: unknown[];
  /** Body bytes the proxy sent before `ready` (the last run): the page, the script, the frame. */
  bytesBeforeReady: number;
}

export interface Slow3g {
  throttle: Throttle;
  runs: number;
  card: Slow3gForms;
  tabs: Slow3gForms;
  floor: { tagToReady: Distribution; roundTrips: number };
  /** The phone-sized viewport the pages are drawn in (Lighthouse's mobile preset is 412 × 823). */
  viewport: { width: number; height: number };
}

const VIEWPORT = { width: 412, height: 823 };

export async function measureSlow3g(runs: number): Promise<Slow3g> {
  const proxy = await startThrottleProxy(SLOW_3G);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true, proxy: { server: proxy.url, bypass: '<-loopback>' } });
    const forms = {} as Record<Slow3gForm, { times: number[]; cls: number[]; worstShifts: unknown[]; roundTrips: Slow3gForms['roundTrips']; bytes: number }>;
    const floorTimes: number[] = [];
    let floorTrips = 0;
    for (const form of ['card', 'tabs'] as const) forms[form] = { times: [], cls: [], worstShifts: [], roundTrips: { depth: 0, chain: [] }, bytes: 0 };
    for (let i = 0; i < runs; i++) {
      for (const form of ['card', 'tabs'] as const) {
        const { client_secret: clientSecret } = await createPayment();
        const run = await inContext(browser, async (page) => {
          proxy.log.length = 0;
          const query = new URLSearchParams({ key: benchStack.publishableKey, secret: clientSecret, form });
          await page.goto(`${merchantUrl}/slow3g?${query}`, { timeout: 60_000 });
          await page.waitForFunction(() => (window as unknown as { bench3g: { readyAt?: number } }).bench3g.readyAt !== undefined, undefined, { timeout: 60_000 });
          const times = await page.evaluate(() => {
            const script = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/v1') as PerformanceResourceTiming | undefined;
            const bench = (window as unknown as { bench3g: { readyAt: number } }).bench3g;
            return { scriptStart: script?.startTime ?? Number.NaN, scriptEnd: script?.responseEnd ?? Number.NaN, readyAt: bench.readyAt, origin: performance.timeOrigin };
          });
          const readyEpoch = times.origin + times.readyAt;
          const scriptEndEpoch = times.origin + times.scriptEnd;
          const afterScript = proxy.log.filter((request) => request.start >= scriptEndEpoch - 1 && request.end <= readyEpoch && !isFavicon(request));
          const bytes = proxy.log.filter((request) => request.end <= readyEpoch).reduce((sum, request) => sum + request.bytes, 0);
          // Fully drawn: the controller's amount on the pay button (it loads after `ready`).
          const frame = page.frameLocator('iframe[title^="Secure"]');
          await frame.getByRole('button', { name: /\d/ }).waitFor({ timeout: 60_000 });
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const { cls, shifts } = await page.evaluate(() => (window as unknown as { bench3g: { cls: number; shifts: unknown[] } }).bench3g);
          return { ms: times.readyAt - times.scriptStart, cls, shifts, roundTrips: sequentialRoundTrips(afterScript.map(shortUrl)), bytes };
        });
        forms[form].times.push(run.ms);
        if (run.cls > Math.max(0, ...forms[form].cls)) forms[form].worstShifts = run.shifts;
        forms[form].cls.push(run.cls);
        forms[form].roundTrips = run.roundTrips;
        forms[form].bytes = run.bytes;
      }
      const floor = await inContext(browser, async (page) => {
        proxy.log.length = 0;
        await page.goto(`${merchantUrl}/slow3g-floor`, { timeout: 60_000 });
        await page.waitForFunction(() => (window as unknown as { bench3g: { readyAt?: number } }).bench3g.readyAt !== undefined, undefined, { timeout: 60_000 });
        const times = await page.evaluate(() => {
          const bench = (window as unknown as { bench3g: { readyAt: number; tagAt: number } }).bench3g;
          return { ms: bench.readyAt - bench.tagAt, tagEpoch: performance.timeOrigin + bench.tagAt, readyEpoch: performance.timeOrigin + bench.readyAt };
        });
        const trips = sequentialRoundTrips(proxy.log.filter((r) => r.start >= times.tagEpoch - 1 && r.end <= times.readyEpoch && !isFavicon(r)));
        return { ms: times.ms, trips: trips.depth };
      });
      floorTimes.push(floor.ms);
      floorTrips = floor.trips;
    }
    const summary = (form: Slow3gForm): Slow3gForms => ({
      scriptToReady: summarize(forms[form].times),
      roundTrips: forms[form].roundTrips,
      cls: summarize(forms[form].cls),
      worstShifts: forms[form].worstShifts,
      bytesBeforeReady: forms[form].bytes,
    });
    return { throttle: SLOW_3G, runs, card: summary('card'), tabs: summary('tabs'), floor: { tagToReady: summarize(floorTimes), roundTrips: floorTrips }, viewport: VIEWPORT };
  } finally {
    await browser?.close();
    await proxy.close();
  }
}

/** The browser's own request for the page's icon: nothing waits for it. */
function isFavicon(request: LoggedRequest): boolean {
  return new URL(request.url).pathname === '/favicon.ico';
}

async function inContext<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** `GET /frames/card.html` rather than the whole URL with its fragment and query. */
function shortUrl(request: LoggedRequest): LoggedRequest {
  const url = new URL(request.url);
  const names: Record<string, string> = { [floorUrl]: 'floor', [benchStack.jsUrl]: 'js', [benchStack.apiUrl]: 'api', [merchantUrl]: 'merchant' };
  const origin = names[url.origin] ?? url.host;
  return { ...request, url: `${request.method} ${origin}${url.pathname}` };
}

/**
 * 3. mount() → `ready`: from the merchant calling `mount()` (right after `Soxara()` and `elements()`,
 * in the same task, as the guide does) to the form's `ready` event, against the floor: the same page
 * appending a bare cross-site iframe that only posts "ready". Every run is a fresh browser context
 * (a first visit: cold HTTP cache, new connections) and the two kinds alternate, pair by pair.
 */
import type { Browser, Page, Request } from '@playwright/test';
import { pairedRatio, summarize, type Distribution } from '../stats.ts';
import { floorUrl, merchantUrl } from '../merchant-server.ts';
import { benchStack } from '../stack.ts';
import { createPayment } from '../sandbox-client.ts';

export interface MountReady {
  runs: number;
  floor: Distribution;
  soxara: Distribution;
  /** From `Soxara()` rather than `mount()`: includes the instance and the hidden controller frame. */
  soxaraFromConstructor: Distribution;
  ratio: { ofMedians: number; perPair: Distribution };
  /**
   * What one Soxara mount fetched (the last run), with when each request started and finished, in ms
   * after `mount()`, and when `ready` came (Playwright does not report CORS preflights).
   */
  waterfall: { requests: { request: string; startMs: number; endMs: number; wireBytes: number; encoding: string }[]; readyMs: number };
  samples: { floor: number[]; soxara: number[] };
}

export async function measureMountReady(browser: Browser, runs: number, warmups = 2): Promise<MountReady> {
  const { client_secret: clientSecret } = await createPayment();
  const floor: number[] = [];
  const soxara: number[] = [];
  const fromConstructor: number[] = [];
  let waterfall: MountReady['waterfall'] = { requests: [], readyMs: 0 };
  for (let i = 0; i < runs + warmups; i++) {
    const order = i % 2 === 0 ? (['floor', 'soxara'] as const) : (['soxara', 'floor'] as const);
    for (const kind of order) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        if (kind === 'floor') {
          await page.goto(`${merchantUrl}/floor`);
          const ms = await floorReady(page);
          if (i >= warmups) floor.push(ms);
        } else {
          await page.goto(`${merchantUrl}/soxara`);
          const finished: Request[] = [];
          page.on('requestfinished', (request) => finished.push(request));
          const times = await soxaraReady(page, clientSecret);
          if (i >= warmups) {
            soxara.push(times.fromMount);
            fromConstructor.push(times.fromConstructor);
          }
          if (i === runs + warmups - 1) {
            // Requests that finish after `ready` (the controller's) are reported a little later.
            await page.waitForTimeout(1000);
            const requests = (await Promise.all(finished.map((request) => timeline(request, times.mountedAt)))).sort((a, b) => a.startMs - b.startMs);
            waterfall = { readyMs: times.fromMount, requests };
          }
        }
      } finally {
        await context.close();
      }
    }
  }
  return {
    runs,
    floor: summarize(floor),
    soxara: summarize(soxara),
    soxaraFromConstructor: summarize(fromConstructor),
    ratio: pairedRatio(soxara, floor),
    waterfall,
    samples: { floor, soxara },
  };
}

async function timeline(request: Request, mountedAt: number): Promise<MountReady['waterfall']['requests'][number]> {
  const timing = request.timing();
  const startMs = timing.startTime - mountedAt;
  const sizes = await request.sizes();
  const encoding = (await request.response())?.headers()['content-encoding'] ?? 'identity';
  return {
    request: `${request.method()} ${request.url().replace(/[?#].*$/, '')}`,
    startMs,
    endMs: startMs + timing.responseEnd,
    wireBytes: sizes.responseHeadersSize + sizes.responseBodySize,
    encoding,
  };
}

function floorReady(page: Page): Promise<number> {
  return page.evaluate(
    (floorUrl) =>
      new Promise<number>((resolve, reject) => {
        const iframe = document.createElement('iframe');
        const start = performance.now();
        addEventListener('message', (event) => {
          if (event.origin === floorUrl && event.source === iframe.contentWindow && event.data === 'ready') resolve(performance.now() - start);
        });
        iframe.src = `${floorUrl}/ready.html#origin=${encodeURIComponent(location.origin)}`;
        document.querySelector('#payment-form')!.append(iframe);
        setTimeout(() => reject(new Error('the floor frame never posted ready')), 10_000);
      }),
    floorUrl,
  );
}

interface SoxaraTimes {
  fromMount: number;
  fromConstructor: number;
  /** `mount()`'s time in ms since the epoch, to line up the requests' timings. */
  mountedAt: number;
}

function soxaraReady(page: Page, clientSecret: string): Promise<SoxaraTimes> {
  return page.evaluate(
    ({ key, clientSecret }) =>
      new Promise<SoxaraTimes>((resolve, reject) => {
        if (typeof window.Soxara !== 'function') return reject(new Error('window.Soxara is missing (the /v1 script did not load)'));
        const constructed = performance.now();
        const form = window.Soxara(key).elements({ clientSecret });
        let mounted = 0;
        form.on('ready', () => {
          const now = performance.now();
          resolve({ fromMount: now - mounted, fromConstructor: now - constructed, mountedAt: performance.timeOrigin + mounted });
        });
        form.on('loaderror', () => reject(new Error('the form emitted loaderror')));
        mounted = performance.now();
        form.mount('#payment-form');
        setTimeout(() => reject(new Error('no ready event within 15 s')), 15_000);
      }),
    { key: benchStack.publishableKey, clientSecret },
  );
}

/**
 * 5. confirmPayment overhead: a 4242 card confirmed through the SDK (`confirmPayment({elements,
 * redirect: 'if_required'})`, timed on the merchant page from the call to the resolved promise)
 * against the same confirm made directly: a `fetch` of `POST /v1/payments/:id/confirm` from the same
 * page with the publishable key, the client secret and an idempotency key, after one retrieve to warm
 * the connection as the controller frame's own retrieve does. Each pair shares a fresh context; the
 * pair's order alternates.
 */
import type { Browser, Page, Request } from '@playwright/test';
import { pairedRatio, summarize, type Distribution } from '../stats.ts';
import { benchStack } from '../stack.ts';
import { createPayment } from '../sandbox-client.ts';
import { elementFrame, fillTestCard, mountForm, openSoxaraPage, waitUntilComplete } from '../soxara-page.ts';

export interface ConfirmOverhead {
  runs: number;
  soxara: Distribution;
  direct: Distribution;
  /** SDK minus direct, pair by pair. */
  overheadMs: Distribution;
  ratio: { ofMedians: number; perPair: Distribution };
  /** What the SDK's confirm sent to the API, in order (from the last run; Playwright does not report CORS preflights). */
  sdkRequests: string[];
  samples: { soxara: number[]; direct: number[] };
}

export async function measureConfirmOverhead(browser: Browser, runs: number, warmups = 1): Promise<ConfirmOverhead> {
  const soxara: number[] = [];
  const direct: number[] = [];
  let sdkRequests: string[] = [];
  for (let i = 0; i < runs + warmups; i++) {
    const context = await browser.newContext();
    try {
      const page = await openSoxaraPage(context);
      const forSdk = await createPayment();
      const forDirect = await createPayment();
      await mountForm(page, forSdk.client_secret);
      await fillTestCard(await elementFrame(page));
      await waitUntilComplete(page);
      let sdkMs: number;
      let directMs: number;
      const sdk = async () => {
        const requests: string[] = [];
        const record = (request: Request) => {
          if (request.url().startsWith(benchStack.apiUrl)) requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
        };
        page.on('request', record);
        try {
          return await confirmThroughSdk(page);
        } finally {
          page.off('request', record);
          sdkRequests = requests;
        }
      };
      if (i % 2 === 0) {
        sdkMs = await sdk();
        directMs = await confirmDirectly(page, forDirect);
      } else {
        directMs = await confirmDirectly(page, forDirect);
        sdkMs = await sdk();
      }
      if (i >= warmups) {
        soxara.push(sdkMs);
        direct.push(directMs);
      }
    } finally {
      await context.close();
    }
  }
  return {
    runs,
    soxara: summarize(soxara),
    direct: summarize(direct),
    overheadMs: summarize(soxara.map((ms, i) => ms - direct[i]!)),
    ratio: pairedRatio(soxara, direct),
    sdkRequests,
    samples: { soxara, direct },
  };
}

async function confirmThroughSdk(page: Page): Promise<number> {
  const outcome = await page.evaluate(async () => {
    const { soxara, form } = window.bench!;
    const start = performance.now();
    const result = await soxara.confirmPayment({ elements: form, redirect: 'if_required' });
    return { ms: performance.now() - start, status: result.paymentIntent?.status ?? `error ${result.error?.code}: ${result.error?.message}` };
  });
  if (outcome.status !== 'succeeded') throw new Error(`the SDK's card confirm ended ${outcome.status}`);
  return outcome.ms;
}

async function confirmDirectly(page: Page, payment: { id: string; client_secret: string }): Promise<number> {
  const outcome = await page.evaluate(
    async ({ apiUrl, key, payment }) => {
      const headers = { authorization: `Bearer ${key}` };
      await fetch(`${apiUrl}/v1/payments/${payment.id}?client_secret=${encodeURIComponent(payment.client_secret)}`, { headers });
      const start = performance.now();
      const response = await fetch(`${apiUrl}/v1/payments/${payment.id}/confirm`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'x-idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({
          client_secret: payment.client_secret,
          payment_method: { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' } },
        }),
      });
      const json = (await response.json()) as { data?: { status: string }; error?: { message: string } };
      return { ms: performance.now() - start, status: json.data?.status ?? `${response.status} ${json.error?.message}` };
    },
    { apiUrl: benchStack.apiUrl, key: benchStack.publishableKey, payment },
  );
  if (outcome.status !== 'succeeded') throw new Error(`the direct confirm ended ${outcome.status}`);
  return outcome.ms;
}

/**
 * Driving the real `/v1` script on the bench merchant page, the way the guide's code does, plus the
 * frame lookups the measurements need. Only instruments: nothing of ours is replaced or mocked.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { merchantUrl } from './merchant-server.ts';
import { benchStack } from './stack.ts';

/** The slice of the public API (packages/soxara-js/src/types.ts) the bench calls. */
export interface BenchForm {
  mount(target: string): BenchForm;
  on(event: string, handler: (event: unknown) => void): BenchForm;
}
export interface BenchSoxara {
  elements(options: { clientSecret: string }): BenchForm;
  confirmPayment(data: unknown): Promise<{ paymentIntent?: { status: string }; error?: { type: string; code: string; message: string } }>;
}
declare global {
  interface Window {
    Soxara?: (key: string) => BenchSoxara;
    bench?: { soxara: BenchSoxara; form?: BenchForm; changes: number[]; [key: string]: unknown };
  }
}

export async function openSoxaraPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${merchantUrl}/soxara`);
  const loaded = await page.evaluate(() => typeof window.Soxara === 'function');
  if (!loaded) throw new Error(`window.Soxara is missing: ${benchStack.jsUrl}/v1 did not load`);
  return page;
}

/** Soxara(), elements(), mount() and the wait for `ready`, as in the guide; `change` times are kept. */
export async function mountForm(page: Page, clientSecret: string): Promise<void> {
  const outcome = await page.evaluate(
    ({ key, clientSecret }) =>
      new Promise<string>((resolve) => {
        const soxara = window.Soxara!(key);
        const form = soxara.elements({ clientSecret });
        const bench = (window.bench = { soxara, form, changes: [] as number[], complete: false });
        form.on('change', (event) => {
          bench.changes.push(performance.timeOrigin + performance.now());
          bench.complete = (event as { complete?: boolean }).complete === true;
        });
        form.on('ready', () => resolve('ready'));
        form.on('loaderror', () => resolve('loaderror'));
        form.mount('#payment-form');
        setTimeout(() => resolve('timeout'), 15_000);
      }),
    { key: benchStack.publishableKey, clientSecret },
  );
  if (outcome !== 'ready') throw new Error(`the form did not become ready (${outcome})`);
}

export async function elementFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => /\/frames\/(card|payment)\.html/.test(f.url()));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('no card frame (<JS origin>/frames/card.html) appeared');
}

/** The card number input: its autocomplete token first, the first text input as a fallback. */
export async function numberField(frame: Frame): Promise<string> {
  for (const selector of ['input[autocomplete="cc-number"]', 'input[name="number"]', 'input[name="cardnumber"]', 'input']) {
    if ((await frame.locator(selector).count()) > 0) return selector;
  }
  throw new Error('no card number input in the card frame');
}

export async function fillTestCard(frame: Frame): Promise<void> {
  await frame.locator(await numberField(frame)).first().fill('4242424242424242');
  const exp = frame.locator('input[autocomplete="cc-exp"]');
  if ((await exp.count()) > 0) {
    await exp.first().fill('12 / 34');
  } else {
    await frame.locator('input[autocomplete="cc-exp-month"]').first().fill('12');
    await frame.locator('input[autocomplete="cc-exp-year"]').first().fill('34');
  }
  await frame.locator('input[autocomplete="cc-csc"]').first().fill('123');
}

/** Waits for the form's last `change` to say the card is complete, as a merchant's pay button would. */
export async function waitUntilComplete(page: Page): Promise<void> {
  await page.waitForFunction(() => window.bench?.complete === true, undefined, { timeout: 5000 });
}

/**
 * 4. Keystroke → `change` on the merchant page. The keys alternate "4" and Backspace in the card
 * number field, so each one flips the field between empty and not (a state change: the SDK emits
 * `change` on state changes only). A keystroke's time is its `keydown` event's timestamp inside the
 * card frame; the `change` time is taken by the merchant's handler; both are read as
 * `performance.timeOrigin + …`, a clock shared by the browser's processes. The floor is a bare
 * cross-site frame whose input posts a message to the page on each `input` event; its keystrokes are
 * interleaved one for one with the SDK's.
 */
import type { Browser, Frame, Page } from '@playwright/test';
import { summarize, type Distribution } from '../stats.ts';
import { floorUrl, merchantUrl } from '../merchant-server.ts';
import { createPayment } from '../sandbox-client.ts';
import { elementFrame, mountForm, numberField, openSoxaraPage } from '../soxara-page.ts';

export interface KeystrokeLatency {
  keystrokes: number;
  soxara: Distribution;
  floor: Distribution;
  samples: { soxara: number[]; floor: number[] };
}

declare global {
  interface Window {
    benchKeys?: number[];
    benchFloor?: number[];
  }
}

interface Target {
  page: Page;
  frame: Frame;
  /** Times (ms since the epoch) the merchant page saw each answer. */
  answers: () => Promise<number[]>;
  /** How many answers the page has had so far. */
  seen: number;
}

export async function measureKeystrokes(browser: Browser, keystrokes: number): Promise<KeystrokeLatency> {
  const context = await browser.newContext();
  try {
    const soxara = await soxaraTarget(await openSoxaraPage(context));
    const floor = await floorTarget(await context.newPage());
    const soxaraWaits: number[] = [];
    const floorWaits: number[] = [];
    for (let i = 0; i < keystrokes; i++) {
      const key = i % 2 === 0 ? '4' : 'Backspace';
      soxaraWaits.push(await pressAndWait(soxara, key));
      floorWaits.push(await pressAndWait(floor, key));
    }
    const soxaraSamples = await latencies(soxara, soxaraWaits);
    const floorSamples = await latencies(floor, floorWaits);
    return {
      keystrokes,
      soxara: summarize(soxaraSamples),
      floor: summarize(floorSamples),
      samples: { soxara: soxaraSamples, floor: floorSamples },
    };
  } finally {
    await context.close();
  }
}

async function soxaraTarget(page: Page): Promise<Target> {
  const { client_secret } = await createPayment();
  await mountForm(page, client_secret);
  const frame = await elementFrame(page);
  const field = frame.locator(await numberField(frame)).first();
  await field.fill('');
  await recordKeydowns(frame);
  await field.focus();
  const answers = () => page.evaluate(() => window.bench!.changes);
  return { page, frame, answers, seen: (await answers()).length };
}

async function floorTarget(page: Page): Promise<Target> {
  await page.goto(`${merchantUrl}/floor`);
  await page.evaluate(
    (floorUrl) =>
      new Promise<void>((resolve) => {
        const iframe = document.createElement('iframe');
        const times: number[] = (window.benchFloor = []);
        addEventListener('message', (event) => {
          if (event.origin !== floorUrl || event.source !== iframe.contentWindow) return;
          if (event.data === 'ready') resolve();
          if (event.data === 'input') times.push(performance.timeOrigin + performance.now());
        });
        iframe.src = `${floorUrl}/input.html#origin=${encodeURIComponent(location.origin)}`;
        document.querySelector('#payment-form')!.append(iframe);
      }),
    floorUrl,
  );
  const frame = page.frames().find((f) => f.url().startsWith(`${floorUrl}/input.html`));
  if (!frame) throw new Error('the floor input frame did not load');
  await recordKeydowns(frame);
  await frame.locator('input').focus();
  const answers = () => page.evaluate(() => window.benchFloor!);
  return { page, frame, answers, seen: (await answers()).length };
}

function recordKeydowns(frame: Frame): Promise<void> {
  return frame.evaluate(() => {
    const keys: number[] = (window.benchKeys = []);
    document.addEventListener('keydown', (event) => keys.push(performance.timeOrigin + event.timeStamp), true);
  });
}

/** Presses a key and waits for the page to have one more answer; returns the index of that answer. */
async function pressAndWait(target: Target, key: string): Promise<number> {
  const before = target.seen;
  await target.page.keyboard.press(key);
  const count = await target.page.waitForFunction(
    (before) => {
      const length = (window.bench?.changes ?? window.benchFloor ?? []).length;
      return length > before && length;
    },
    before,
    { timeout: 5000 },
  );
  target.seen = (await count.jsonValue()) as number;
  return before;
}

async function latencies(target: Target, answerIndexes: number[]): Promise<number[]> {
  const keys = await target.frame.evaluate(() => window.benchKeys!);
  const answers = await target.answers();
  if (keys.length !== answerIndexes.length) throw new Error(`${keys.length} keydowns recorded for ${answerIndexes.length} keystrokes`);
  return answerIndexes.map((index, i) => answers[index]! - keys[i]!);
}

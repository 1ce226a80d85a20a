/**
 * The headline table: one row per measurement, ours beside its baseline and the goal, with a verdict.
 * The console, the README and the HTML report all print these same rows.
 */
import { goals } from '../goals.ts';
import type { BenchResults } from '../results.ts';
import type { Outcome } from '../outcome.ts';
import { kB } from '../sizes.ts';

export type Verdict = 'met' | 'missed' | 'no goal' | 'not available';

export interface SummaryRow {
  measure: string;
  soxara: string;
  baseline: string;
  goal: string;
  verdict: Verdict;
}

export function summaryRows(results: BenchResults): SummaryRow[] {
  return [
    ...merchantScriptRows(results),
    reactBindingsRow(results),
    featureCostRow(results),
    framePayloadRow(results),
    mountReadyRow(results),
    keystrokeRow(results),
    confirmRow(results),
    ...momoWalletRows(results),
    ...apiRows(results),
    ...slow3gRows(results),
  ];
}

function slow3gRows({ slow3g }: BenchResults): SummaryRow[] {
  const timeMeasure = '8. Slow 3G: script tag → ready, median (max)';
  const tripsMeasure = '9. Slow 3G: sequential round trips after the script, to ready';
  const clsMeasure = '10. Layout shift of the checkout (CLS), phone size, Slow 3G';
  const tripsGoal = `≤ ${goals.slow3gRoundTrips}`;
  const clsGoal = `≤ ${goals.cls}`;
  if (!slow3g || slow3g.status !== 'ok') {
    const gap = slow3g ?? { status: 'unavailable' as const, reason: 'not measured in this run' };
    return [unavailable(timeMeasure, 'no goal', gap), unavailable(tripsMeasure, tripsGoal, gap), unavailable(clsMeasure, clsGoal, gap)];
  }
  const { card, tabs, floor, runs, throttle } = slow3g.data;
  const ratio = (form: typeof card) => (form.scriptToReady.median / floor.tagToReady.median).toFixed(1);
  return [
    {
      measure: timeMeasure,
      soxara: `card ${ms(card.scriptToReady.median)} (${ms(card.scriptToReady.max)}) = ${ratio(card)}×; tabbed ${ms(tabs.scriptToReady.median)} (${ms(tabs.scriptToReady.max)}) = ${ratio(tabs)}×`,
      baseline: `bare cross-site iframe: ${ms(floor.tagToReady.median)} (${ms(floor.tagToReady.max)}); ${throttle.downKbitPerS} kbit/s, ${throttle.rttMs} ms RTT; n = ${runs}`,
      goal: 'no goal',
      verdict: 'no goal',
    },
    {
      measure: tripsMeasure,
      soxara: `card ${card.roundTrips.depth}, tabbed ${tabs.roundTrips.depth} (${card.roundTrips.chain.join(' → ')}); card: ${kB(card.bytesBeforeReady)} kB on the wire before ready, the page included`,
      baseline: `bare cross-site iframe: ${floor.roundTrips}`,
      goal: tripsGoal,
      verdict: verdict(Math.max(card.roundTrips.depth, tabs.roundTrips.depth) <= goals.slow3gRoundTrips),
    },
    {
      measure: clsMeasure,
      soxara: `card ${card.cls.max.toFixed(3)}, tabbed ${tabs.cls.max.toFixed(3)} (worst of ${runs})`,
      baseline: 'Lighthouse "good": ≤ 0.1',
      goal: clsGoal,
      verdict: verdict(Math.max(card.cls.max, tabs.cls.max) <= goals.cls),
    },
  ];
}

function merchantScriptRows({ scriptSizes, servedScript }: BenchResults): SummaryRow[] {
  const measure = '1. Merchant-page JS, gzip / brotli';
  const goal = `≤ ${kB(goals.merchantScriptGzipBytes)} kB gzip`;
  if (scriptSizes.status !== 'ok') return [unavailable(measure, goal, scriptSizes)];
  const peers = scriptSizes.data.rows.filter((row) => !row.ours);
  const baseline = peers.map((row) => `${row.name}${row.css ? ' (JS + CSS)' : ''} ${kB(row.total.gzip)} / ${kB(row.total.brotli)} kB`).join('; ') || '–';
  const served = scriptSizes.data.rows.find((row) => row.name === 'Soxara.js /v1');
  if (!served) {
    const reason = scriptSizes.data.missing.find((m) => m.name === 'Soxara.js /v1')?.reason ?? 'not built';
    return [{ measure, soxara: `not available: ${reason}`, baseline, goal, verdict: 'not available' }];
  }
  const wire = servedScript.status === 'ok' ? `; the JS server sends ${kB(servedScript.data.transferBytes)} kB (${servedScript.data.contentEncoding})` : '';
  return [{ measure, soxara: `${kB(served.js.gzip)} / ${kB(served.js.brotli)} kB${wire}`, baseline, goal, verdict: verdict(served.js.gzip <= goals.merchantScriptGzipBytes) }];
}

function featureCostRow({ featureCosts }: BenchResults): SummaryRow {
  const measure = '1c. What each 0.2.0 feature cost the merchant script, gzip';
  const goal = `total ≤ ${kB(goals.merchantScriptBudgetGzipBytes)} kB (the budget test)`;
  if (!featureCosts || featureCosts.status !== 'ok') {
    return unavailable(measure, goal, featureCosts ?? { status: 'unavailable', reason: 'not measured in this run' });
  }
  const { base, features, now } = featureCosts.data;
  const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${Math.abs(bytes).toLocaleString('en-US')} B`;
  const rest = now.gzip - base.gzip - features.reduce((sum, feature) => sum + feature.cost, 0);
  return {
    measure,
    soxara: `${features.map((feature) => `${feature.name} ${signed(feature.cost)}`).join('; ')}; everything else ${signed(rest)}; now ${now.gzip.toLocaleString('en-US')} B`,
    baseline: `0.1.0 (${base.commit.slice(0, 7)}) ${base.gzip.toLocaleString('en-US')} B; every commit built in this run with today's build (esbuild + terser)`,
    goal,
    verdict: verdict(now.gzip <= goals.merchantScriptBudgetGzipBytes),
  };
}

function reactBindingsRow({ reactBindings }: BenchResults): SummaryRow {
  const measure = '1b. React bindings in the app bundle (without React), gzip / brotli';
  const goal = `≤ ${kB(goals.reactBindingsGzipBytes)} kB gzip`;
  if (reactBindings.status !== 'ok') return unavailable(measure, goal, reactBindings);
  const ours = reactBindings.data.rows.find((row) => row.ours);
  const peers = reactBindings.data.rows.filter((row) => !row.ours).map((row) => `${row.name} ${kB(row.size.gzip)} / ${kB(row.size.brotli)} kB`);
  if (!ours) {
    const reason = reactBindings.data.missing.find((m) => m.name === '@soxara/react-soxara-js')?.reason ?? 'not bundled';
    return { measure, soxara: `not available: ${reason}`, baseline: peers.join('; ') || '–', goal, verdict: 'not available' };
  }
  return {
    measure,
    soxara: `${kB(ours.size.gzip)} / ${kB(ours.size.brotli)} kB`,
    baseline: peers.join('; ') || '–',
    goal,
    verdict: verdict(ours.size.gzip <= goals.reactBindingsGzipBytes),
  };
}

function framePayloadRow({ framePayloads }: BenchResults): SummaryRow {
  const measure = '2. Card frame payload (HTML + JS + CSS), gzip';
  const goal = `≤ ${kB(goals.cardFramePayloadGzipBytes)} kB`;
  if (framePayloads.status !== 'ok') return unavailable(measure, goal, framePayloads);
  const card = framePayloads.data.pages.find((page) => page.page === 'card');
  if (!card) return { measure, soxara: 'not available: no card.html in apps/frames/dist', baseline: '–', goal, verdict: 'not available' };
  const others = framePayloads.data.pages.filter((page) => page.page !== 'card').map((page) => `${page.page} ${kB(page.total.gzip)} kB`);
  return {
    measure,
    // shared/lite.ts: what Save-Data drops (the brand badge, animations) is drawn by CSS, never fetched.
    soxara: `${kB(card.total.gzip)} kB (${card.files.length} files); with Save-Data or 2g the same bytes: its decoration (brand badge, animations) is CSS, hidden, not a download`,
    baseline: others.length ? `other frames: ${others.join(', ')}` : '–',
    goal,
    verdict: verdict(card.total.gzip <= goals.cardFramePayloadGzipBytes),
  };
}

function mountReadyRow({ mountReady }: BenchResults): SummaryRow {
  const measure = '3. mount() → ready, median (p95)';
  const goal = `≤ ${goals.mountReadyRatio}× the floor`;
  if (mountReady.status !== 'ok') return unavailable(measure, goal, mountReady);
  const { soxara, floor, ratio, runs } = mountReady.data;
  return {
    measure,
    soxara: `${ms(soxara.median)} (${ms(soxara.p95)}) = ${ratio.ofMedians.toFixed(2)}×`,
    baseline: `bare cross-site iframe: ${ms(floor.median)} (${ms(floor.p95)}); n = ${runs} pairs`,
    goal,
    verdict: verdict(ratio.ofMedians <= goals.mountReadyRatio),
  };
}

function keystrokeRow({ keystrokes }: BenchResults): SummaryRow {
  const measure = '4. Keystroke → change, p50 / p95';
  const goal = `p95 ≤ ${goals.keystrokeP95Ms} ms`;
  if (keystrokes.status !== 'ok') return unavailable(measure, goal, keystrokes);
  const { soxara, floor, keystrokes: n } = keystrokes.data;
  return {
    measure,
    soxara: `${ms(soxara.median)} / ${ms(soxara.p95)}`,
    baseline: `bare frame posting on input: ${ms(floor.median)} / ${ms(floor.p95)}; n = ${n}`,
    goal,
    verdict: verdict(soxara.p95 <= goals.keystrokeP95Ms),
  };
}

function confirmRow({ confirm }: BenchResults): SummaryRow {
  const measure = '5. Card confirmPayment, median (p95)';
  const goal = 'overhead only (no goal)';
  if (confirm.status !== 'ok') return unavailable(measure, goal, confirm);
  const { soxara, direct, overheadMs, ratio, runs } = confirm.data;
  return {
    measure,
    soxara: `${ms(soxara.median)} (${ms(soxara.p95)}): +${ms(overheadMs.median)} = ${ratio.ofMedians.toFixed(2)}×`,
    baseline: `direct fetch of the confirm: ${ms(direct.median)} (${ms(direct.p95)}); n = ${runs} pairs`,
    goal,
    verdict: 'no goal',
  };
}

function momoWalletRows({ momoWallet }: BenchResults): SummaryRow[] {
  const approvalMeasure = '6a. Approval → promise resolves, median (max)';
  const approvalGoal = `≤ ${ms(goals.approvalMedianMs)} median`;
  const promptMeasure = '6b. Requests over a 5-minute MoMo prompt';
  const promptGoal = `≤ ${goals.promptRequests}`;
  if (momoWallet.status !== 'ok') return [unavailable(approvalMeasure, approvalGoal, momoWallet), unavailable(promptMeasure, promptGoal, momoWallet)];
  const { approval, prompt } = momoWallet.data;
  const rows: SummaryRow[] = [];
  if (approval.status === 'ok') {
    const { momo, wallet, requestsPerConfirm } = approval.data;
    rows.push({
      measure: approvalMeasure,
      soxara: `MoMo ${ms(momo.median)} (${ms(momo.max)}), wallet ${ms(wallet.median)} (${ms(wallet.max)})`,
      baseline: `n = ${momo.n} + ${wallet.n}; ${requestsPerConfirm.median} API requests per confirm`,
      goal: approvalGoal,
      verdict: verdict(Math.max(momo.median, wallet.median) <= goals.approvalMedianMs),
    });
  } else {
    rows.push(unavailable(approvalMeasure, approvalGoal, approval));
  }
  if (prompt.status === 'ok') {
    const p = prompt.data;
    rows.push({
      measure: promptMeasure,
      soxara: `≤ ${p.projectedFor5Min} (linear bound; ${p.requests} seen in a ${(p.promptMs / 1000).toFixed(0)}-s prompt, ended ${p.outcome})`,
      baseline:
        p.projection.longPoll === null
          ? 'shortened timers, not a fake clock'
          : `shortened timers, not a fake clock; long poll wait=${p.projection.longPollWaitS} s → about ${p.projection.longPoll}`,
      goal: promptGoal,
      verdict: p.outcome !== 'prompt_expired' ? 'not available' : verdict(p.projectedFor5Min <= goals.promptRequests),
    });
  } else {
    rows.push(unavailable(promptMeasure, promptGoal, prompt));
  }
  return rows;
}

function apiRows({ api }: BenchResults): SummaryRow[] {
  const measure = '7. Sandbox create + confirm';
  const goal = `≥ ${goals.apiRequestsPerSec.toLocaleString('en-US')} req/s, p99 ≤ ${goals.apiP99Ms} ms at ${goals.apiGoalConnections}`;
  if (api.status !== 'ok') return [unavailable(measure, goal, api)];
  return api.data.levels.map((level, i) => {
    const atGoal = level.connections === goals.apiGoalConnections;
    const floor = api.data.floor[i];
    const share = floor ? ` (${Math.round((100 * level.requestsPerSec) / floor.requestsPerSec)} % of the floor)` : '';
    return {
      measure: `${measure}, ${level.connections} client${level.connections === 1 ? '' : 's'}`,
      soxara: `${perSec(level.requestsPerSec)} req/s${share}; p50 ${level.latencyMs.p50} ms, p99 ${level.latencyMs.p99} ms; ${level.non2xx} non-2xx`,
      baseline: floor ? `bare Node HTTP server: ${perSec(floor.requestsPerSec)} req/s; p50 ${floor.latencyMs.p50} ms, p99 ${floor.latencyMs.p99} ms` : '–',
      goal: atGoal ? goal : '–',
      verdict: atGoal ? verdict(level.requestsPerSec >= goals.apiRequestsPerSec && level.latencyMs.p99 <= goals.apiP99Ms) : 'no goal',
    };
  });
}

function perSec(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function unavailable(measure: string, goal: string, outcome: Outcome<unknown> & { status: 'unavailable' }): SummaryRow {
  return { measure, soxara: `not available: ${outcome.reason}`, baseline: '–', goal, verdict: 'not available' };
}

function verdict(met: boolean): Verdict {
  return met ? 'met' : 'missed';
}

export function ms(value: number): string {
  if (Number.isInteger(value) && value < 1000) return `${value} ms`;
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

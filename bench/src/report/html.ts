/** bench/report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched). */
import { goals } from '../goals.ts';
import type { BenchResults } from '../results.ts';
import type { Outcome } from '../outcome.ts';
import { kB } from '../sizes.ts';
import type { Distribution } from '../stats.ts';
import { barChart, boxPlot, escapeXml as esc } from './svg.ts';
import { ms, summaryRows } from './summary.ts';
import { machineLine } from './table.ts';

export function htmlReport(results: BenchResults): string {
  const sections = [
    summarySection(results),
    scriptSizeSection(results),
    reactBindingsSection(results),
    framePayloadSection(results),
    mountReadySection(results),
    keystrokeSection(results),
    confirmSection(results),
    momoWalletSection(results),
    apiSection(results),
    machineSection(results),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Soxara.js benchmarks</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 14px/1.5 system-ui, sans-serif; color: #111827; max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
h1 { margin-bottom: 0; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #e5e7eb; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f9fafb; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.met { color: #047857; } .missed { color: #b91c1c; font-weight: bold; } .na { color: #92400e; }
.note { color: #4b5563; } code { background: #f3f4f6; padding: 0 3px; border-radius: 3px; } svg { max-width: 100%; height: auto; }
</style></head><body>
<h1>Soxara.js benchmarks</h1>
<p class="note">${esc(machineLine(results))}</p>
${sections.join('\n')}
</body></html>
`;
}

function summarySection(results: BenchResults): string {
  const rows = summaryRows(results)
    .map((row) => {
      const cls = { met: 'met', missed: 'missed', 'no goal': '', 'not available': 'na' }[row.verdict];
      return `<tr><td>${esc(row.measure)}</td><td>${esc(row.soxara)}</td><td>${esc(row.baseline)}</td><td>${esc(row.goal)}</td><td class="${cls}">${esc(row.verdict)}</td></tr>`;
    })
    .join('');
  return `<h2>Summary</h2><table><tr><th>Measure</th><th>Soxara.js</th><th>Baseline / peers</th><th>Goal</th><th>Verdict</th></tr>${rows}</table>`;
}

function servedNote({ servedScript }: BenchResults): string {
  if (servedScript.status !== 'ok') return `<p class="na">/v1 as served: not checked: ${esc(servedScript.reason)}</p>`;
  const s = servedScript.data;
  const same = s.matchesDist === null ? 'no dist file to compare' : s.matchesDist ? 'byte for byte the measured dist/soxara.js' : '<b>not</b> the measured dist/soxara.js';
  return `<p class="note">${esc(s.url)} answered ${s.status}, ${same}; over the wire: <code>content-encoding: ${esc(s.contentEncoding)}</code>, ${kB(s.transferBytes)} kB, <code>cache-control: ${esc(s.cacheControl)}</code>.</p>`;
}

function scriptSizeSection(results: BenchResults): string {
  const { scriptSizes } = results;
  const head = '<h2>1. Merchant-page JavaScript</h2>';
  if (scriptSizes.status !== 'ok') return head + unavailable(scriptSizes);
  const { rows, missing, esbuild, settings } = scriptSizes.data;
  const chart = barChart({
    title: 'Merchant-page download for card entry (kB)',
    groups: rows.map((row) => ({ label: row.name, ours: row.ours, bars: [{ series: 'gzip', value: row.total.gzip }, { series: 'brotli', value: row.total.brotli }] })),
    format: (bytes) => `${kB(bytes)} kB`,
    goal: { value: goals.merchantScriptGzipBytes, label: `goal ${kB(goals.merchantScriptGzipBytes)} kB gzip` },
  });
  const table = `<table><tr><th>Script</th><th>What</th><th>Raw</th><th>gzip</th><th>brotli</th></tr>${rows
    .map((row) => {
      const css = row.css ? ` (JS ${kB(row.js.gzip)} + CSS ${kB(row.css.gzip)})` : '';
      return `<tr><td>${esc(row.name)}</td><td>${esc(row.what)}</td><td class="num">${kB(row.total.raw)} kB</td><td class="num">${kB(row.total.gzip)} kB${esc(css)}</td><td class="num">${kB(row.total.brotli)} kB</td></tr>`;
    })
    .join('')}</table>`;
  const gaps = missing.map((m) => `<li>${esc(m.name)}: not available: ${esc(m.reason)}</li>`).join('');
  return `${head}${chart}${table}${gaps ? `<ul class="na">${gaps}</ul>` : ''}${servedNote(results)}
<p class="note">The peers are bundled in this run from their npm packages with esbuild ${esc(esbuild)} and <code>${esc(settings)}</code>; gzip level 9 and brotli quality 11 (node:zlib). Paystack's inline script opens Paystack's hosted checkout in an iframe, so its card form's own weight is not on the merchant page.</p>`;
}

function reactBindingsSection({ reactBindings }: BenchResults): string {
  const head = '<h2>1b. React bindings</h2>';
  if (reactBindings.status !== 'ok') return head + unavailable(reactBindings);
  const { rows, missing } = reactBindings.data;
  const table = `<table><tr><th>Package</th><th>What</th><th>Raw</th><th>gzip</th><th>brotli</th></tr>${rows
    .map((row) => `<tr><td>${esc(row.name)}</td><td>${esc(row.what)}</td><td class="num">${kB(row.size.raw)} kB</td><td class="num">${kB(row.size.gzip)} kB</td><td class="num">${kB(row.size.brotli)} kB</td></tr>`)
    .join('')}</table>`;
  const gaps = missing.map((m) => `<li>${esc(m.name)}: not available: ${esc(m.reason)}</li>`).join('');
  return `${head}${table}${gaps ? `<ul class="na">${gaps}</ul>` : ''}
<p class="note">Each bundled as an ES module with row 1's esbuild setting; React, react-dom and the browser API (Soxara.js, Stripe.js) left outside, as an app has them already or loads them from the provider.</p>`;
}

function framePayloadSection({ framePayloads }: BenchResults): string {
  const head = '<h2>2. Frame payloads</h2>';
  if (framePayloads.status !== 'ok') return head + unavailable(framePayloads);
  const { pages, builtAt } = framePayloads.data;
  const chart = barChart({
    title: 'What each frame page loads before it runs (kB)',
    groups: pages.map((page) => ({ label: `${page.page}.html`, ours: page.page === 'card', bars: [{ series: 'gzip', value: page.total.gzip }, { series: 'brotli', value: page.total.brotli }] })),
    format: (bytes) => `${kB(bytes)} kB`,
    goal: { value: goals.cardFramePayloadGzipBytes, label: `card goal ${kB(goals.cardFramePayloadGzipBytes)} kB gzip` },
  });
  const details = pages
    .map(
      (page) =>
        `<h3>${esc(page.page)}.html: ${kB(page.total.gzip)} kB gzip</h3><table><tr><th>File</th><th>Raw</th><th>gzip</th><th>brotli</th></tr>${page.files
          .map((f) => `<tr><td>${esc(f.file)}</td><td class="num">${kB(f.size.raw)} kB</td><td class="num">${kB(f.size.gzip)} kB</td><td class="num">${kB(f.size.brotli)} kB</td></tr>`)
          .join('')}</table>${page.lazy.length ? `<p class="note">Loaded on demand: ${page.lazy.map((l) => `${esc(l.file)} (${kB(l.size.gzip)} kB)`).join(', ')}</p>` : ''}`,
    )
    .join('');
  return `${head}${chart}<p class="note">apps/frames/dist built ${esc(builtAt)}; each file compressed on its own, as served.</p>${details}`;
}

function mountReadySection({ mountReady }: BenchResults): string {
  const head = '<h2>3. mount() → ready</h2>';
  if (mountReady.status !== 'ok') return head + unavailable(mountReady);
  const { floor, soxara, soxaraFromConstructor, ratio, runs, waterfall } = mountReady.data;
  const chart = boxPlot({
    title: 'mount() → ready (ms), fresh browser context per run',
    rows: [
      { label: 'floor: bare iframe posts ready', ours: false, dist: floor },
      { label: 'Soxara: mount() → ready', ours: true, dist: soxara },
      { label: 'Soxara: Soxara() → ready', ours: true, dist: soxaraFromConstructor },
    ],
    format: ms,
  });
  const numbers = distributionTable([
    { label: 'floor', dist: floor },
    { label: 'mount() → ready', dist: soxara },
    { label: 'Soxara() → ready', dist: soxaraFromConstructor },
  ]);
  return `${head}${chart}${numbers}<p>Ratio of medians <b>${ratio.ofMedians.toFixed(2)}×</b> (goal ≤ ${goals.mountReadyRatio}×); per-pair ratios: median ${ratio.perPair.median.toFixed(2)}×, p95 ${ratio.perPair.p95.toFixed(2)}×, over ${runs} interleaved pairs.</p>
<h3>One mount, request by request (the last run; ms after <code>mount()</code>)</h3>
<table><tr><th>Request</th><th>start</th><th>end</th><th>over the wire</th></tr>${waterfall.requests
    .map(
      (r) =>
        `<tr><td>${esc(r.request)}</td><td class="num">${ms(Math.round(r.startMs))}</td><td class="num">${ms(Math.round(r.endMs))}</td><td class="num">${kB(r.wireBytes)} kB (${esc(r.encoding)})</td></tr>`,
    )
    .join('')}<tr><th>ready</th><td></td><td class="num">${ms(Math.round(waterfall.readyMs))}</td><td class="num">${kB(waterfall.requests.reduce((sum, r) => sum + r.wireBytes, 0))} kB in all</td></tr></table>
<p class="note">Each run opens a new browser context (a first visit: cold cache, new connections), loads the merchant page, then times from the call to the form's <code>ready</code> (or the floor frame's message). The floor frame is on a cross-site origin, like the Soxara frames, so both pay for an out-of-process iframe.</p>`;
}

function keystrokeSection({ keystrokes }: BenchResults): string {
  const head = '<h2>4. Keystroke → change</h2>';
  if (keystrokes.status !== 'ok') return head + unavailable(keystrokes);
  const { soxara, floor, keystrokes: n } = keystrokes.data;
  const chart = boxPlot({
    title: 'Keystroke → event on the merchant page (ms)',
    rows: [
      { label: 'floor: bare frame posts on input', ours: false, dist: floor },
      { label: 'Soxara: change event', ours: true, dist: soxara },
    ],
    format: ms,
    goal: { value: goals.keystrokeP95Ms, label: `goal p95 ${goals.keystrokeP95Ms} ms` },
  });
  const numbers = distributionTable([
    { label: 'floor', dist: floor },
    { label: 'Soxara change', dist: soxara },
  ]);
  return `${head}${chart}${numbers}<p class="note">${n} keystrokes each, interleaved one for one: "4" and Backspace alternately in the card number field, so each flips it between empty and not. From the <code>keydown</code> event's timestamp in the frame to the merchant's handler, both on <code>performance.timeOrigin</code>.</p>`;
}

function confirmSection({ confirm }: BenchResults): string {
  const head = '<h2>5. confirmPayment overhead (card)</h2>';
  if (confirm.status !== 'ok') return head + unavailable(confirm);
  const { soxara, direct, overheadMs, ratio, runs, sdkRequests } = confirm.data;
  const chart = boxPlot({
    title: 'Card confirm, call → result (ms)',
    rows: [
      { label: 'direct fetch of POST …/confirm', ours: false, dist: direct },
      { label: 'Soxara: confirmPayment()', ours: true, dist: soxara },
    ],
    format: ms,
  });
  const numbers = distributionTable([
    { label: 'direct', dist: direct },
    { label: 'confirmPayment()', dist: soxara },
    { label: 'overhead (pairwise)', dist: overheadMs },
  ]);
  return `${head}${chart}${numbers}<p>Overhead per pair: median +${ms(overheadMs.median)}, p95 +${ms(overheadMs.p95)}; ratio of medians ${ratio.ofMedians.toFixed(2)}× over ${runs} pairs. The SDK's confirm sent: ${esc(sdkRequests.join(' → ') || 'nothing seen')}.</p>
<p class="note">Same page, same run: the SDK confirms the 4242 card typed in its frame (<code>redirect: 'if_required'</code>); the direct call is a <code>fetch</code> from the merchant page with the publishable key, the client secret and an idempotency key, after one retrieve to warm the connection.</p>`;
}

function momoWalletSection({ momoWallet, stack }: BenchResults): string {
  const head = '<h2>6. MoMo and wallet waits</h2>';
  if (momoWallet.status !== 'ok') return head + unavailable(momoWallet);
  const { approval, prompt } = momoWallet.data;
  let body = '';
  if (approval.status === 'ok') {
    const { momo, wallet, requestsPerConfirm } = approval.data;
    body += boxPlot({
      title: 'Approval (test helper) → confirmPayment resolves (ms)',
      rows: [
        { label: 'MoMo PIN prompt', ours: true, dist: momo },
        { label: 'Soxara wallet', ours: true, dist: wallet },
      ],
      format: ms,
      goal: { value: goals.approvalMedianMs, label: `goal median ${ms(goals.approvalMedianMs)}` },
    });
    body += distributionTable([
      { label: 'MoMo', dist: momo },
      { label: 'wallet', dist: wallet },
    ]);
    body += `<p class="note">API requests per confirm (browser, all frames): median ${requestsPerConfirm.median}, max ${requestsPerConfirm.max}. The approval is sent one second after the payment reaches <code>requires_action</code>; the time runs from just before that request.</p>`;
  } else {
    body += `<h3>Approval → resolve</h3>${unavailable(approval)}`;
  }
  if (prompt.status === 'ok') {
    const p = prompt.data;
    const log = p.log.map((r) => `<tr><td class="num">${(r.atMs / 1000).toFixed(2)} s</td><td>${esc(r.method)} ${esc(r.path)}</td><td>${esc(r.wait ?? '–')}</td></tr>`).join('');
    body += `<h3>Requests over a whole prompt</h3><p>${p.requests} requests while a never-answered MoMo prompt lived ${(p.observedMs / 1000).toFixed(1)} s (ended <code>${esc(p.outcome)}</code>); projected to a 5-minute prompt: <b>≤ ${p.projectedFor5Min}</b> (goal ≤ ${goals.promptRequests}).</p>
<p class="note">Method: shortened timers, not a fake clock (the sandbox's long poll holds in real time): SOXARA_MOMO_EXPIRY_MS = ${stack.momoExpiryMs}, counted with Playwright's request events (the page and its frames; Playwright does not report CORS preflights). Projections to 300 s: linear from the observed rate, ${p.projection.linear} (the headline: an upper bound for a long poll, whose last wait is cut short by the outcome); ${
      p.projection.longPoll === null ? 'no long-poll estimate (not every retrieve carried <code>wait=</code>)' : `long-poll estimate: the other requests + ⌈300 / ${p.projection.longPollWaitS}⌉ + 1 = ${p.projection.longPoll}`
    }.</p>
<table><tr><th>At</th><th>Request</th><th>wait=</th></tr>${log}</table>`;
  } else {
    body += `<h3>Requests over a whole prompt</h3>${unavailable(prompt)}`;
  }
  return head + body;
}

function apiSection({ api }: BenchResults): string {
  const head = '<h2>7. Sandbox API: create + confirm under load</h2>';
  if (api.status !== 'ok') return head + unavailable(api);
  const { levels, floor } = api.data;
  const throughput = barChart({
    title: 'Requests per second (create and confirm each count): sandbox, then the bare Node floor',
    groups: levels.flatMap((level, i) => [
      { label: `sandbox, ${level.connections} clients`, ours: true, bars: [{ series: 'req/s', value: level.requestsPerSec }] },
      ...(floor[i] ? [{ label: `floor, ${level.connections} clients`, ours: false, bars: [{ series: 'req/s', value: floor[i]!.requestsPerSec }] }] : []),
    ]),
    format: (value) => `${Math.round(value)}`,
    goal: { value: goals.apiRequestsPerSec, label: `goal ${goals.apiRequestsPerSec}/s at ${goals.apiGoalConnections}` },
  });
  const latency = barChart({
    title: 'Latency percentiles (ms)',
    groups: levels.map((level) => ({
      label: `${level.connections} clients`,
      ours: true,
      bars: [
        { series: 'p50', value: level.latencyMs.p50 },
        { series: 'p99', value: level.latencyMs.p99 },
      ],
    })),
    format: (value) => `${value} ms`,
    goal: { value: goals.apiP99Ms, label: `goal p99 ${goals.apiP99Ms} ms at ${goals.apiGoalConnections}` },
  });
  const rows = levels.flatMap((level, i) => [{ name: 'sandbox', level }, ...(floor[i] ? [{ name: 'floor', level: floor[i]! }] : [])]);
  const table = `<table><tr><th>Server</th><th>Clients</th><th>req/s</th><th>payments/s</th><th>p50</th><th>p90</th><th>p99</th><th>max</th><th>requests</th><th>non-2xx</th><th>errors</th></tr>${rows
    .map(
      ({ name, level: l }) =>
        `<tr><td>${name}</td><td class="num">${l.connections}</td><td class="num">${Math.round(l.requestsPerSec)}</td><td class="num">${Math.round(l.paymentsPerSec)}</td><td class="num">${l.latencyMs.p50} ms</td><td class="num">${l.latencyMs.p90} ms</td><td class="num">${l.latencyMs.p99} ms</td><td class="num">${l.latencyMs.max} ms</td><td class="num">${l.total}</td><td class="num">${l.non2xx}</td><td class="num">${l.errors + l.timeouts}</td></tr>`,
    )
    .join('')}</table>`;
  return `${head}${throughput}${latency}${table}<p class="note">autocannon ${esc(api.data.autocannon)} in the bench's process, ${levels[0]?.durationS ?? '?'} s per level after a 2-s warm-up, on loopback: each client loops create (secret key) → confirm with 4242 (publishable key + client secret), on an account made for the run (no webhook endpoints). The floor is a bare Node HTTP server (its own process) answering the same two requests with a fixed JSON, loaded right after each sandbox level. On a 2-core machine the load generator and the server share the CPU, so the raw numbers are floors; the share of the floor is the steadier figure.</p>`;
}

function machineSection(results: BenchResults): string {
  const m = results.machine;
  const rows: [string, string][] = [
    ['CPU', `${m.cpu} × ${m.cores}`],
    ['Memory', `${m.memoryGB} GB`],
    ['OS', m.os],
    ['Node', m.node],
    ['Chromium', `${results.chromium} (headless, the flags of scripts/chromium.ts, as the browser suites)`],
    ['Load average (1 min)', `${m.loadAverage.start} at start, ${m.loadAverage.end ?? '?'} at end`],
    ['Commit', m.commit],
    ...Object.entries(m.versions),
    ['Stack', `API ${results.stack.apiUrl}, JS ${results.stack.jsUrl}, merchant ${results.stack.merchantUrl}; MoMo delay ${results.stack.momoDelayMs} ms, expiry ${results.stack.momoExpiryMs} ms`],
  ];
  return `<h2>Machine and versions</h2><table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
}

/** The numbers behind a box plot, for readers who want them exact. */
function distributionTable(rows: { label: string; dist: Distribution }[]): string {
  const cells = rows
    .map(({ label, dist: d }) => `<tr><td>${esc(label)}</td><td class="num">${d.n}</td>${[d.min, d.median, d.mean, d.p95, d.max].map((v) => `<td class="num">${ms(v)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><tr><th></th><th>n</th><th>min</th><th>median</th><th>mean</th><th>p95</th><th>max</th></tr>${cells}</table>`;
}

function unavailable(outcome: Outcome<unknown> & { status: 'unavailable' }): string {
  return `<p class="na">Not available: ${esc(outcome.reason)}</p>`;
}

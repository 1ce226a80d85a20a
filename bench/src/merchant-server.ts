/**
 * The bench's merchant pages and the floor frames, served in-process on two origins:
 *   - the merchant (`localhost`): a page with the `/v1` script and a bare page for the baselines;
 *   - the floor frames (`127.0.0.1`, another port): the least a cross-origin iframe can do — post
 *     "ready" on load, or post on each input — which is what the SDK's timings are divided by.
 * The floor frames are cross-site from the merchant, as the Soxara frames are, so both pay for an
 * out-of-process iframe.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const merchantPort = 4230;
export const floorPort = 4231;
export const merchantUrl = `http://localhost:${merchantPort}`;
export const floorUrl = `http://127.0.0.1:${floorPort}`;

const floorReady = `<!doctype html><meta charset="utf-8"><title>floor</title>
<script>parent.postMessage('ready', new URLSearchParams(location.hash.slice(1)).get('origin'));</script>`;

const floorInput = `<!doctype html><meta charset="utf-8"><title>floor input</title>
<input autocomplete="cc-number" inputmode="numeric" aria-label="number">
<script>
  const origin = new URLSearchParams(location.hash.slice(1)).get('origin');
  document.querySelector('input').addEventListener('input', () => parent.postMessage('input', origin));
  parent.postMessage('ready', origin);
</script>`;

function merchantPage(jsUrl: string, withScript: boolean): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench merchant</title>
${withScript ? `<script src="${jsUrl}/v1"></script>` : ''}
<body><main><div id="payment-form"></div></main></body></html>`;
}

/**
 * The Slow 3G pages (measures/slow-3g.ts): the script tag in the page as the guide has it, the form
 * mounted by the page's own script, a layout-shift observer registered before anything is drawn, and
 * the rest of the page below the form (so a frame that changes height moves something). The floor
 * page appends a bare cross-site iframe instead. Key and client secret come in the query.
 */
function slow3gPage(jsUrl: string, withScript: boolean): string {
  const mount = withScript
    ? `const form = Soxara(q.get('key')).elements({ clientSecret: q.get('secret'), ...(q.get('form') === 'tabs' ? { paymentMethods: ['card', 'momo', 'soxara_wallet'] } : {}) });
  form.on('ready', () => (bench3g.readyAt = performance.now()));
  form.mount('#payment-form');`
    : `const iframe = document.createElement('iframe');
  addEventListener('message', (event) => event.source === iframe.contentWindow && event.data === 'ready' && (bench3g.readyAt = performance.now()));
  iframe.src = '${floorUrl}/ready.html#origin=' + encodeURIComponent(location.origin);
  bench3g.tagAt = performance.now();
  document.querySelector('#payment-form').append(iframe);`;
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench slow 3G</title>
<script>
  window.bench3g = { cls: 0, shifts: [] };
  const rect = (r) => [Math.round(r.y), Math.round(r.height)];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      bench3g.cls += e.value;
      // What moved, for the report: element, [top, height] before and after.
      bench3g.shifts.push({ value: e.value, atMs: Math.round(e.startTime), sources: e.sources.map((s) => ({ node: s.node ? s.node.nodeName + (s.node.id ? '#' + s.node.id : '') : '?', from: rect(s.previousRect), to: rect(s.currentRect) })) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
</script>
<body><main><h1>Checkout</h1><p>1 × Rice, 25 kg: $12.50</p>
${withScript ? `<script src="${jsUrl}/v1"></script>` : ''}
<div id="payment-form"></div>
<p style="height: 600px">Delivery details and the rest of the page.</p>
<script>
  const q = new URLSearchParams(location.search);
  ${mount}
</script>
</main></body></html>`;
}

export async function startMerchantServers(jsUrl: string): Promise<() => Promise<void>> {
  const merchant = createServer((request, response) => {
    const path = new URL(request.url ?? '/', merchantUrl).pathname;
    if (path === '/health') return send(response, 'text/plain', 'ok');
    if (path === '/soxara') return send(response, 'text/html', merchantPage(jsUrl, true));
    if (path === '/floor') return send(response, 'text/html', merchantPage(jsUrl, false));
    if (path === '/slow3g') return send(response, 'text/html', slow3gPage(jsUrl, true));
    if (path === '/slow3g-floor') return send(response, 'text/html', slow3gPage(jsUrl, false));
    send(response, 'text/plain', 'not found', 404);
  });
  const floor = createServer((request, response) => {
    const path = new URL(request.url ?? '/', floorUrl).pathname;
    if (path === '/ready.html') return send(response, 'text/html', floorReady);
    if (path === '/input.html') return send(response, 'text/html', floorInput);
    send(response, 'text/plain', 'not found', 404);
  });
  await Promise.all([listen(merchant, merchantPort), listen(floor, floorPort)]);
  return async () => {
    await Promise.all([close(merchant), close(floor)]);
  };
}

function send(response: import('node:http').ServerResponse, type: string, body: string, status = 200): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server.address() as AddressInfo));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

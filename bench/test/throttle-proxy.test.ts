import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { sequentialRoundTrips, startThrottleProxy } from '../src/throttle-proxy.ts';

describe('sequentialRoundTrips', () => {
  it('counts the longest chain of requests each started after the previous one ended', () => {
    const chain = sequentialRoundTrips([
      { url: 'card.html', start: 0, end: 100 },
      { url: 'card.js', start: 101, end: 300 },
      { url: 'card.css', start: 102, end: 260 },
      // Started while card.js and card.css were still coming: beside them, not after them.
      { url: 'font', start: 250, end: 400 },
      { url: 'chunk', start: 301, end: 350 },
    ]);
    expect(chain).toEqual({ depth: 3, chain: ['card.html', 'card.js', 'chunk'] });
    expect(sequentialRoundTrips([])).toEqual({ depth: 0, chain: [] });
  });
});

describe('the throttling proxy', () => {
  it('holds a response for the RTT and sends its body at the downlink rate, and logs it', async () => {
    const body = Buffer.alloc(10_000, 'x');
    const origin = createServer((_, response) => response.end(body));
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    const { port } = origin.address() as AddressInfo;
    // 80 kbit/s = 10 kB/s: 10 kB takes a second after the 200 ms RTT.
    const proxy = await startThrottleProxy({ downKbitPerS: 80, rttMs: 200 });
    try {
      const started = Date.now();
      const received = await new Promise<number>((resolve, reject) => {
        const proxied = new URL(proxy.url);
        const req = request({ host: proxied.hostname, port: proxied.port, path: `http://localhost:${port}/file`, method: 'GET' }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () => resolve(bytes));
        });
        req.on('error', reject);
        req.end();
      });
      const elapsed = Date.now() - started;
      expect(received).toBe(body.length);
      expect(elapsed).toBeGreaterThanOrEqual(1_150);
      expect(proxy.log).toHaveLength(1);
      expect(proxy.log[0]).toMatchObject({ method: 'GET', url: `http://localhost:${port}/file`, bytes: body.length });
    } finally {
      await proxy.close();
      origin.close();
    }
  });
});

/**
 * Slow 3G for every origin at once: an HTTP forward proxy the bench's second Chromium sends all its
 * requests through (`--proxy-server`, with `<-loopback>` so that loopback origins are not bypassed).
 * Chromium's network emulation is per target, and the cross-origin frames are targets of their own,
 * created before a test can reach them; one proxy in front of every origin throttles them all alike,
 * the same way every run, and logs every request for the round-trip count.
 *
 * It applies what DevTools' throttling applies (the issue's figures: 400 kbit/s down, 400 ms RTT):
 * a response's headers leave no earlier than the RTT after its request arrived, and every response
 * body shares one downlink, sent in slices at its rate. Requests go up unthrottled (they are a few
 * hundred bytes), and there is no TCP handshake to slow down: the browser's connections end here.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Throttle {
  downKbitPerS: number;
  rttMs: number;
}

export const SLOW_3G: Throttle = { downKbitPerS: 400, rttMs: 400 };

export interface LoggedRequest {
  method: string;
  url: string;
  /** ms since the epoch: the request reached the proxy / its last byte left it. */
  start: number;
  end: number;
  bytes: number;
}

export interface ThrottleProxy {
  url: string;
  log: LoggedRequest[];
  close(): Promise<void>;
}

/** About three TCP segments: small enough for responses to take turns finely. */
const SLICE_BYTES = 4096;

export async function startThrottleProxy(throttle: Throttle): Promise<ThrottleProxy> {
  const sliceMs = (bytes: number) => bytes / ((throttle.downKbitPerS * 1000) / 8 / 1000);
  const log: LoggedRequest[] = [];
  const downlink = createDownlink(sliceMs);
  const at = (time: number, run: () => void) => setTimeout(run, Math.max(0, time - Date.now()));

  const server: Server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const start = Date.now();
    let target: URL;
    try {
      target = new URL(incoming.url ?? '');
    } catch {
      outgoing.writeHead(400).end('a forward proxy takes absolute URLs');
      return;
    }
    // The bench's servers bind 127.0.0.1; Node might try ::1 for localhost.
    const hostname = target.hostname === 'localhost' ? '127.0.0.1' : target.hostname;
    const entry: LoggedRequest = { method: incoming.method ?? 'GET', url: target.href, start, end: start, bytes: 0 };
    log.push(entry);
    const upstream = httpRequest(
      { hostname, port: target.port || 80, path: `${target.pathname}${target.search}`, method: incoming.method, headers: incoming.headers },
      (response) => {
        const stream = downlink.open(outgoing, (bytes) => (entry.bytes += bytes), () => (entry.end = Date.now()));
        // Headers no earlier than the RTT after the request; the body queues on the downlink from then.
        at(start + throttle.rttMs, () => {
          if (outgoing.destroyed) return;
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          stream.start();
        });
        response.on('data', (chunk: Buffer) => {
          for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) stream.push(chunk.subarray(offset, offset + SLICE_BYTES));
        });
        response.on('end', () => stream.finish());
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close() {
      downlink.stop();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface DownlinkStream {
  /** The response's headers are out: its slices may go. */
  start(): void;
  push(slice: Buffer): void;
  /** No more slices: the response ends after the last one. */
  finish(): void;
}

/**
 * One link shared by every response, as a phone's radio is: one slice at a time, taking its size at the
 * link's rate, the responses with slices waiting taking turns. A response whose browser connection has
 * closed (its page's context is gone) leaves the link at once, so it never slows the next run.
 */
function createDownlink(sliceMs: (bytes: number) => number) {
  interface Stream {
    out: ServerResponse;
    slices: Buffer[];
    started: boolean;
    finished: boolean;
    sent(bytes: number): void;
    ended(): void;
  }
  const streams: Stream[] = [];
  let busy = false;
  let timer: NodeJS.Timeout | undefined;

  const endIfDone = (stream: Stream) => {
    if (!stream.started || !stream.finished || stream.slices.length > 0) return;
    streams.splice(streams.indexOf(stream), 1);
    stream.ended();
    stream.out.end();
  };
  const pump = () => {
    if (busy) return;
    for (const gone of streams.filter((stream) => stream.out.destroyed)) streams.splice(streams.indexOf(gone), 1);
    const next = streams.find((stream) => stream.started && stream.slices.length > 0);
    if (!next) return;
    const slice = next.slices.shift()!;
    // Its turn is over: to the back of the line.
    streams.splice(streams.indexOf(next), 1);
    streams.push(next);
    busy = true;
    timer = setTimeout(() => {
      busy = false;
      if (!next.out.destroyed) {
        next.out.write(slice);
        next.sent(slice.length);
        endIfDone(next);
      }
      pump();
    }, sliceMs(slice.length));
  };
  return {
    open(out: ServerResponse, sent: (bytes: number) => void, ended: () => void): DownlinkStream {
      const stream: Stream = { out, slices: [], started: false, finished: false, sent, ended };
      streams.push(stream);
      return {
        start() {
          stream.started = true;
          endIfDone(stream);
          pump();
        },
        push(slice) {
          stream.slices.push(slice);
          pump();
        },
        finish() {
          stream.finished = true;
          endIfDone(stream);
        },
      };
    },
    stop() {
      clearTimeout(timer);
      streams.length = 0;
    },
  };
}

/**
 * The longest chain of requests where each one started only after the one before had finished: the
 * round trips a page waits through one after another. Over `requests` (those after the script and
 * before `ready`), as the request log gives them.
 */
export function sequentialRoundTrips(requests: readonly Pick<LoggedRequest, 'start' | 'end' | 'url'>[]): { depth: number; chain: string[] } {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const best: { depth: number; chain: string[] }[] = [];
  for (const [i, request] of sorted.entries()) {
    let longest: { depth: number; chain: string[] } = { depth: 0, chain: [] };
    for (let j = 0; j < i; j++) {
      if (sorted[j]!.end <= request.start && best[j]!.depth > longest.depth) longest = best[j]!;
    }
    best.push({ depth: longest.depth + 1, chain: [...longest.chain, request.url] });
  }
  return best.reduce((a, b) => (b.depth > a.depth ? b : a), { depth: 0, chain: [] as string[] });
}

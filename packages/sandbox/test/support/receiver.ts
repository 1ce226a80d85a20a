/** A webhook receiver on 127.0.0.1 for tests: records every delivery and answers with scripted statuses. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';
import type { SoxaraEvent } from '@soxara/protocol';
import { checkSignature, type VerifyOptions } from '@soxara/protocol/signature';

export interface ReceivedWebhook {
  at: number;
  body: string;
  signature: string | undefined;
  contentType: string | undefined;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses for the next requests, in order (0: never answer); 200 once they run out. */
  respondWith(statuses: number[]): void;
  /** Resolves when `count` deliveries have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** `port`: to come back where a receiver that went down was (0: any free port). */
export async function startReceiver(options: { port?: number } = {}): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  let statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        at: Date.now(),
        body: Buffer.concat(chunks).toString('utf8'),
        signature: req.headers['soxara-signature'] as string | undefined,
        contentType: req.headers['content-type'],
      });
      const status = statuses.shift() ?? 200;
      if (status !== 0) {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end('ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    respondWith(next) {
      statuses = [...next];
    },
    async waitFor(count, timeoutMs = 5_000) {
      await vi.waitFor(
        () => {
          if (received.length < count) throw new Error(`expected ${count} webhooks, received ${received.length}`);
        },
        { timeout: timeoutMs, interval: 10 },
      );
      return received.slice(0, count);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The event a delivery carries, once its signature verifies with `secret` (the merchant's check); else throws its code. */
export function verifiedEvent(hook: ReceivedWebhook, secret: string, options: VerifyOptions = {}): SoxaraEvent {
  const check = checkSignature(hook.body, hook.signature, secret, options);
  if (!check.ok) throw new Error(`the delivery does not verify: ${check.code}`);
  return JSON.parse(hook.body) as SoxaraEvent;
}

/** The `t=` of a delivery's signature: when it was signed, in Unix seconds. */
export function signedAt(hook: ReceivedWebhook): number {
  return Number(/^t=(\d+),/.exec(hook.signature ?? '')?.[1]);
}

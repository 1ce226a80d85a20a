/**
 * The relay behind `soxara listen`: a loopback HTTP server that is the webhook endpoint the sandbox
 * delivers to, and that passes each delivery on to the merchant's URL, byte for byte with its
 * `Soxara-Signature`, then answers the sandbox with the merchant's own status. So the merchant verifies
 * with the printed secret as in production, a failure they answer is retried by the sandbox's usual
 * backoff, and every attempt is reported the moment it is answered.
 *
 * Why a relay rather than pointing the endpoint at the merchant and following its delivery log: the log
 * (`GET /v1/webhook_endpoints/:id/deliveries`) keeps one row per event with its last attempt, so a
 * follower would have to poll it and could merge or miss retries; the relay sees each attempt itself,
 * with nothing to poll, and needs nothing of the sandbox beyond the public endpoint API.
 *
 * Only deliveries signed with the endpoint's secret are passed on: any process of the machine can reach
 * a loopback port, and the relay must not lend it the sandbox's voice.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { constructEvent, SIGNATURE_HEADER, SoxaraSignatureVerificationError } from '@soxara/node';

/** What became of one delivery attempt. */
export type RelayOutcome =
  | { kind: 'answered'; status: number }
  /** No HTTP answer from the merchant: refused, reset, timed out (`reason` says which). */
  | { kind: 'unanswered'; reason: string };

export interface RelayedDelivery {
  at: Date;
  eventId: string;
  eventType: string;
  outcome: RelayOutcome;
}

export interface RelayOptions {
  forwardTo: URL;
  onDelivery(delivery: RelayedDelivery): void;
  /** A request that was not a signed delivery of this endpoint; nothing was passed on. */
  onRefused(reason: string): void;
}

export interface WebhookRelay {
  /** The URL to register as the webhook endpoint. */
  url: string;
  /** The endpoint's secret, once it exists; until then every request is refused. */
  accept(secret: string): void;
  close(): Promise<void>;
}

// The sandbox gives up on an attempt after 10 s; the relay gives up first, so the line it prints says
// "timeout" for the merchant rather than nothing at all.
const FORWARD_TIMEOUT_MS = 9_000;
// Far above any event the sandbox sends; a bound on what a stray local client can make the relay hold.
const MAX_BODY_BYTES = 1024 * 1024;

export async function startWebhookRelay(options: RelayOptions): Promise<WebhookRelay> {
  let secret: string | null = null;
  const app = new Hono();
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Payload too large\n', 413) }));

  app.post('/', async (c) => {
    const body = await c.req.arrayBuffer();
    const signature = c.req.header(SIGNATURE_HEADER);
    if (secret === null) {
      options.onRefused('a request arrived before the endpoint was registered');
      return c.text('Not ready\n', 503);
    }
    let event;
    try {
      event = constructEvent(Buffer.from(body), signature, secret);
    } catch (error) {
      if (!(error instanceof SoxaraSignatureVerificationError)) throw error;
      options.onRefused(`a request without a valid ${SIGNATURE_HEADER} (${error.code ?? 'invalid'}) was not passed on`);
      return c.text('Invalid signature\n', 400);
    }
    const outcome = await forward(options.forwardTo, body, {
      'Content-Type': c.req.header('Content-Type') ?? 'application/json',
      'User-Agent': c.req.header('User-Agent') ?? 'Soxara-Sandbox',
      [SIGNATURE_HEADER]: signature ?? '',
    });
    options.onDelivery({ at: new Date(), eventId: event.id, eventType: event.type, outcome });
    if (outcome.kind === 'answered') return c.body(null, outcome.status as 200);
    return c.text(`No answer from ${options.forwardTo.href}: ${outcome.reason}\n`, outcome.reason === 'timeout' ? 504 : 502);
  });
  app.notFound((c) => c.text('Not found\n', 404));

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, on a port of the OS's choosing: the sandbox that calls it runs on this machine.
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    accept(value) {
      secret = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function forward(url: URL, body: ArrayBuffer, headers: Record<string, string>): Promise<RelayOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      // As the sandbox itself: a redirect is the merchant's answer (a failure), not somewhere to go.
      redirect: 'manual',
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { kind: 'answered', status: response.status };
  } catch (error) {
    return { kind: 'unanswered', reason: describeFailure(error) };
  }
}

/** `ECONNREFUSED`, `timeout`, …: the cause's code when there is one. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : error.message;
}

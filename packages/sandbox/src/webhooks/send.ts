/**
 * One delivery attempt: POST the event's exact JSON, freshly signed (each retry gets a new timestamp, so
 * a receiver's replay window works), and classify the answer. Only a 2xx delivers; a redirect is a
 * failure (as Stripe), so redirects are not followed.
 *
 * The address is checked where it is used (address-policy.ts): a literal IP before connecting, a name
 * in the DNS lookup of the very connection that is made (so a name cannot pass a check with one answer
 * and connect with another), and the connected socket's peer once more.
 *
 * What the delivery log may say about a failure depends on who can read it. While the sandbox listens on
 * loopback only, its callers are on this machine and can probe it themselves: they get the detail that
 * helps them (`ECONNREFUSED`, `timeout`, `address not allowed`). Once it listens beyond loopback, a caller
 * may be anyone who reaches it, and a log that tells a refused connection (closed port) from a timeout
 * (filtered port) from a refused address (a name that resolves inside) is a port scanner for the network
 * behind the sandbox. Then every failure without an HTTP answer reads `connection failed`, and the
 * attempt is logged at the time it was sent, so its duration does not tell them apart either; nor does
 * when it is logged: such a failure is held until the attempt's timeout is over, as a timeout would be,
 * so that a caller who polls the delivery sees a refused port fail no sooner than a filtered one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import type { Socket } from 'node:net';
import { SIGNATURE_HEADER, signatureHeader } from '@soxara/protocol/signature';
import { literalAddress, refusedClass, type WebhookAddressPolicy } from './address-policy.ts';

export type SendResult =
  | { ok: true; responseCode: number }
  | { ok: false; responseCode: number | null; error: string };

/** `dns.lookup`'s `all: true` form: every address of a name (tests give names answers of their own). */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

export interface SendInput {
  url: string;
  secret: string;
  body: string;
  timeoutMs: number;
  policy: WebhookAddressPolicy;
  /** Aborts the attempt when the sandbox stops. */
  signal?: AbortSignal;
  resolve?: ResolveAll;
}

/** The error every failure without an HTTP answer reads as when the sandbox is exposed. */
export const COARSE_ERROR = 'connection failed';

class AddressRefused extends Error {
  override readonly name = 'AddressRefused';
}

const systemResolve: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for the connection that resolves, refuses the whole name if any of its addresses is refused, and connects to what it checked. */
function guardedLookup(policy: WebhookAddressPolicy, resolve: ResolveAll) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.map((a) => refusedClass(a.address, policy)).find((cls) => cls !== null);
        if (refused) return callback(new AddressRefused(`address not allowed (${refused})`), '');
        const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
        const first = usable[0];
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        if ((options as LookupAllOptions).all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

export async function sendWebhook(input: SendInput): Promise<SendResult> {
  const startedAt = Date.now();
  const result = await attempt(input);
  if (result.ok || result.responseCode !== null || !input.policy.exposed) return result;
  const left = startedAt + input.timeoutMs - Date.now();
  if (left > 0) {
    await sleep(left, undefined, input.signal ? { signal: input.signal } : {}).catch((error: unknown) => {
      // stop(): the dispatcher sees its signal aborted and leaves the delivery due; nothing to add here.
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    });
  }
  return { ok: false, responseCode: null, error: COARSE_ERROR };
}

function attempt(input: SendInput): Promise<SendResult> {
  const url = new URL(input.url);
  const literal = literalAddress(url);
  const refusedLiteral = literal === null ? null : refusedClass(literal, input.policy);
  if (refusedLiteral) return Promise.resolve({ ok: false, responseCode: null, error: `address not allowed (${refusedLiteral})` });

  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = AbortSignal.any([timeout, ...(input.signal ? [input.signal] : [])]);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<SendResult>((settle) => {
    const fail = (error: unknown) => settle({ ok: false, responseCode: null, error: timeout.aborted ? 'timeout' : describe(error) });
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(input.body),
          'User-Agent': 'Soxara-Sandbox/1.0 (+webhooks)',
          [SIGNATURE_HEADER]: signatureHeader({ payload: input.body, secret: input.secret }),
        },
        signal,
        lookup: guardedLookup(input.policy, input.resolve ?? systemResolve),
        // One connection per attempt: a pooled socket would skip the lookup that checks the address.
        agent: false,
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        // The receiver's body is of no use to us; release the connection.
        response.destroy();
        settle(status >= 200 && status < 300 ? { ok: true, responseCode: status } : { ok: false, responseCode: status, error: `HTTP ${status}` });
      },
    );
    req.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        // The peer the socket really reached, whatever resolved it.
        const peer = socket.remoteAddress;
        const refused = peer === undefined ? null : refusedClass(peer, input.policy);
        if (refused) req.destroy(new AddressRefused(`address not allowed (${refused})`));
      });
    });
    req.on('error', fail);
    req.end(input.body);
  });
}

function describe(error: unknown): string {
  if (error instanceof AddressRefused) return error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === 'string' ? code : error.message;
  }
  return String(error);
}

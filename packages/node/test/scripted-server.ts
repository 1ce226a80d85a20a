/**
 * The HTTP server the client's unit tests talk to: each test scripts its answers and reads back what the
 * client sent. One server at a time; `closeScriptedServer()` after each test.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { SoxaraError } from '../src/errors.ts';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** When the request had arrived whole (ms since the epoch). */
  at: number;
}

export type Handler = (req: Seen, res: ServerResponse, count: number) => void;

let server: Server | undefined;

export async function serve(handler: Handler): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() };
      seen.push(entry);
      handler(entry, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, seen };
}

export async function closeScriptedServer(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The SoxaraError a call rejects with; fails the test if it resolves. */
export async function caught(promise: Promise<unknown>): Promise<SoxaraError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SoxaraError);
    return error as SoxaraError;
  }
  throw new Error('expected the call to throw');
}

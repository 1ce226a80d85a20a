/**
 * Network faults a client can meet, made with a raw TCP socket against a real server:
 * - `before-commit`: the connection drops while the body is still being sent (the request never completes);
 * - `after-commit`: the server answered, but the answer is lost on the way back (the socket is cut as the
 *   first byte of the answer arrives, and the client never reads it).
 */
import { connect } from 'node:net';

export type Drop = 'before-commit' | 'after-commit';

export interface LostRequest {
  url: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export async function sendAndLose(request: LostRequest, drop: Drop): Promise<void> {
  const { hostname, port } = new URL(request.url);
  const body = Buffer.from(request.body, 'utf8');
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Content-Type: application/json',
    `Content-Length: ${body.length}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer within 5 s'));
    }, 5_000);
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    socket.once('error', done);
    socket.once('connect', () => {
      if (drop === 'before-commit') {
        socket.write(head);
        socket.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(done, 20));
      } else {
        socket.once('data', done);
        socket.write(Buffer.concat([Buffer.from(head, 'utf8'), body]));
      }
    });
  });
}

/**
 * A client that closes its connection while its body is still arriving makes the body read throw. That
 * is the client's doing, not a fault of the sandbox: it is logged as an aborted request, one line, not as
 * an unexpected 500 with a stack that would send a developer looking for a bug.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** Why the request was aborted, or null when its connection is fine (the error is something else). */
export function abortedRequest(c: Context): string | null {
  // @hono/node-server puts the Node request in the context's env; an in-process app.request() has none.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return null;
  // A request whose body was read in full is `complete` (and destroyed once read): not an abort.
  if (incoming.complete) return null;
  if (incoming.readableAborted || incoming.socket?.destroyed) {
    return 'the client closed the connection before its request body arrived';
  }
  return null;
}

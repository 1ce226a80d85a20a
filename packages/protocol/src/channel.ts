/**
 * One way to talk over a MessagePort, used on both sides of every line: parse what arrives with the
 * line's schema and drop what does not parse, and correlate requests with their responses under a
 * timeout so that a frame that dies never leaves a caller waiting forever.
 */
import * as v from 'valibot';

export interface Line<Out> {
  send(message: Out, transfer?: Transferable[]): void;
  close(): void;
}

/**
 * Starts listening on `port`. `onMessage` only ever sees values that parsed against `incoming`;
 * junk is ignored without a word, as the security rules require.
 */
export function openLine<In, Out>(
  port: MessagePort,
  incoming: v.GenericSchema<unknown, In>,
  onMessage: (message: In, ports: readonly MessagePort[]) => void,
): Line<Out> {
  port.onmessage = (event: MessageEvent) => {
    const parsed = v.safeParse(incoming, event.data);
    if (parsed.success) onMessage(parsed.output, event.ports);
  };
  return {
    send(message, transfer = []) {
      port.postMessage(message, transfer);
    },
    close() {
      port.onmessage = null;
      port.close();
    },
  };
}

export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
}

/** Pending requests by id. `settle` is called by the line's handler when the answer arrives. */
export class PendingRequests<Result> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: Result): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();

  /** Sends with a fresh id (via `send`) and waits for `settle(id, …)` for at most `timeoutMs`. */
  request(send: (id: number) => void, timeoutMs: number): Promise<Result> {
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new RequestTimeoutError(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      send(id);
    });
  }

  /** Resolves the request `id`; answers to unknown or already-settled ids are ignored. */
  settle(id: number, result: Result): void {
    const entry = this.waiting.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.waiting.delete(id);
    entry.resolve(result);
  }

  /** Fails every pending request (the line closed, the frame went away). */
  rejectAll(error: Error): void {
    for (const [id, entry] of this.waiting) {
      clearTimeout(entry.timer);
      this.waiting.delete(id);
      entry.reject(error);
    }
  }
}

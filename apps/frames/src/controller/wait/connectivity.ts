/**
 * Whether the browser has a network at all, and a way to wait until it has one again. A request that
 * fails while the browser says it is offline tells us nothing about the payment: the flows stop asking
 * (no request spent, no backoff grown), show the customer one calm line, and ask again the moment the
 * browser is back online — a confirm with the same idempotency key, a wait with the same poller.
 *
 * Only `navigator.onLine` and the `online` / `offline` events: when they say offline, no request can
 * leave; when they say online, the flows' own retries and timeouts handle a network that is bad.
 */
import { sleep, type Clock } from './clock.ts';

export interface Connectivity {
  online(): boolean;
  /** Called with false on going offline and true on coming back; returns the unsubscribe. */
  subscribe(listener: (online: boolean) => void): () => void;
}

export function browserConnectivity(target: Window): Connectivity {
  return {
    online: () => target.navigator.onLine !== false,
    subscribe(listener) {
      const offline = () => listener(false);
      const online = () => listener(true);
      target.addEventListener('offline', offline);
      target.addEventListener('online', online);
      return () => {
        target.removeEventListener('offline', offline);
        target.removeEventListener('online', online);
      };
    },
  };
}

/** For contexts without a browser (tests, a controller not given one). */
export const alwaysOnline: Connectivity = { online: () => true, subscribe: () => () => {} };

/**
 * Resolves true once the browser is online (at once if it is), false if `signal` aborts or `maxMs`
 * passes first.
 */
export async function whenOnline(connectivity: Connectivity, clock: Clock, maxMs: number, signal: AbortSignal): Promise<boolean> {
  if (connectivity.online()) return true;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const unsubscribe = connectivity.subscribe((online) => online && stop.abort());
  try {
    await sleep(clock, maxMs, stop.signal);
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
  return !signal.aborted && connectivity.online();
}

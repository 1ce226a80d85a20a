/**
 * In-process wake-ups for long polls: a waiter registers for one payment id and is resolved when any code
 * path commits a change to that payment. No polling loop; a waiter that times out just unregisters.
 */
export interface PaymentNotifier {
  /** Resolves `true` when the payment changed, `false` after `timeoutMs` or when `signal` aborts. */
  waitForChange(paymentId: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean>;
  notify(paymentId: string): void;
  /** Releases every waiter, now and later (on shutdown). */
  closeAll(): void;
}

export function createPaymentNotifier(): PaymentNotifier {
  const waiters = new Map<string, Set<(changed: boolean) => void>>();
  let closed = false;

  function remove(id: string, waiter: (changed: boolean) => void): void {
    const set = waiters.get(id);
    if (!set) return;
    set.delete(waiter);
    if (set.size === 0) waiters.delete(id);
  }

  return {
    waitForChange(paymentId, timeoutMs, signal) {
      return new Promise((resolve) => {
        const finish = (changed: boolean): void => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          remove(paymentId, finish);
          resolve(changed);
        };
        const onAbort = (): void => finish(false);
        const timer = setTimeout(() => finish(false), timeoutMs);
        if (closed || signal?.aborted) return finish(false);
        signal?.addEventListener('abort', onAbort, { once: true });
        let set = waiters.get(paymentId);
        if (!set) waiters.set(paymentId, (set = new Set()));
        set.add(finish);
      });
    },
    notify(paymentId) {
      for (const waiter of [...(waiters.get(paymentId) ?? [])]) waiter(true);
    },
    closeAll() {
      closed = true;
      for (const [, set] of waiters) for (const waiter of [...set]) waiter(false);
    },
  };
}

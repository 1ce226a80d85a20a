/** The simplest Notifier (see controller/context.ts): subscribe, and emit to every subscriber. */
import type { Notifier } from '../controller/context.ts';

export interface Emitter extends Notifier {
  emit(): void;
}

export function createEmitter(): Emitter {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit() {
      for (const listener of [...listeners]) listener();
    },
  };
}

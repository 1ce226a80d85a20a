/** Something that happens now and then (no payload), and the simplest source of it. */
export interface Notifier {
  /** Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

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

/** The `on` / `once` / `off` of elements. A throwing handler is reported, never allowed to break the form. */
type Handler = (event: never) => void;

export class Emitter<Events extends object> {
  private readonly handlers = new Map<keyof Events, Set<Handler>>();

  on<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): void {
    if (typeof handler !== 'function') return;
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as Handler);
  }

  once<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): void {
    const wrapper = (payload: Events[E]): void => {
      this.off(event, wrapper);
      handler(payload);
    };
    this.on(event, wrapper);
  }

  /** Without a handler: removes every handler of the event. */
  off<E extends keyof Events>(event: E, handler?: (payload: Events[E]) => void): void {
    if (handler) this.handlers.get(event)?.delete(handler as Handler);
    else this.handlers.delete(event);
  }

  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) {
      try {
        (handler as (payload: Events[E]) => void)(payload);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}

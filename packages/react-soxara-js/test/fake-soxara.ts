/**
 * A stand-in for the Soxara instance that records what the bindings do to it: which forms they make,
 * where elements are mounted (each mount puts one stand-in for the iframe in the container, as the
 * real script puts its iframe; happy-dom loads no frames), which listeners are attached, and which updates are sent. Tests fire element events on it.
 */
import type { ElementEventMap, ElementEventName, SoxaraInstance } from '@soxara/soxara-js';
import type { ElementsOptions } from '../src/index.ts';

type Listener = (payload: unknown) => void;

export class FakeElement {
  readonly listeners = new Map<ElementEventName, Set<Listener>>();
  readonly calls: string[] = [];
  readonly updates: unknown[] = [];
  container: HTMLElement | null = null;
  destroyed = false;
  private iframe: HTMLElement | null = null;

  constructor(readonly elementType: 'payment' | 'card') {}

  mount(target: HTMLElement): this {
    if (this.destroyed) throw new Error('This element was destroyed: create a new one.');
    if (this.iframe) throw new Error('This element is already mounted: unmount() it first.');
    this.calls.push('mount');
    this.iframe = document.createElement('div');
    this.iframe.dataset.soxaraFrame = this.elementType;
    target.appendChild(this.iframe);
    this.container = target;
    return this;
  }
  unmount(): this {
    this.calls.push('unmount');
    this.iframe?.remove();
    this.iframe = null;
    this.container = null;
    return this;
  }
  destroy(): void {
    this.unmount();
    this.calls.push('destroy');
    this.destroyed = true;
  }
  update(options: unknown): this {
    this.updates.push(options);
    return this;
  }
  focus(): this {
    this.calls.push('focus');
    return this;
  }
  blur(): this {
    this.calls.push('blur');
    return this;
  }
  clear(): this {
    this.calls.push('clear');
    return this;
  }
  on(event: ElementEventName, handler: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(handler);
    return this;
  }
  once(event: ElementEventName, handler: Listener): this {
    return this.on(event, handler);
  }
  off(event: ElementEventName, handler?: Listener): this {
    if (handler) this.listeners.get(event)?.delete(handler);
    else this.listeners.delete(event);
    return this;
  }

  /** What the frame would report: every listener of the event is called with the payload. */
  emit<E extends ElementEventName>(event: E, payload: ElementEventMap[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(payload);
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }

  get isMounted(): boolean {
    return this.iframe !== null;
  }
}

export class FakeForm extends FakeElement {
  readonly cards: FakeElement[] = [];

  constructor(readonly options: ElementsOptions) {
    super('payment');
  }

  create(type: 'card'): FakeElement {
    const live = this.cards.at(-1);
    if (live && !live.destroyed) throw new Error('Can only create one card element per elements(); destroy() the first one to make another.');
    const card = new FakeElement(type);
    this.cards.push(card);
    return card;
  }
  getElement(): FakeElement | null {
    return this.cards.at(-1) ?? null;
  }
}

export interface FakeSoxara {
  instance: SoxaraInstance;
  /** Every form made, in order. */
  forms: FakeForm[];
  /** The one form the test expects to exist. */
  form(): FakeForm;
}

export function fakeSoxara(options: { withoutUpdate?: boolean; refuse?: Error } = {}): FakeSoxara {
  const forms: FakeForm[] = [];
  const instance = {
    elements(elementsOptions: ElementsOptions) {
      if (options.refuse) throw options.refuse;
      const form = new FakeForm(elementsOptions);
      if (options.withoutUpdate) Object.defineProperty(form, 'update', { value: undefined });
      forms.push(form);
      return form;
    },
    confirmPayment: async () => ({ error: { type: 'validation_error', code: 'fake', message: 'fake instance' } }),
    retrievePaymentIntent: async () => ({ error: { type: 'validation_error', code: 'fake', message: 'fake instance' } }),
    handleNextAction: async () => ({ error: { type: 'validation_error', code: 'fake', message: 'fake instance' } }),
  } as unknown as SoxaraInstance;
  return {
    instance,
    forms,
    form() {
      if (forms.length !== 1) throw new Error(`expected one form, found ${forms.length}`);
      return forms[0]!;
    },
  };
}

/** A promise with its settle functions outside, to resolve or reject in the middle of a test. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The frames on the page, as the fake mounts them. */
export function framesOnPage(): Element[] {
  return Array.from(document.querySelectorAll('[data-soxara-frame]'));
}

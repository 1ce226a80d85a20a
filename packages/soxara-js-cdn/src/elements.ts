/**
 * `soxara.elements({clientSecret, …})`: the form. Mounted, it is card fields (or the tabbed card /
 * MoMo / wallet form) with a pay button; `create('card')` gives card fields alone for merchants with
 * their own button. Both share the group's client secret, appearance and locale.
 *
 * A deferred form (`mode: 'payment'`) has no client secret (undefined): its amount and currency travel to
 * the frames with the other options. What `submit()` found and whether the payment fits the form is
 * the frames' to know (apps/frames/src/controller/deferred.ts): this page only passes them through.
 */
import type { Locale } from '@soxara/protocol';
import { IntegrationError } from './errors.ts';
import { MountedElement, type ElementHost } from './element.ts';
import { checkDeferred, elementKind, elementOptions, pageLanguages, resolveLocale } from './options.ts';
import type {
  ConfirmParams,
  ElementEventHandler,
  ElementEventName,
  ElementType,
  ElementUpdateOptions,
  ElementsSubmitResult,
  SoxaraCardElement,
  SoxaraElements,
  SoxaraElementsOptions,
  SoxaraMountable,
} from '@soxara/soxara-js';

/** What the group needs from the Soxara instance that made it. */
export interface ElementsOwner {
  jsOrigin: string;
  locale: Locale;
  attach(elementId: string, kind: ElementType, clientSecret: string | undefined, port: MessagePort): void;
  detach(elementId: string): void;
  /** An element of the group is ready to type in. */
  elementReady(): void;
  confirmFromSubmit(group: ElementsGroup): void;
  /** `submit()` and `fetchUpdates()`: a call naming the group's confirm target, resolving `{}` or `{ error }`. */
  run(group: ElementsGroup, method: 'submit-element' | 'fetch-updates', where: string): Promise<ElementsSubmitResult>;
}

/** The mount / update / on / off / once surface shared by the form and `create('card')`. */
abstract class Mountable<Self> implements SoxaraMountable<Self> {
  constructor(protected readonly element: MountedElement) {}

  /** Each subclass is its own `Self`: the chainable calls return it. */
  private get self(): Self {
    return this as unknown as Self;
  }
  protected abstract applyUpdate(options: ElementUpdateOptions): void;

  mount(target: string | HTMLElement): Self {
    this.element.mount(target);
    return this.self;
  }
  unmount(): Self {
    this.element.unmount();
    return this.self;
  }
  destroy(): void {
    this.element.destroy();
  }
  update(options: ElementUpdateOptions): Self {
    this.applyUpdate(options);
    return this.self;
  }
  focus(): Self {
    this.element.command('focus');
    return this.self;
  }
  blur(): Self {
    this.element.command('blur');
    return this.self;
  }
  clear(): Self {
    this.element.command('clear');
    return this.self;
  }
  on<E extends ElementEventName>(event: E, handler: ElementEventHandler<E>): Self {
    this.element.events.on(event, handler);
    return this.self;
  }
  once<E extends ElementEventName>(event: E, handler: ElementEventHandler<E>): Self {
    this.element.events.once(event, handler);
    return this.self;
  }
  off<E extends ElementEventName>(event: E, handler?: ElementEventHandler<E>): Self {
    this.element.events.off(event, handler);
    return this.self;
  }
}

class CardElement extends Mountable<SoxaraCardElement> implements SoxaraCardElement {
  readonly elementType = 'card' as const;
  constructor(element: MountedElement, private readonly group: ElementsGroup) {
    super(element);
  }
  protected applyUpdate(options: ElementUpdateOptions): void {
    this.group.applyUpdate(options);
  }
}

export class ElementsGroup extends Mountable<SoxaraElements> implements SoxaraElements {
  readonly form: MountedElement;
  card: MountedElement | null = null;
  private cardElement: CardElement | null = null;
  private locale: Locale;
  private disabled: boolean | undefined;

  constructor(
    readonly owner: ElementsOwner,
    readonly clientSecret: string | undefined,
    private readonly options: SoxaraElementsOptions,
    readonly confirmParams: ConfirmParams | undefined,
  ) {
    const locale = resolveLocale(options.locale, owner.locale, pageLanguages());
    const kind = elementKind(options.paymentMethods);
    const form = new MountedElement(kind, groupHost(owner, clientSecret, () => owner.confirmFromSubmit(this)), elementOptions(options, locale, true));
    super(form);
    this.locale = locale;
    this.form = form;
  }


  create(type: 'card'): SoxaraCardElement {
    if (type !== 'card') throw new IntegrationError(`elements.create(): unknown element type "${String(type)}"; only "card" exists.`);
    if (this.card && !this.card.destroyed) {
      throw new IntegrationError('Can only create one card element per elements(); destroy() the first one to make another.');
    }
    const owner = this.owner;
    this.card = new MountedElement('card', groupHost(owner, this.clientSecret, () => owner.confirmFromSubmit(this)), elementOptions({ ...this.options, paymentMethods: undefined }, this.locale, false));
    this.cardElement = new CardElement(this.card, this);
    return this.cardElement;
  }

  getElement(type: 'card'): SoxaraCardElement | null {
    return type === 'card' ? this.cardElement : null;
  }

  submit(): Promise<ElementsSubmitResult> {
    return this.owner.run(this, 'submit-element', 'elements.submit()');
  }

  fetchUpdates(): Promise<ElementsSubmitResult> {
    return this.owner.run(this, 'fetch-updates', 'elements.fetchUpdates()');
  }

  /** The element `confirmPayment({elements})` confirms: the merchant's own card element first. */
  confirmTarget(): MountedElement | null {
    if (this.card?.mounted) return this.card;
    return this.form.mounted ? this.form : null;
  }

  applyUpdate(update: ElementUpdateOptions): void {
    if (update.locale !== undefined) this.locale = resolveLocale(update.locale, this.locale, pageLanguages());
    if (update.appearance !== undefined) this.options.appearance = update.appearance;
    if (update.disabled !== undefined) this.disabled = update.disabled;
    // A client-secret form's amount is the payment's: the server changes it, fetchUpdates() shows it.
    if (update.amount !== undefined || update.currency !== undefined) {
      const next = { ...this.options, amount: update.amount ?? this.options.amount, currency: update.currency ?? this.options.currency } as SoxaraElementsOptions;
      checkDeferred(next, 'update()');
      Object.assign(this.options, next);
    }
    const base = { ...this.options, disabled: this.disabled };
    this.form.configure(elementOptions(base, this.locale, true));
    this.card?.configure(elementOptions({ ...base, paymentMethods: undefined }, this.locale, false));
  }
}

function groupHost(owner: ElementsOwner, clientSecret: string | undefined, submitted: () => void): ElementHost {
  return {
    jsOrigin: owner.jsOrigin,
    attach: (elementId, kind, port) => owner.attach(elementId, kind, clientSecret, port),
    detach: (elementId) => owner.detach(elementId),
    ready: () => owner.elementReady(),
    submitted,
  };
}

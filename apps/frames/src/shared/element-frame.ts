/**
 * What every element frame (the card fields, the tabbed payment form) does with its two lines: port 0
 * to the merchant script (configure / focus / blur / clear in; ready, change, focus, blur, submit,
 * escape, resize out — state only, never values) and port 1 to the controller (summary, busy,
 * collect-card, show-error in; the collected card out). The frames add only what their form differs in.
 */
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals-core';
import {
  ControllerToElement,
  MerchantToElement,
  openLine,
  PAY_CLICK_IGNORED,
  type CollectedCard,
  type ElementChange,
  type ElementOptions,
  type ElementToController,
  type ElementToMerchant,
  type ErrorInfo,
  type Line,
  type Locale,
} from '@soxara/protocol';
import { applyAppearance } from './appearance.ts';
import { inCustomerWords } from './copy.ts';
import { formErrorCopy } from './form-copy.ts';
import { formatMoney } from './money.ts';
import { createPayGuard } from './pay-guard.ts';
import { markLite } from './lite.ts';
import { watchHeight } from './watch-height.ts';

export interface ElementFrameHooks {
  /** Moves focus to the form's first control (the merchant called `element.focus()`). */
  focus(): void;
  /** Empties every field (the merchant called `element.clear()`). */
  clear(): void;
  /** The card as the controller asks for it at confirm time. */
  collectCard(): { card: CollectedCard } | { error: ErrorInfo };
  /** `elements.submit()`: checks the current method's fields, showing their errors; the first one, if any. */
  validate(): { ok: true } | { error: ErrorInfo };
  /** After a `configure` was applied, for options the frame reads itself. */
  configured?(options: ElementOptions): void;
}

/** What the form tells the merchant through the frame. */
export interface ElementFormCallbacks {
  /**
   * Once, right after the first render commits: the inputs exist and can take focus. A layout effect,
   * not useEffect, which waits for the next frame (its cost shows in bench/README.md, measure 3).
   */
  onReady(): void;
  onSubmit(): void;
  onEscape(): void;
  onFocusChange(focused: boolean): void;
  /** Ref callback for the pay button, which the pay guard watches (pay-guard.ts). */
  payButton(button: HTMLButtonElement | null): void;
  /** The pay button's click: cancelled, with the reason shown, when the pay guard refuses it. */
  onPayClick(event: MouseEvent): void;
}

/** What every element form component is drawn with: the frame's signals and its callbacks. */
export type ElementFormProps = Pick<ElementFrame, 'locale' | 'payLabel' | 'showPayButton' | 'busy' | 'disabled' | 'declineError' | 'notice'> &
  ElementFormCallbacks;

export interface ElementFrame {
  options: ReadonlySignal<ElementOptions | null>;
  locale: ReadonlySignal<Locale>;
  /** Formatted amount for the pay button; null while unknown. */
  payLabel: ReadonlySignal<string | null>;
  showPayButton: ReadonlySignal<boolean>;
  busy: ReadonlySignal<boolean>;
  disabled: ReadonlySignal<boolean>;
  /** What the last press of Pay came to: a decline, or a click the pay guard ignored. */
  declineError: ReadonlySignal<ErrorInfo | null>;
  /** The controller's calm line while a confirm waits (offline), in the customer's words. */
  notice: ReadonlySignal<string | null>;
  controller: Line<ElementToController>;
  /**
   * Sends `change` to the merchant whenever `change` says something new (transitions only); the state
   * at the start too when `includeInitial` (the tabbed form announces its first method).
   */
  reportChanges(change: ReadonlySignal<ElementChange>, includeInitial: boolean): void;
  /** Clears the shown decline (a new attempt, another tab). */
  clearDecline(): void;
  /** Everything the form component is drawn with, to spread into it. */
  formProps: ElementFormProps;
}

export function connectElementFrame(
  merchantPort: MessagePort,
  controllerPort: MessagePort,
  root: HTMLElement,
  hooks: ElementFrameHooks,
): ElementFrame {
  markLite(document.documentElement, navigator);
  const options = signal<ElementOptions | null>(null);
  const locale = computed<Locale>(() => options.value?.locale ?? 'en');
  const summary = signal<{ amount: number; currency: 'USD' | 'LRD' } | null>(null);
  const busy = signal(false);
  const declineError = signal<ErrorInfo | null>(null);
  let warnedRules = false;
  const notice = signal<string | null>(null);

  const merchant = openLine<MerchantToElement, ElementToMerchant>(merchantPort, MerchantToElement, (message) => {
    switch (message.type) {
      case 'configure': {
        const ignored = applyAppearance(document.documentElement, message.options.appearance);
        // In this frame's console, which DevTools shows beside the page's: the allowlist lives here, and
        // the merchant script stays small. Once per frame, so a re-render never floods the console.
        if (ignored.length > 0 && !warnedRules) {
          warnedRules = true;
          console.warn(`Soxara: ignored appearance.rules outside the allowlist (docs/soxara-js.md#appearance-rules): ${ignored.join(', ')}`);
        }
        document.documentElement.lang = message.options.locale;
        options.value = message.options;
        const { locale: configured, appearance, amount, currency } = message.options;
        controller.send({ type: 'element-settings', locale: configured, appearance, amount, currency });
        hooks.configured?.(message.options);
        break;
      }
      case 'focus':
        hooks.focus();
        break;
      case 'blur':
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        break;
      case 'clear':
        hooks.clear();
        declineError.value = null;
        break;
    }
  });

  const controller = openLine<ControllerToElement, ElementToController>(controllerPort, ControllerToElement, (message) => {
    switch (message.type) {
      case 'payment-summary':
        summary.value = { amount: message.amount, currency: message.currency };
        break;
      case 'busy':
        busy.value = message.busy;
        break;
      case 'collect-card':
        controller.send({ type: 'card-collected', id: message.id, result: hooks.collectCard() });
        break;
      case 'validate':
        controller.send({ type: 'validated', id: message.id, result: hooks.validate() });
        break;
      case 'show-error':
        declineError.value = message.error;
        break;
      case 'notice':
        notice.value = message.message;
        break;
    }
  });

  // A deferred form (`mode: 'payment'`) shows the amount the merchant configured, live as `update()` changes it.
  const payLabel = computed(() => {
    const { amount, currency } = options.value?.currency ? options.value : (summary.value ?? {});
    return currency && amount !== undefined ? formatMoney(amount, currency, locale.value) : null;
  });
  const showPayButton = computed(() => options.value?.showPayButton ?? false);
  const disabled = computed(() => options.value?.disabled ?? false);
  const payGuard = createPayGuard();
  const form: ElementFormCallbacks = {
    onReady() {
      // Before the first measurement, which forces a layout: `ready` needs the inputs, not their size.
      merchant.send({ type: 'ready' });
      watchHeight(root, (height) => merchant.send({ type: 'resize', height }));
    },
    onSubmit() {
      declineError.value = null;
      merchant.send({ type: 'submit' });
    },
    onEscape: () => merchant.send({ type: 'escape' }),
    onFocusChange: (focused) => merchant.send({ type: focused ? 'focus' : 'blur' }),
    payButton: payGuard.watch,
    onPayClick(event) {
      if (payGuard.allows(event)) return;
      event.preventDefault();
      // For the merchant's developer: styles on the page can hide the button from the browser for good.
      console.warn('Soxara: Pay click ignored: the button just appeared or moved, or is covered or see-through (opacity, filter or transform around the frame).');
      declineError.value = inCustomerWords({ ...PAY_CLICK_IGNORED }, formErrorCopy[locale.value]);
    },
  };

  return {
    options,
    locale,
    payLabel,
    showPayButton,
    busy,
    disabled,
    declineError,
    notice,
    controller,
    reportChanges(change, includeInitial) {
      let last = includeInitial ? '' : JSON.stringify(change.peek());
      effect(() => {
        const key = JSON.stringify(change.value);
        if (key === last) return;
        last = key;
        merchant.send({ type: 'change', state: change.value });
      });
    },
    clearDecline() {
      declineError.value = null;
    },
    formProps: { locale, payLabel, showPayButton, busy, disabled, declineError, notice, ...form },
  };
}

/**
 * The card frame wired to its two lines: port 0 to the merchant script (configure / focus / blur /
 * clear in; ready, change, focus, blur, submit, escape, resize out — state only, never values) and
 * port 1 to the controller (summary, busy, collect-card, show-error in; the collected card out).
 */
import { render } from 'preact';
import { computed, effect, signal } from '@preact/signals-core';
import {
  ControllerToElement,
  MerchantToElement,
  openLine,
  type ElementOptions,
  type ElementToController,
  type ElementToMerchant,
  type ErrorInfo,
  type Locale,
} from '@soxara/protocol';
import { applyAppearance } from '../shared/appearance.ts';
import { formatMoney } from '../shared/money.ts';
import { createCardState } from './card-state.ts';
import { CardForm } from './CardForm.tsx';
import { watchHeight } from './resize.ts';

export function startCardFrame(merchantPort: MessagePort, controllerPort: MessagePort, root: HTMLElement): void {
  const options = signal<ElementOptions | null>(null);
  const locale = computed<Locale>(() => options.value?.locale ?? 'en');
  const summary = signal<{ amount: number; currency: 'USD' | 'LRD' } | null>(null);
  const busy = signal(false);
  const declineError = signal<ErrorInfo | null>(null);
  const state = createCardState(locale);

  const merchant = openLine<MerchantToElement, ElementToMerchant>(merchantPort, MerchantToElement, (message) => {
    switch (message.type) {
      case 'configure':
        applyAppearance(document.documentElement, message.options.appearance);
        document.documentElement.lang = message.options.locale;
        options.value = message.options;
        break;
      case 'focus':
        document.querySelector<HTMLInputElement>('#sx-number')?.focus();
        break;
      case 'blur':
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        break;
      case 'clear':
        state.clear();
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
        controller.send({ type: 'card-collected', id: message.id, result: state.collect() });
        break;
      case 'show-error':
        declineError.value = message.error;
        break;
    }
  });

  const payLabel = computed(() => (summary.value ? formatMoney(summary.value.amount, summary.value.currency, locale.value) : null));
  const showPayButton = computed(() => options.value?.showPayButton ?? false);
  const disabled = computed(() => options.value?.disabled ?? false);

  // `change` on state transitions only: the summary is value-free, and repeats are dropped.
  let lastChange = JSON.stringify(state.change.peek());
  effect(() => {
    const change = state.change.value;
    const key = JSON.stringify(change);
    if (key === lastChange) return;
    lastChange = key;
    merchant.send({ type: 'change', state: change });
  });

  function App() {
    // Nothing to show before the first configure: the locale and the pay button come with it.
    if (!options.value) return null;
    return (
      <CardForm
        state={state}
        locale={locale}
        payLabel={payLabel}
        showPayButton={showPayButton}
        busy={busy}
        disabled={disabled}
        declineError={declineError}
        onReady={() => {
          // Before the first measurement, which forces a layout: `ready` needs the inputs, not their size.
          merchant.send({ type: 'ready' });
          watchHeight(root, (height) => merchant.send({ type: 'resize', height }));
        }}
        onSubmit={() => {
          declineError.value = null;
          merchant.send({ type: 'submit' });
        }}
        onEscape={() => merchant.send({ type: 'escape' })}
        onFocusChange={(focused) => merchant.send({ type: focused ? 'focus' : 'blur' })}
      />
    );
  }
  // One effect draws the form and draws it again when a signal it read changes (Preact's diff keeps
  // the DOM and the caret). @preact/signals' per-component tracking would do the same for 1.3 KB
  // gzip more, which the card frame's 20 KB budget cannot spare.
  effect(() => render(<App />, root));
}

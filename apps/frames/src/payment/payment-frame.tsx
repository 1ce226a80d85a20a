/**
 * The tabbed payment frame wired to its two lines, as the card frame is: the merchant hears state
 * only (ready, change with the chosen method, focus, blur, submit, escape, resize); the controller
 * hears the selected tab, the MoMo details and, when it asks, the card. Nothing typed here ever goes
 * to the merchant page.
 */
import { render } from 'preact';
import { computed, effect, signal } from '@preact/signals';
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
import { createCardState } from '../card/card-state.ts';
import { watchHeight } from '../card/resize.ts';
import { createMomoState } from './momo-state.ts';
import { PaymentForm, type Method } from './PaymentForm.tsx';

export function startPaymentFrame(merchantPort: MessagePort, controllerPort: MessagePort, root: HTMLElement): void {
  const options = signal<ElementOptions | null>(null);
  const locale = computed<Locale>(() => options.value?.locale ?? 'en');
  const methods = computed<readonly Method[]>(() => {
    const offered = options.value?.paymentMethods ?? ['card'];
    return offered.length > 0 ? [...new Set(offered)] : ['card'];
  });
  const selected = signal<Method>('card');
  const summary = signal<{ amount: number; currency: 'USD' | 'LRD' } | null>(null);
  const busy = signal(false);
  const declineError = signal<ErrorInfo | null>(null);
  const card = createCardState(locale);
  const momo = createMomoState(locale);

  const merchant = openLine<MerchantToElement, ElementToMerchant>(merchantPort, MerchantToElement, (message) => {
    switch (message.type) {
      case 'configure':
        applyAppearance(document.documentElement, message.options.appearance);
        document.documentElement.lang = message.options.locale;
        options.value = message.options;
        if (!methods.value.includes(selected.value)) selected.value = methods.value[0] ?? 'card';
        break;
      case 'focus':
        document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
        break;
      case 'blur':
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        break;
      case 'clear':
        card.clear();
        momo.clear();
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
        controller.send({ type: 'card-collected', id: message.id, result: card.collect() });
        break;
      case 'show-error':
        declineError.value = message.error;
        break;
    }
  });

  // The controller always knows the tab and the MoMo details, so `confirm-element` needs no round trip.
  effect(() => {
    controller.send({ type: 'method-selected', method: selected.value });
    declineError.value = null;
  });
  effect(() => {
    controller.send({ type: 'momo-details', provider: momo.provider.value, phoneNumber: momo.phoneNumber.value.slice(0, 40) });
  });

  const change = computed(() => {
    if (selected.value === 'card') return { ...card.change.value, paymentMethod: 'card' as const };
    if (selected.value === 'momo') return momo.change.value;
    return { complete: true, empty: false, brand: 'unknown' as const, error: null, paymentMethod: 'soxara_wallet' as const };
  });
  let lastChange = '';
  effect(() => {
    const key = JSON.stringify(change.value);
    if (key === lastChange) return;
    lastChange = key;
    merchant.send({ type: 'change', state: change.value });
  });

  const payLabel = computed(() => (summary.value ? formatMoney(summary.value.amount, summary.value.currency, locale.value) : null));
  const showPayButton = computed(() => options.value?.showPayButton ?? false);
  const disabled = computed(() => options.value?.disabled ?? false);

  function App() {
    if (!options.value) return null;
    return (
      <PaymentForm
        methods={methods.value}
        selected={selected}
        card={card}
        momo={momo}
        locale={locale}
        payLabel={payLabel}
        showPayButton={showPayButton}
        busy={busy}
        disabled={disabled}
        declineError={declineError}
        onReady={() => {
          watchHeight(root, (height) => merchant.send({ type: 'resize', height }));
          merchant.send({ type: 'ready' });
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
  render(<App />, root);
}

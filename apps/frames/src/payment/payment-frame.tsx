/**
 * The tabbed payment frame on the element frame's two lines, as the card frame is: the merchant hears
 * state only (with the chosen method); the controller also hears the selected tab and the MoMo details
 * and, when it asks, the card. Nothing typed here ever goes to the merchant page.
 */
import { computed, effect, signal } from '@preact/signals-core';
import { createCardState } from '../card/card-state.ts';
import { drawWithSignals } from '../shared/draw.tsx';
import { connectElementFrame } from '../shared/element-frame.ts';
import { createMomoState } from './momo-state.ts';
import { PaymentForm, type Method } from './PaymentForm.tsx';

export function startPaymentFrame(merchantPort: MessagePort, controllerPort: MessagePort, root: HTMLElement): void {
  const selected = signal<Method>('card');
  // The hooks run only once messages arrive, after `card` and `momo` exist.
  const frame = connectElementFrame(merchantPort, controllerPort, root, {
    focus: () => document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus(),
    clear: () => {
      card.clear();
      momo.clear();
    },
    collectCard: () => card.collect(),
    validate: () => {
      if (selected.value === 'card') {
        const collected = card.collect();
        return 'error' in collected ? collected : { ok: true };
      }
      if (selected.value !== 'momo' || momo.validate()) return { ok: true };
      // validate() has made the number's error visible: the form shows what submit() answers.
      const error = momo.error.peek();
      return error ? { error } : { ok: true };
    },
    configured: () => {
      if (!methods.value.includes(selected.value)) selected.value = methods.value[0] ?? 'card';
    },
  });
  const methods = computed<readonly Method[]>(() => {
    const offered = frame.options.value?.paymentMethods ?? ['card'];
    return offered.length > 0 ? [...new Set(offered)] : ['card'];
  });
  const card = createCardState(frame.locale);
  const momo = createMomoState(frame.locale);

  // The controller always knows the tab and the MoMo details, so `confirm-element` needs no round trip.
  effect(() => {
    frame.controller.send({ type: 'method-selected', method: selected.value });
    frame.clearDecline();
  });
  effect(() => {
    frame.controller.send({ type: 'momo-details', provider: momo.provider.value, phoneNumber: momo.phoneNumber.value.slice(0, 40) });
  });

  const change = computed(() => {
    if (selected.value === 'card') return { ...card.change.value, paymentMethod: 'card' as const };
    if (selected.value === 'momo') return momo.change.value;
    return { complete: true, empty: false, brand: 'unknown' as const, error: null, paymentMethod: 'soxara_wallet' as const };
  });
  frame.reportChanges(change, true);

  function App() {
    if (!frame.options.value) return null;
    return (
      <PaymentForm
        methods={methods.value}
        selected={selected}
        card={card}
        momo={momo}
        {...frame.formProps}
      />
    );
  }
  drawWithSignals(App, root);
}

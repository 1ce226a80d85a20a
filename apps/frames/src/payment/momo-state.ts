/**
 * The MoMo tab's state: provider and number (typed in this frame, sent only to the controller), the
 * check of the number as the customer leaves the field, and the value-free summary for `change`.
 *
 * The operator is read from the number (MTN `088…`/`0555…`, Orange `077…`): a customer should not have
 * to know which network a number is on, nor be refused for a wrong guess. The picker (`chosen`) is
 * asked for only when the number cannot tell, once the customer has left the field or pressed pay.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import type { ElementChange, ErrorInfo, Locale, MomoProvider } from '@soxara/protocol';
import { parseLiberianMobile } from '@soxara/protocol/liberian-mobile';
import { checkMomoNumber, phoneErrorMessage } from '../shared/phone.ts';

export function createMomoState(locale: ReadonlySignal<Locale>) {
  const chosen = signal<MomoProvider>('mtn');
  const phoneNumber = signal('');
  const left = signal(false);
  const forced = signal(false);
  const detected = computed<MomoProvider | null>(() => {
    const parsed = parseLiberianMobile(phoneNumber.value);
    return parsed.ok ? parsed.operator : null;
  });
  const provider = computed<MomoProvider>(() => detected.value ?? chosen.value);
  const needsPicker = computed(() => detected.value === null && (forced.value || left.value) && phoneNumber.value.trim() !== '');

  const check = computed(() => checkMomoNumber(phoneNumber.value, provider.value));
  const error = computed<ErrorInfo | null>(() => {
    const current = check.value;
    if (current.ok) return null;
    // As for the card fields: shown once the customer has left the field, or tried to pay.
    const empty = phoneNumber.value.trim() === '';
    if (!(forced.value || (left.value && !empty))) return null;
    return { type: 'validation_error', code: current.code, param: 'phone_number', message: phoneErrorMessage(current.code, provider.value, locale.value) };
  });
  const change = computed<ElementChange>(() => ({
    complete: check.value.ok,
    empty: phoneNumber.value.trim() === '',
    brand: 'unknown',
    error: error.value,
    paymentMethod: 'momo',
  }));

  return {
    /** The customer's pick, used only when the number cannot tell. */
    chosen,
    provider,
    detected,
    needsPicker,
    phoneNumber,
    error,
    change,
    left() {
      left.value = true;
    },
    edited() {
      forced.value = false;
    },
    /** The customer pressed pay: show what is wrong, if anything. */
    validate(): boolean {
      forced.value = true;
      return check.value.ok;
    },
    clear() {
      phoneNumber.value = '';
      left.value = false;
      forced.value = false;
    },
  };
}

export type MomoState = ReturnType<typeof createMomoState>;

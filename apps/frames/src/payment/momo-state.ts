/**
 * The MoMo tab's state: provider and number (typed in this frame, sent only to the controller), the
 * check of the number as the customer leaves the field, and the value-free summary for `change`.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import type { ElementChange, ErrorInfo, Locale, MomoProvider } from '@soxara/protocol';
import { checkMomoNumber, phoneErrorMessage } from '../shared/phone.ts';

export function createMomoState(locale: ReadonlySignal<Locale>) {
  const provider = signal<MomoProvider>('mtn');
  const phoneNumber = signal('');
  const left = signal(false);
  const forced = signal(false);

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
    provider,
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

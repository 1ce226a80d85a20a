/**
 * The card form's state as signals: the three values (which never leave this frame except in
 * `card-collected` to the controller), which fields the customer has left, and everything derived
 * from them — brand, per-field errors, and the value-free summary the merchant sees in `change`.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import type { CardBrand, CollectedCard, ElementChange, ErrorInfo, Locale } from '@soxara/protocol';
import { t, type MessageKey } from '../shared/i18n.ts';
import { cvcStatus, expiryProblem, expiryStatus, numberInfo, numberStatus, parseExpiry, type FieldStatus } from './card-model.ts';

export type Field = 'number' | 'expiry' | 'cvc';
export const FIELDS: readonly Field[] = ['number', 'expiry', 'cvc'];

const PARAM: Record<Field, string> = { number: 'card[number]', expiry: 'card[exp]', cvc: 'card[cvc]' };

export function createCardState(locale: ReadonlySignal<Locale>) {
  const number = signal('');
  const expiry = signal('');
  const cvc = signal('');
  const left = { number: signal(false), expiry: signal(false), cvc: signal(false) };

  const info = computed(() => numberInfo(number.value));
  const status = computed<Record<Field, FieldStatus>>(() => ({
    number: numberStatus(number.value),
    expiry: expiryStatus(expiry.value),
    cvc: cvcStatus(cvc.value, info.value.cvcLength),
  }));

  function errorOf(field: Field, forced: boolean): ErrorInfo | null {
    const current = status.value[field];
    if (current === 'complete') return null;
    // Invalid shows at once; incomplete only once the customer has left the field (or tried to pay).
    if (current !== 'invalid' && !(forced || (left[field].value && current !== 'empty'))) return null;
    const [code, key] = describe(field, current);
    return { type: 'validation_error', code, message: t(locale.value, key), param: PARAM[field] };
  }

  function describe(field: Field, current: FieldStatus): [string, MessageKey] {
    if (field === 'number') return current === 'invalid' ? ['invalid_number', 'numberInvalid'] : ['incomplete_number', 'numberIncomplete'];
    if (field === 'cvc') return ['incomplete_cvc', 'cvcIncomplete'];
    const problem = expiryProblem(expiry.value);
    if (problem === 'past') return ['invalid_expiry_year_past', 'expiryPast'];
    if (problem === 'month') return ['invalid_expiry_month', 'expiryMonthInvalid'];
    if (problem === 'year') return ['invalid_expiry_year', 'expiryInvalid'];
    return ['incomplete_expiry', 'expiryIncomplete'];
  }

  const forcedErrors = signal(false);
  const errors = computed<Record<Field, ErrorInfo | null>>(() => ({
    number: errorOf('number', forcedErrors.value),
    expiry: errorOf('expiry', forcedErrors.value),
    cvc: errorOf('cvc', forcedErrors.value),
  }));

  const change = computed<ElementChange>(() => {
    const s = status.value;
    const e = errors.value;
    return {
      complete: s.number === 'complete' && s.expiry === 'complete' && s.cvc === 'complete',
      empty: s.number === 'empty' && s.expiry === 'empty' && s.cvc === 'empty',
      brand: info.value.brand,
      error: e.number ?? e.expiry ?? e.cvc,
    };
  });

  return {
    number,
    expiry,
    cvc,
    left,
    info,
    status,
    errors,
    change,
    brand: computed<CardBrand>(() => info.value.brand),
    /** For `collect-card`: the card, or the first field's error (which the form then shows). */
    collect(): { card: CollectedCard } | { error: ErrorInfo } {
      const s = status.value;
      const exp = parseExpiry(expiry.value);
      if (s.number === 'complete' && s.cvc === 'complete' && exp) {
        return { card: { number: number.value, expMonth: exp.month, expYear: exp.year, cvc: cvc.value } };
      }
      forcedErrors.value = true;
      const e = errors.value;
      const first = e.number ?? e.expiry ?? e.cvc;
      return { error: first ?? { type: 'validation_error', code: 'incomplete', message: t(locale.value, 'numberIncomplete'), param: PARAM.number } };
    },
    clear() {
      number.value = '';
      expiry.value = '';
      cvc.value = '';
      forcedErrors.value = false;
      for (const field of FIELDS) left[field].value = false;
    },
    /** The customer typed again after a failed collect: back to showing errors field by field. */
    edited() {
      forcedErrors.value = false;
    },
  };
}

export type CardState = ReturnType<typeof createCardState>;

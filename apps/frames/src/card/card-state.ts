/**
 * The card form's state as signals: the three values (which never leave this frame except in
 * `card-collected` to the controller), which fields the customer has left, and everything derived
 * from them — brand, per-field errors, and the value-free summary the merchant sees in `change`.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals-core';
import {
  INCOMPLETE_CVC,
  INCOMPLETE_EXPIRY,
  INCOMPLETE_NUMBER,
  INVALID_EXPIRY_MONTH,
  INVALID_EXPIRY_YEAR,
  INVALID_EXPIRY_YEAR_PAST,
  INVALID_NUMBER,
  type BrowserError,
  type CardBrand,
  type CollectedCard,
  type ElementChange,
  type ErrorInfo,
  type Locale,
} from '@soxara/protocol';
import { inCustomerWords } from '../shared/copy.ts';
import { formErrorCopy } from '../shared/form-copy.ts';
import { cvcStatus, expiryProblem, expiryStatus, numberInfo, numberStatus, parseExpiry, type FieldStatus } from './card-model.ts';

export type Field = 'number' | 'expiry' | 'cvc';
export const FIELDS: readonly Field[] = ['number', 'expiry', 'cvc'];

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

  const shown = (error: BrowserError): ErrorInfo => inCustomerWords({ ...error }, formErrorCopy[locale.value]);

  function errorOf(field: Field, forced: boolean): ErrorInfo | null {
    const current = status.value[field];
    if (current === 'complete') return null;
    // Invalid shows at once; incomplete only once the customer has left the field (or tried to pay).
    if (current !== 'invalid' && !(forced || (left[field].value && current !== 'empty'))) return null;
    return shown(describe(field, current));
  }

  function describe(field: Field, current: FieldStatus): BrowserError {
    if (field === 'number') return current === 'invalid' ? INVALID_NUMBER : INCOMPLETE_NUMBER;
    if (field === 'cvc') return INCOMPLETE_CVC;
    const problem = expiryProblem(expiry.value);
    if (problem === 'past') return INVALID_EXPIRY_YEAR_PAST;
    if (problem === 'month') return INVALID_EXPIRY_MONTH;
    if (problem === 'year') return INVALID_EXPIRY_YEAR;
    return INCOMPLETE_EXPIRY;
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
      return { error: first ?? shown(INCOMPLETE_NUMBER) };
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

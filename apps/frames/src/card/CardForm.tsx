/**
 * The card fields and the optional pay button. Inputs are formatted as the customer types (caret
 * kept after the same digit), checked by the card model, and never leave this frame except in
 * `card-collected` to the controller. The merchant hears only state: focus, blur, submit, escape.
 */
import type { TargetedCompositionEvent, TargetedInputEvent } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ElementFormProps } from '../shared/element-frame.ts';
import { formCopy } from '../shared/form-copy.ts';
import { PayButton, usePayPress } from '../shared/PayButton.tsx';
import { BrandIcon } from './BrandIcon.tsx';
import { caretAfterDigits, digitsOf, formatExpiry, formatNumber, MAX_NUMBER_DIGITS, numberInfo, numberStatus } from './card-model.ts';
import { FIELDS, type CardState, type Field } from './card-state.ts';

export interface CardFormProps extends ElementFormProps {
  state: CardState;
}

type InputEvent = TargetedInputEvent<HTMLInputElement>;
/** What the field handlers read: an input event, or the end of an IME composition. */
type FieldEvent = Pick<InputEvent, 'currentTarget'> & { inputType?: string };

// Autofill and some keyboards fire input events without an inputType.
const isDeletion = (event: FieldEvent) => (event.inputType ?? '').startsWith('delete');

// An IME composition owns the field's text until it is committed: rewriting the value mid-way ends
// it, and Chromium then puts the committed text beside our digits instead of over the composed ones
// (`4` + `4111…` from one composed `4111…`). So a field is formatted once its composition ends.
const formattedWhenTyped = (format: (event: FieldEvent) => void) => ({
  onInput: (event: InputEvent) => {
    if (!event.isComposing) format(event);
  },
  onCompositionEnd: (event: TargetedCompositionEvent<HTMLInputElement>) => format(event),
});

export function CardForm(props: CardFormProps) {
  const { state, locale } = props;
  const form = useRef<HTMLFormElement>(null);
  const expiryInput = useRef<HTMLInputElement>(null);
  const cvcInput = useRef<HTMLInputElement>(null);
  const copy = formCopy[locale.value];
  const errors = state.errors.value;
  const locked = props.busy.value || props.disabled.value;
  useLayoutEffect(() => props.onReady(), []);

  // A field's error waits while Pay is held down (see PayButton.tsx).
  const press = usePayPress();
  const leave = (field: Field) => () => press.afterPress(() => (state.left[field].value = true));

  function onNumberInput(event: FieldEvent) {
    const el = event.currentTarget;
    const caret = el.selectionStart ?? el.value.length;
    const atEnd = caret >= el.value.length;
    let before = digitsOf(el.value.slice(0, caret)).length;
    let digits = digitsOf(el.value, MAX_NUMBER_DIGITS);
    // Backspace right after a space removes the digit before it, not just the space we would re-add.
    if ((event.inputType ?? '') === 'deleteContentBackward' && digits === state.number.value && before > 0) {
      digits = digits.slice(0, before - 1) + digits.slice(before);
      before -= 1;
    }
    digits = digits.slice(0, numberInfo(digits).maxLength);
    state.number.value = digits;
    state.edited();
    const formatted = formatNumber(digits);
    el.value = formatted;
    const position = atEnd ? formatted.length : caretAfterDigits(formatted, before);
    el.setSelectionRange(position, position);
    // On to the expiry once the number checks out (a rare 19-digit Visa can still come back for more).
    if (atEnd && !isDeletion(event) && numberStatus(digits) === 'complete') expiryInput.current?.focus();
  }

  function onExpiryInput(event: FieldEvent) {
    const el = event.currentTarget;
    const caret = el.selectionStart ?? el.value.length;
    const atEnd = caret >= el.value.length;
    const before = digitsOf(el.value.slice(0, caret)).length;
    const deleting = isDeletion(event);
    const formatted = formatExpiry(el.value, deleting);
    state.expiry.value = formatted;
    state.edited();
    el.value = formatted;
    const position = atEnd ? formatted.length : caretAfterDigits(formatted, before);
    el.setSelectionRange(position, position);
    if (atEnd && !deleting && state.status.value.expiry === 'complete') cvcInput.current?.focus();
  }

  function onCvcInput(event: FieldEvent) {
    // The brand's length is applied here, not with maxLength: that counts characters, so `739` pasted
    // with zero-width spaces between the digits would have lost its last digit.
    const el = event.currentTarget;
    const digits = digitsOf(el.value, state.info.value.cvcLength);
    state.cvc.value = digits;
    state.edited();
    el.value = digits;
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!locked) props.onSubmit();
    } else if (event.key === 'Escape') {
      props.onEscape();
    }
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    if (!locked) props.onSubmit();
  }

  const inside = (target: EventTarget | null) => target instanceof Node && !!form.current?.contains(target);
  const describedBy = (field: Field) => (errors[field] ? `sx-error-${field}` : undefined);
  const fieldClass = (field: Field) => `sx-input${errors[field] ? ' sx-invalid' : ''}`;
  const common = {
    inputMode: 'numeric' as const,
    spellcheck: false,
    autoCorrect: 'off',
    autoCapitalize: 'off' as const,
    readOnly: locked,
    onKeyDown,
  };

  return (
    <form
      ref={form}
      class="sx-card"
      noValidate
      onSubmit={onSubmit}
      onFocusIn={(event) => !inside(event.relatedTarget) && props.onFocusChange(true)}
      onFocusOut={(event) => !inside(event.relatedTarget) && props.onFocusChange(false)}
    >
      <div class="sx-field sx-number">
        <label for="sx-number">{copy.cardNumber}</label>
        <div class="sx-with-icon">
          <input
            {...common}
            id="sx-number"
            name="cardnumber"
            class={fieldClass('number')}
            autocomplete="cc-number"
            placeholder="1234 1234 1234 1234"
            value={formatNumber(state.number.value)}
            aria-invalid={errors.number ? 'true' : 'false'}
            aria-describedby={describedBy('number')}
            {...formattedWhenTyped(onNumberInput)}
            onBlur={leave('number')}
          />
          <BrandIcon brand={state.brand.value} label={copy.brandUnknown} />
        </div>
      </div>
      <div class="sx-row">
        <div class="sx-field">
          <label for="sx-expiry">{copy.expiry}</label>
          <input
            {...common}
            ref={expiryInput}
            id="sx-expiry"
            name="exp-date"
            class={fieldClass('expiry')}
            autocomplete="cc-exp"
            placeholder={copy.expiryPlaceholder}
            value={state.expiry.value}
            aria-invalid={errors.expiry ? 'true' : 'false'}
            aria-describedby={describedBy('expiry')}
            {...formattedWhenTyped(onExpiryInput)}
            onBlur={leave('expiry')}
          />
        </div>
        <div class="sx-field">
          <label for="sx-cvc">{copy.cvc}</label>
          <input
            {...common}
            ref={cvcInput}
            id="sx-cvc"
            name="cvc"
            class={fieldClass('cvc')}
            autocomplete="cc-csc"
            placeholder={state.info.value.cvcLength === 4 ? '1234' : copy.cvcPlaceholder}
            value={state.cvc.value}
            aria-invalid={errors.cvc ? 'true' : 'false'}
            aria-describedby={describedBy('cvc')}
            {...formattedWhenTyped(onCvcInput)}
            onBlur={leave('cvc')}
          />
        </div>
      </div>
      <div class="sx-errors" aria-live="polite">
        {FIELDS.map((field) =>
          errors[field] ? (
            <p key={field} id={`sx-error-${field}`} class="sx-error">
              {errors[field]?.message}
            </p>
          ) : null,
        )}
      </div>
      <PayButton form={props} press={press} />
    </form>
  );
}

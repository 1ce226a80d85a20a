/**
 * The tabbed drop-in: one tab per payment method the merchant offers (card | MoMo | wallet), as an
 * ARIA tablist (arrow keys move between tabs). The card tab is the card frame's own form; the MoMo tab
 * takes network and number here, inside the frame; the wallet tab needs nothing but a tap on pay.
 */
import type { Signal } from '@preact/signals-core';
import type { MomoProvider } from '@soxara/protocol';
import { useEffect, useRef } from 'preact/hooks';
import { CardForm } from '../card/CardForm.tsx';
import type { CardState } from '../card/card-state.ts';
import type { ElementFormProps } from '../shared/element-frame.ts';
import { PayButton, usePayPress } from '../shared/PayButton.tsx';
import { paymentCopy } from './copy.ts';
import type { MomoState } from './momo-state.ts';

export type Method = 'card' | 'momo' | 'soxara_wallet';

export interface PaymentFormProps extends ElementFormProps {
  methods: readonly Method[];
  selected: Signal<Method>;
  card: CardState;
  momo: MomoState;
}

export function PaymentForm(props: PaymentFormProps) {
  const { methods, selected, locale } = props;
  const copy = paymentCopy[locale.value];
  const tabs = useRef<HTMLDivElement>(null);
  useEffect(() => props.onReady(), []);

  function onTabKey(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = methods[(methods.indexOf(selected.value) + step + methods.length) % methods.length];
    if (!next) return;
    selected.value = next;
    tabs.current?.querySelector<HTMLButtonElement>(`#sx-tab-${next}`)?.focus();
  }

  return (
    <div class="sx-payment">
      <div class="sx-tabs" role="tablist" aria-label={copy.methods} ref={tabs} onKeyDown={onTabKey}>
        {methods.map((method) => (
          <button
            key={method}
            type="button"
            role="tab"
            id={`sx-tab-${method}`}
            class="sx-tab"
            aria-selected={selected.value === method ? 'true' : 'false'}
            aria-controls={`sx-panel-${method}`}
            tabIndex={selected.value === method ? 0 : -1}
            onClick={() => (selected.value = method)}
          >
            {copy[method]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`sx-panel-${selected.value}`} aria-labelledby={`sx-tab-${selected.value}`}>
        {selected.value === 'card' ? (
          // Ready is this form's to say, once its tabs are drawn.
          <CardForm {...props} state={props.card} onReady={() => {}} />
        ) : (
          <OtherMethodForm {...props} method={selected.value} />
        )}
      </div>
    </div>
  );
}

function OtherMethodForm(props: PaymentFormProps & { method: 'momo' | 'soxara_wallet' }) {
  const { momo, locale, method } = props;
  const copy = paymentCopy[locale.value];
  const locked = props.busy.value || props.disabled.value;
  const error = method === 'momo' ? momo.error.value : null;
  // The number's error waits while Pay is held down (see PayButton.tsx).
  const press = usePayPress();

  return (
    <form
      class="sx-card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (method === 'momo' && !momo.validate()) return;
        props.onSubmit();
      }}
      onKeyDown={(event) => event.key === 'Escape' && props.onEscape()}
      onFocusIn={() => props.onFocusChange(true)}
      onFocusOut={(event) => !(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null) && props.onFocusChange(false)}
    >
      {method === 'momo' ? (
        <>
          {momo.needsPicker.value ? (
            <fieldset class="sx-providers">
              <legend>{copy.provider}</legend>
              {(['mtn', 'orange'] as const).map((value: MomoProvider) => (
                <label key={value} class="sx-provider">
                  <input
                    type="radio"
                    name="provider"
                    value={value}
                    checked={momo.chosen.value === value}
                    disabled={locked}
                    onChange={() => (momo.chosen.value = value)}
                  />
                  {value === 'mtn' ? 'MTN MoMo' : 'Orange Money'}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div class="sx-field">
            <label for="sx-phone">{copy.phone}</label>
            <input
              id="sx-phone"
              name="phone"
              class={error ? 'sx-input sx-invalid' : 'sx-input'}
              type="tel"
              inputMode="tel"
              autocomplete="tel"
              placeholder={copy.phonePlaceholder}
              value={momo.phoneNumber.value}
              disabled={locked}
              aria-invalid={error ? 'true' : 'false'}
              aria-describedby={error ? 'sx-error-phone' : 'sx-momo-hint'}
              onInput={(event) => {
                momo.phoneNumber.value = (event.currentTarget as HTMLInputElement).value.slice(0, 40);
                momo.edited();
              }}
              onBlur={() => press.afterPress(momo.left)}
            />
          </div>
          <p id="sx-momo-hint" class="sx-hint">
            {momo.detected.value ? `${momo.detected.value === 'mtn' ? 'MTN MoMo' : 'Orange Money'}. ` : ''}
            {copy.momoHint}
          </p>
          <div class="sx-errors" aria-live="polite">
            {error ? (
              <p id="sx-error-phone" class="sx-error">
                {error.message}
              </p>
            ) : null}
          </div>
        </>
      ) : (
        <p class="sx-hint">{copy.walletHint}</p>
      )}
      <PayButton form={props} press={press} />
    </form>
  );
}

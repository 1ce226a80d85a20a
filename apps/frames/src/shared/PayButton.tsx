/**
 * The end of every element form: the alert for what the last press of Pay came to (a decline, a rate
 * limit, a click the pay guard ignored) and, when the form has one, the pay button with the amount.
 *
 * Leaving a field by pressing Pay must not show that field's error at once: the message would push the
 * button down between pointerdown and click, and the click would be lost. So while the button is held,
 * what a field does on blur waits for the press to end (`PayPress.afterPress`); a press that ends off
 * the button lets it happen then. Pay shows every error anyway.
 */
import { useMemo } from 'preact/hooks';
import { fill } from './copy.ts';
import type { ElementFormProps } from './element-frame.ts';
import { formCopy } from './form-copy.ts';

export interface PayPress {
  /** Runs `effect` now, or when the press of Pay in progress ends. */
  afterPress(effect: () => void): void;
  down(): void;
  release(): void;
}

export function usePayPress(): PayPress {
  return useMemo(() => {
    let pressed = false;
    const waiting: (() => void)[] = [];
    return {
      afterPress: (effect) => (pressed ? waiting.push(effect) : effect()),
      down: () => void (pressed = true),
      release() {
        pressed = false;
        for (const effect of waiting.splice(0)) effect();
      },
    };
  }, []);
}

interface Props {
  form: ElementFormProps;
  press: PayPress;
}

export function PayButton({ form, press }: Props) {
  const copy = formCopy[form.locale.value];
  const busy = form.busy.value;
  const decline = form.declineError.value;
  return (
    <>
      <div class="sx-decline" role="alert">
        {decline ? <p class="sx-error">{decline.message}</p> : null}
      </div>
      {form.showPayButton.value ? (
        <button
          ref={form.payButton}
          type="submit"
          class="sx-pay"
          disabled={busy || form.disabled.value}
          aria-busy={busy ? 'true' : 'false'}
          onPointerDown={press.down}
          onClick={(event) => {
            press.release();
            form.onPayClick(event);
          }}
          onPointerCancel={press.release}
          onPointerLeave={press.release}
        >
          {busy ? (
            <>
              <span class="sx-spinner" aria-hidden="true" />
              <span>{copy.processing}</span>
            </>
          ) : form.payLabel.value ? (
            fill(copy.pay, { amount: form.payLabel.value })
          ) : (
            copy.payNoAmount
          )}
        </button>
      ) : null}
      <p class="sx-notice" role="status">
        {form.notice.value}
      </p>
    </>
  );
}

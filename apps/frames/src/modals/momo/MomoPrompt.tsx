/**
 * "Approve on your phone": what the customer needs while the PIN prompt is pending — who asked, how
 * much, which number, what to do, how long is left — and, once they have had time to see the prompt,
 * the way out when it never came: a new request, or the operator's USSD menu.
 */
import type { ModalView } from '@soxara/protocol';
import { useEffect, useState } from 'preact/hooks';
import { fill } from '../../shared/copy.ts';
import { formatMoney } from '../../shared/money.ts';
import { CancelButton } from '../CancelButton.tsx';
import { Countdown, secondsLeft } from '../Countdown.tsx';
import { MODAL_DESCRIPTION_ID, MODAL_TITLE_ID } from '../ModalShell.tsx';
import type { ViewProps } from '../view-props.ts';
import { momoCopy, PROVIDER_ARTICLE_EN, PROVIDER_NAMES } from './copy.ts';
import './momo.css';

/** Prompts usually arrive within seconds; offer the fallbacks after this, or halfway to expiry if sooner. */
export const HELP_AFTER_MS = 20_000;

export function MomoPrompt({ view, locale, status, onCancel, onResend }: ViewProps<Extract<ModalView, { kind: 'momo' }>>) {
  const copy = momoCopy[locale];
  const helpVisible = useHelpDelay(view.expiresAt);
  const provider = PROVIDER_NAMES[view.provider];

  return (
    <div class="sx-momo" data-provider={view.provider}>
      <h2 id={MODAL_TITLE_ID}>{copy.title}</h2>
      <p id={MODAL_DESCRIPTION_ID}>
        {fill(copy.sent, { article: PROVIDER_ARTICLE_EN[view.provider], provider, amount: formatMoney(view.amount, view.currency, locale), phone: view.phoneNumberMasked })}{' '}
        {copy.instruction}
      </p>
      <Countdown expiresAt={view.expiresAt} running={copy.expiresIn} over={copy.expired} />
      <p class="sx-status" role="status" aria-live="polite">
        {status ?? ''}
      </p>
      {helpVisible && (
        <section class="sx-help" aria-label={copy.notReceived}>
          <h3>{copy.notReceived}</h3>
          {view.canResend !== false && (
            <button type="button" class="sx-button sx-secondary" onClick={onResend}>
              {copy.resend}
            </button>
          )}
          <p class="sx-muted">{fill(copy.ussd, { code: view.ussdCode, provider })}</p>
        </section>
      )}
      <CancelButton label={copy.cancel} onCancel={onCancel} autofocus />
    </div>
  );
}

/** True once the customer has had a fair time to receive the prompt; restarts with each new prompt. */
function useHelpDelay(expiresAt: string): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    setVisible(false);
    const half = (secondsLeft(expiresAt, Date.now()) * 1000) / 2;
    const timer = setTimeout(() => setVisible(true), Math.min(HELP_AFTER_MS, half));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  return visible;
}

/**
 * Picks the view for `view.kind`. Each view is its own module (./three-ds, ./momo, ./wallet); MoMo
 * and wallet take `{ view, locale, status, onCancel, onResend }`. `Fallback` is what the modal shows
 * before the controller has said what to show.
 */
import type { ModalView } from '@soxara/protocol';
import { CancelButton } from './CancelButton.tsx';
import { modalCopy } from './strings.ts';
import { MODAL_DESCRIPTION_ID, MODAL_TITLE_ID } from './ModalShell.tsx';
import { MomoPrompt } from './momo/MomoPrompt.tsx';
import { ThreeDsChallenge } from './three-ds/ThreeDsChallenge.tsx';
import type { ViewProps } from './view-props.ts';
import { WalletApproval } from './wallet/WalletApproval.tsx';

export function ModalContent(props: ViewProps<ModalView>) {
  const { view, locale, onCancel } = props;
  switch (view.kind) {
    case 'three-ds':
      return <ThreeDsChallenge url={view.url} locale={locale} onCancel={onCancel} />;
    case 'momo':
      return <MomoPrompt {...props} view={view} />;
    case 'wallet':
      return <WalletApproval {...props} view={view} />;
  }
}

export function Fallback({ locale, status, onCancel }: Pick<ViewProps<ModalView>, 'locale' | 'status' | 'onCancel'>) {
  const copy = modalCopy[locale];
  return (
    <div>
      <h2 id={MODAL_TITLE_ID}>{copy.loading}</h2>
      <p id={MODAL_DESCRIPTION_ID} class="sx-muted" aria-live="polite">
        {status ?? ''}
      </p>
      <CancelButton label={copy.cancel} onCancel={onCancel} autofocus />
    </div>
  );
}

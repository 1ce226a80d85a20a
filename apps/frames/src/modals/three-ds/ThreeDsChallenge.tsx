/**
 * The 3-D Secure view: the bank's (the sandbox's) challenge page in a nested frame, and Cancel.
 * The controller checked that the URL is on the API origin; the frame CSP (`frame-src`) enforces it again.
 */
import type { Locale } from '@soxara/protocol';
import { CancelButton } from '../CancelButton.tsx';
import { modalCopy } from '../strings.ts';
import { MODAL_DESCRIPTION_ID, MODAL_TITLE_ID } from '../ModalShell.tsx';

interface Props {
  url: string;
  locale: Locale;
  onCancel(): void;
}

export function ThreeDsChallenge({ url, locale, onCancel }: Props) {
  const copy = modalCopy[locale];
  return (
    <div class="sx-three-ds">
      <h2 id={MODAL_TITLE_ID}>{copy.threeDsTitle}</h2>
      <p id={MODAL_DESCRIPTION_ID} class="sx-muted">
        {copy.threeDsHint}
      </p>
      <iframe class="sx-challenge" src={url} title={copy.threeDsFrameTitle} referrerpolicy="no-referrer" data-autofocus />
      <CancelButton label={copy.cancel} onCancel={onCancel} />
    </div>
  );
}

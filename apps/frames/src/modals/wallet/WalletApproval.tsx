/**
 * The wallet approval: on a phone, "Open Soxara" first (a real tap: browsers refuse to launch an app
 * otherwise); on a desktop, a QR code of the universal link first. Each also offers the other, so a
 * wrong guess about the device never blocks the payment. The QR code carries only the universal link,
 * never the client secret.
 */
import type { ModalView } from '@soxara/protocol';
import { useState } from 'preact/hooks';
import { fill } from '../../shared/copy.ts';
import { formatMoney } from '../../shared/money.ts';
import { CancelButton } from '../CancelButton.tsx';
import { Countdown } from '../Countdown.tsx';
import { MODAL_DESCRIPTION_ID, MODAL_TITLE_ID } from '../ModalShell.tsx';
import type { ViewProps } from '../view-props.ts';
import { browserOpenWalletEnv, isSafeLinks, openWallet } from './open-wallet.ts';
import { QrCode } from './QrCode.tsx';
import { walletCopy } from './copy.ts';
import './wallet.css';

export function WalletApproval({ view, locale, status, onCancel }: ViewProps<Extract<ModalView, { kind: 'wallet' }>>) {
  const copy = walletCopy[locale];
  const [qrOnPhone, setQrOnPhone] = useState(false);
  const mobile = view.device === 'mobile';
  const showQr = !mobile || qrOnPhone;
  const links = { appLink: view.appLink, universalLink: view.universalLink };
  const linksOk = isSafeLinks(links);

  return (
    <div class="sx-wallet" data-device={view.device}>
      <h2 id={MODAL_TITLE_ID}>{copy.title}</h2>
      <p id={MODAL_DESCRIPTION_ID}>
        {fill(copy.amount, { amount: formatMoney(view.amount, view.currency, locale) })} {mobile ? copy.openHint : copy.scan}
      </p>
      {mobile && linksOk && (
        <button type="button" class="sx-button sx-wide" onClick={() => void openWallet(links, browserOpenWalletEnv())} data-autofocus>
          {copy.openApp}
        </button>
      )}
      {showQr && linksOk && (
        <div class="sx-qr-box">
          <QrCode text={view.universalLink} label={copy.qrLabel} />
        </div>
      )}
      <Countdown expiresAt={view.expiresAt} running={copy.expiresIn} over={copy.expired} />
      <p class="sx-status" role="status" aria-live="polite">
        {status ?? ''}
      </p>
      <div class="sx-alternatives">
        {mobile && !qrOnPhone && (
          <button type="button" class="sx-link" onClick={() => setQrOnPhone(true)}>
            {copy.showQr}
          </button>
        )}
        {!mobile && linksOk && (
          <a class="sx-link" href={view.universalLink} target="_blank" rel="noopener noreferrer">
            {copy.openHere}
          </a>
        )}
      </div>
      <CancelButton label={copy.cancel} onCancel={onCancel} autofocus={!mobile} />
    </div>
  );
}

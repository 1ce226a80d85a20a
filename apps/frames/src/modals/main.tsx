/**
 * Entry of the modal frame (modal.html): handshake, then show whatever the controller says on the
 * private line (port 1). The merchant line (port 0) only hears `ready`. The modal knows no secret.
 */
import { signal } from '@preact/signals-core';
import * as v from 'valibot';
import { ControllerToModal, openLine, type Locale, type ModalToController, type ModalToMerchant, type ModalView } from '@soxara/protocol';
import { applyAppearance } from '../shared/appearance.ts';
import { drawWithSignals } from '../shared/draw.tsx';
import { connectToParent } from '../shared/handshake.ts';
import { ModalShell } from './ModalShell.tsx';
import { Fallback, ModalContent } from './ModalContent.tsx';
import './modal.css';

const view = signal<ModalView | null>(null);
const locale = signal<Locale>('en');
const status = signal<string | null>(null);

async function boot(): Promise<void> {
  const connection = await connectToParent();
  const [merchantPort, controllerPort] = connection?.ports ?? [];
  if (!merchantPort || !controllerPort) return;
  const merchant = openLine<never, ModalToMerchant>(merchantPort, v.never(), () => {});
  // Nothing is expected from the merchant page on this line: v.never() drops all of it.
  const controller = openLine<ControllerToModal, ModalToController>(controllerPort, ControllerToModal, (message) => {
    if (message.type === 'show') {
      locale.value = message.locale;
      document.documentElement.lang = message.locale;
      // The form that opened this modal already warned about rules outside the allowlist.
      applyAppearance(document.documentElement, message.appearance);
      status.value = null;
      view.value = message.view;
    } else {
      status.value = message.message;
    }
  });
  const onCancel = () => controller.send({ type: 'cancel' });
  const onResend = () => controller.send({ type: 'resend' });
  const root = document.getElementById('root');
  if (!root) return;
  drawWithSignals(() => <Modal onCancel={onCancel} onResend={onResend} />, root);
  merchant.send({ type: 'ready' });
}

function Modal({ onCancel, onResend }: { onCancel(): void; onResend(): void }) {
  const current = view.value;
  return (
    <ModalShell onCancel={onCancel} viewKey={current?.kind ?? 'loading'}>
      {current ? (
        <ModalContent view={current} locale={locale.value} status={status.value} onCancel={onCancel} onResend={onResend} />
      ) : (
        <Fallback locale={locale.value} status={status.value} onCancel={onCancel} />
      )}
    </ModalShell>
  );
}

void boot();

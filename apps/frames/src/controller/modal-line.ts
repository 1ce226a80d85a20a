/**
 * Modals as the confirm flows see them: `openModal(kind)` asks the merchant script for an overlay
 * frame (`open-modal`), waits for its private line (`attach-modal` with the same modalId) and hands
 * back a ModalHandle. The modal never learns the client secret: it only shows what it is told.
 */
import { ModalToController, openLine, type Appearance, type ControllerToMerchant, type ControllerToModal, type Line, type Locale, type ModalKind } from '@soxara/protocol';
import { ModalOpenError, type ModalHandle } from './context.ts';

/** Long enough for a cold frame load on a slow phone; a merchant page that blocks frames never answers. */
export const MODAL_OPEN_TIMEOUT_MS = 15_000;

/** What a modal looks like: the locale and appearance of the form (or Soxara instance) it serves. */
export interface ModalLook {
  locale: Locale;
  appearance?: Appearance | undefined;
}

export interface ModalRegistry {
  open(kind: ModalKind, look: ModalLook): Promise<ModalHandle>;
  /** Called by the controller for each `attach-modal`; unknown or stale ids are closed at once. */
  attach(modalId: string, port: MessagePort): void;
  closeAll(): void;
}

interface Options {
  sendToMerchant(message: ControllerToMerchant): void;
  newId(): string;
  timeoutMs?: number;
}

export function createModalRegistry(options: Options): ModalRegistry {
  const waiting = new Map<string, { resolve(handle: ModalHandle): void; timer: ReturnType<typeof setTimeout>; look: ModalLook }>();
  const open = new Map<string, ModalHandle>();

  function makeHandle(modalId: string, port: MessagePort, look: ModalLook): ModalHandle {
    const cancelListeners = new Set<() => void>();
    const resendListeners = new Set<() => void>();
    let closed = false;
    const line: Line<ControllerToModal> = openLine<ModalToController, ControllerToModal>(port, ModalToController, (message) => {
      const listeners = message.type === 'cancel' ? cancelListeners : resendListeners;
      for (const listener of [...listeners]) listener();
    });
    const subscribe = (set: Set<() => void>, listener: () => void) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
    return {
      show(view) {
        if (!closed) line.send({ type: 'show', view, locale: look.locale, ...(look.appearance && { appearance: look.appearance }) });
      },
      status(message) {
        if (!closed) line.send({ type: 'status', message: message.slice(0, 2000) });
      },
      onCancel: (listener) => subscribe(cancelListeners, listener),
      onResend: (listener) => subscribe(resendListeners, listener),
      close() {
        if (closed) return;
        closed = true;
        open.delete(modalId);
        cancelListeners.clear();
        resendListeners.clear();
        line.close();
        options.sendToMerchant({ type: 'close-modal', modalId });
      },
    };
  }

  return {
    open(kind, look) {
      const modalId = options.newId();
      return new Promise<ModalHandle>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(modalId);
          options.sendToMerchant({ type: 'close-modal', modalId });
          reject(new ModalOpenError(`the ${kind} modal did not open`));
        }, options.timeoutMs ?? MODAL_OPEN_TIMEOUT_MS);
        waiting.set(modalId, { resolve, timer, look });
        options.sendToMerchant({ type: 'open-modal', modalId, kind });
      });
    },
    attach(modalId, port) {
      const entry = waiting.get(modalId);
      if (!entry) {
        port.close();
        return;
      }
      waiting.delete(modalId);
      clearTimeout(entry.timer);
      const handle = makeHandle(modalId, port, entry.look);
      open.set(modalId, handle);
      entry.resolve(handle);
    },
    closeAll() {
      for (const handle of [...open.values()]) handle.close();
    },
  };
}

/**
 * Full-viewport modal frames (3-D Secure, MoMo prompt, wallet) that the controller asks for. The
 * dialog semantics live inside the frame; here we only cover the page, move focus into the frame and
 * give focus back where it was when the modal closes.
 */
import { ModalToMerchant, openLine, type Line } from '@soxara/protocol';
import { hostFrame } from './frame-host.ts';

export const MODAL_TITLE = 'Soxara secure payment dialog';
const HANDSHAKE_TIMEOUT_MS = 20_000;

interface OpenModal {
  iframe: HTMLIFrameElement;
  line: Line<never> | null;
  abandon(): void;
  previousFocus: Element | null;
}

export class ModalHost {
  private readonly open = new Map<string, OpenModal>();

  constructor(
    private readonly jsOrigin: string,
    private readonly attach: (modalId: string, port: MessagePort) => void,
  ) {}

  show(modalId: string): void {
    if (this.open.has(modalId)) return;
    const toController = new MessageChannel();
    this.attach(modalId, toController.port1);
    const frame = hostFrame(this.jsOrigin, 'modal', MODAL_TITLE, 'overlay', toController.port2, HANDSHAKE_TIMEOUT_MS);
    const modal: OpenModal = { iframe: frame.iframe, line: null, abandon: frame.abandon, previousFocus: document.activeElement };
    this.open.set(modalId, modal);
    document.body.appendChild(frame.iframe);
    frame.iframe.focus();
    frame.connected.then((port) => {
      if (this.open.get(modalId) !== modal) return port.close();
      modal.line = openLine<ModalToMerchant, never>(port, ModalToMerchant, () => frame.iframe.focus());
    }, () => this.close(modalId));
  }

  close(modalId: string): void {
    const modal = this.open.get(modalId);
    if (!modal) return;
    this.open.delete(modalId);
    modal.abandon();
    modal.line?.close();
    modal.iframe.remove();
    const previous = modal.previousFocus;
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
  }
}

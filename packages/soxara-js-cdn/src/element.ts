/**
 * One mounted Soxara element: an iframe of the JS origin with the card fields (or the tabbed form),
 * its line to the merchant script, and a private line to the controller that is handed over at once
 * so card data flows element → controller without touching this page.
 */
import { ElementToMerchant, FRAME_LOAD_FAILED, FRAME_REPLACED, initialElementHeight, openLine, type ElementOptions, type Line, type MerchantToElement } from '@soxara/protocol';
import { Emitter } from './emitter.ts';
import { IntegrationError } from './errors.ts';
import { hostFrame, type HostedFrame } from './frame-host.ts';
import { fitFrame } from './frame-style.ts';
import { randomId } from './ids.ts';
import type { ElementChangeEvent, ElementEventMap, ElementType } from '@soxara/soxara-js';

export const CARD_TITLE = 'Secure card payment input frame';
export const PAYMENT_TITLE = 'Secure payment input frame';
const HANDSHAKE_TIMEOUT_MS = 20_000;

/** What an element needs from its owner (the Soxara instance and the elements group). */
export interface ElementHost {
  jsOrigin: string;
  attach(elementId: string, kind: ElementType, port: MessagePort): void;
  detach(elementId: string): void;
  /** The element's frame is ready: the controller frame can load now (see controller.ts). */
  ready(): void;
  /** The default action of an un-prevented `submit`. */
  submitted(): void;
}

export class MountedElement {
  readonly events = new Emitter<ElementEventMap>();
  private frame: HostedFrame | null = null;
  private line: Line<MerchantToElement> | null = null;
  destroyed = false;
  id: string | null = null;

  constructor(
    readonly kind: ElementType,
    private readonly host: ElementHost,
    private options: ElementOptions,
  ) {}

  get mounted(): boolean {
    return this.frame !== null;
  }

  mount(target: string | HTMLElement): void {
    if (this.destroyed) throw new IntegrationError('This element was destroyed: create a new one.');
    if (this.frame) throw new IntegrationError('This element is already mounted: unmount() it first.');
    const container = typeof target === 'string' ? document.querySelector(target) : target;
    if (!(container instanceof HTMLElement)) {
      throw new IntegrationError(`mount(): no element matches ${typeof target === 'string' ? `"${target}"` : 'that container'}. Mount after the container exists in the page.`);
    }
    const elementId = randomId();
    const toController = new MessageChannel();
    this.host.attach(elementId, this.kind, toController.port1);
    const frame = hostFrame(this.host.jsOrigin, this.kind, this.kind === 'card' ? CARD_TITLE : PAYMENT_TITLE, 'inline', toController.port2, HANDSHAKE_TIMEOUT_MS);
    this.id = elementId;
    this.frame = frame;
    // The height the frame will report once drawn, so the page does not move when it does.
    fitFrame(frame.iframe, initialElementHeight(this.kind, this.options));
    container.appendChild(frame.iframe);
    void frame.replaced.then(() => {
      if (this.frame !== frame) return;
      this.line?.close();
      this.line = null;
      this.host.detach(elementId);
      this.events.emit('loaderror', { elementType: this.kind, error: { ...FRAME_REPLACED } });
    });
    frame.connected.then(
      (port) => {
        if (this.frame !== frame) return port.close();
        this.line = openLine<ElementToMerchant, MerchantToElement>(port, ElementToMerchant, (message) => this.receive(message));
        this.line.send({ type: 'configure', options: this.options });
      },
      () => {
        if (this.frame !== frame) return;
        this.events.emit('loaderror', { elementType: this.kind, error: { ...FRAME_LOAD_FAILED } });
      },
    );
  }

  unmount(): void {
    const frame = this.frame;
    if (!frame) return;
    this.frame = null;
    frame.abandon();
    this.line?.close();
    this.line = null;
    frame.iframe.remove();
    if (this.id) this.host.detach(this.id);
    this.id = null;
  }

  destroy(): void {
    this.unmount();
    this.destroyed = true;
  }

  configure(options: ElementOptions): void {
    this.options = options;
    this.line?.send({ type: 'configure', options });
  }

  command(type: 'focus' | 'blur' | 'clear'): void {
    if (type === 'focus') this.frame?.iframe.focus();
    this.line?.send({ type });
  }

  private receive(message: ElementToMerchant): void {
    const elementType = this.kind;
    switch (message.type) {
      case 'resize':
        if (this.frame) fitFrame(this.frame.iframe, message.height);
        break;
      case 'change':
        this.events.emit('change', { elementType, ...message.state } as ElementChangeEvent);
        break;
      case 'submit': {
        let prevented = false;
        this.events.emit('submit', {
          elementType,
          preventDefault: () => {
            prevented = true;
          },
          get defaultPrevented() {
            return prevented;
          },
        });
        if (!prevented) this.host.submitted();
        break;
      }
      case 'ready':
        this.events.emit('ready', { elementType });
        this.host.ready();
        break;
      default:
        this.events.emit(message.type, { elementType });
    }
  }
}

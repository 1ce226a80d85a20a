/**
 * The merchant script's connection to the hidden controller frame, which owns every API call. Until
 * the handshake completes, messages wait in a queue; a controller that never answers turns every
 * call into an `api_connection_error` result instead of a promise that hangs.
 *
 * The frame is put in the page by `start()`: once an element is ready, or at the first call. Loaded
 * beside the card frame it would share that frame's renderer process and server and slow mount() →
 * ready (bench/README.md, measure 3); typing a card needs no API.
 */
import { ControllerToMerchant, openLine, PendingRequests, type ControllerCall, type Line, type CallResult, type Locale, type MerchantToController } from '@soxara/protocol';
import { controllerUnavailable } from './errors.ts';
import { hostFrame, whenBodyReady } from './frame-host.ts';
import { navigateTo } from './redirect.ts';
import type { PaymentIntentResult } from '@soxara/soxara-js';

export const CONTROLLER_TITLE = 'Soxara payment controller';
const HANDSHAKE_TIMEOUT_MS = 20_000;

export interface ControllerEvents {
  openModal(modalId: string, kind: 'three-ds' | 'momo' | 'wallet'): void;
  closeModal(modalId: string): void;
}

export class ControllerConnection {
  private line: Line<MerchantToController> | null = null;
  private queue: Array<[MerchantToController, Transferable[]]> = [];
  private dead = false;
  private readonly pending = new PendingRequests<CallResult>();
  private started = false;

  constructor(
    private readonly jsOrigin: string,
    publishableKey: string,
    locale: Locale,
    private readonly events: ControllerEvents,
  ) {
    this.send({ type: 'init', publishableKey, locale });
  }

  /** Creates the frame, once; the handshake timeout runs from here. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const events = this.events;
    const frame = hostFrame(this.jsOrigin, 'controller', CONTROLLER_TITLE, 'hidden', null, HANDSHAKE_TIMEOUT_MS);
    frame.iframe.setAttribute('aria-hidden', 'true');
    frame.iframe.tabIndex = -1;
    void whenBodyReady().then((body) => body.appendChild(frame.iframe));

    // A controller document replaced after the handshake (reloaded, navigated away) has lost its
    // ports: every waiting call resolves to an api_connection_error instead of waiting 15 minutes.
    void frame.replaced.then(() => {
      this.dead = true;
      this.line?.close();
      this.line = null;
      this.queue = [];
      this.pending.rejectAll(new Error('controller frame replaced'));
    });
    frame.connected.then(
      (port) => {
        this.line = openLine<ControllerToMerchant, MerchantToController>(port, ControllerToMerchant, (message) => {
          switch (message.type) {
            case 'response':
              this.pending.settle(message.id, message.result);
              break;
            case 'redirect':
              navigateTo(message.url);
              break;
            case 'open-modal':
              events.openModal(message.modalId, message.kind);
              break;
            case 'close-modal':
              events.closeModal(message.modalId);
              break;
            case 'ready':
              break;
          }
        });
        for (const [message, transfer] of this.queue) this.line.send(message, transfer);
        this.queue = [];
      },
      () => {
        this.dead = true;
        this.queue = [];
        this.pending.rejectAll(new Error('controller frame unavailable'));
      },
    );
  }

  send(message: MerchantToController, transfer: Transferable[] = []): void {
    if (this.line) this.line.send(message, transfer);
    else if (!this.dead) this.queue.push([message, transfer]);
  }

  /** Never rejects: a dead or silent controller resolves to an `api_connection_error`. */
  async call(call: ControllerCall, timeoutMs: number): Promise<PaymentIntentResult> {
    this.start();
    if (this.dead) return controllerUnavailable();
    try {
      return (await this.pending.request((id) => this.send({ type: 'request', id, call }), timeoutMs)) as PaymentIntentResult;
    } catch {
      return controllerUnavailable();
    }
  }
}

/**
 * Creates a Soxara iframe on the merchant page and performs the merchant side of the window
 * handshake (see @soxara/protocol handshake.ts): accept one `frame-ready` from exactly the JS origin,
 * from exactly this iframe's window, with this iframe's frameId; answer with `connect` to exactly the
 * JS origin, transferring the ports. After that the window is never used again for this frame.
 */
import * as v from 'valibot';
import { encodeFrameFragment, FrameReadyMessage, PROTOCOL, PROTOCOL_VERSION, type ConnectMessage } from '@soxara/protocol';
import { placeFrame, type FramePlacement } from './frame-style.ts';
import { randomId } from './ids.ts';

export type FramePage = 'controller' | 'card' | 'payment' | 'modal';

export interface HostedFrame {
  iframe: HTMLIFrameElement;
  /** The merchant script's end of the frame's port 0; rejects when the handshake times out. */
  connected: Promise<MessagePort>;
  /**
   * Settles when the iframe loads a second document (reloaded, or navigated away by a script on the
   * page): its ports are dead from then on. The iframe's `load` event reaches the page across origins.
   */
  replaced: Promise<void>;
  /** Stops waiting for the handshake (the frame was removed before it answered). */
  abandon(): void;
}

export function hostFrame(
  jsOrigin: string,
  page: FramePage,
  title: string,
  placement: FramePlacement,
  extraPort: MessagePort | null,
  timeoutMs: number,
): HostedFrame {
  const frameId = randomId();
  const iframe = document.createElement('iframe');
  iframe.title = title;
  iframe.setAttribute('frameborder', '0');
  iframe.setAttribute('scrolling', 'no');
  iframe.src = `${jsOrigin}/frames/${page}.html#${encodeFrameFragment({ frameId, parentOrigin: location.origin })}`;
  placeFrame(iframe, placement);

  let stop = (): void => {};
  const connected = new Promise<MessagePort>((resolve, reject) => {
    const onMessage = (event: MessageEvent): void => {
      if (event.origin !== jsOrigin || event.source === null || event.source !== iframe.contentWindow) return;
      const ready = v.safeParse(FrameReadyMessage, event.data);
      if (!ready.success || ready.output.frameId !== frameId) return;
      stop();
      const channel = new MessageChannel();
      const connect: ConnectMessage = { protocol: PROTOCOL, v: PROTOCOL_VERSION, type: 'connect', frameId };
      iframe.contentWindow.postMessage(connect, jsOrigin, extraPort ? [channel.port2, extraPort] : [channel.port2]);
      resolve(channel.port1);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${page} frame did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    stop = () => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
    };
    window.addEventListener('message', onMessage);
  });
  // A caller that abandons the frame does not care about the rejection.
  connected.catch(() => {});
  let loads = 0;
  const replaced = new Promise<void>((resolve) => {
    iframe.addEventListener('load', () => {
      if (++loads > 1) resolve();
    });
  });
  return { iframe, connected, replaced, abandon: () => stop() };
}

/** `document.body`, waiting for it when the script runs in `<head>`. */
export function whenBodyReady(): Promise<HTMLElement> {
  if (document.body) return Promise.resolve(document.body);
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => resolve(document.body), { once: true });
  });
}

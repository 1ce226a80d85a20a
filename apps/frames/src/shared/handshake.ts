/**
 * The frame side of the window handshake (see packages/protocol/src/handshake.ts for why it is shaped
 * this way). Every Soxara frame calls `connectToParent()` once: it announces itself to the merchant
 * page with an exact targetOrigin, accepts exactly one `connect` from `window.parent`, from the
 * announced origin, for its own frameId — and then stops listening on `window` for good.
 */
import * as v from 'valibot';
import { ConnectMessage, decodeFrameFragment, PROTOCOL, PROTOCOL_VERSION, type FrameFragment, type FrameReadyMessage } from '@soxara/protocol';

export interface ParentConnection {
  fragment: FrameFragment;
  /** port 0: the line to the merchant script; port 1 (element and modal frames): the line to the controller. */
  ports: readonly MessagePort[];
}

export type HandshakeFailure = 'bad_fragment' | 'not_framed' | 'wrong_parent';

/**
 * Resolves with the ports once the merchant script connects. Resolves `null` (and never listens) when
 * the frame URL or its embedding is wrong: such a frame stays inert instead of talking to a stranger.
 */
export function connectToParent(win: Window = window): Promise<ParentConnection | null> {
  const fragment = decodeFrameFragment(win.location.hash);
  if (!fragment || checkParent(win, fragment) !== null) return Promise.resolve(null);
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== win.parent || event.origin !== fragment.parentOrigin) return;
      const parsed = v.safeParse(ConnectMessage, event.data);
      if (!parsed.success || parsed.output.frameId !== fragment.frameId || event.ports.length === 0) return;
      win.removeEventListener('message', onMessage);
      resolve({ fragment, ports: event.ports });
    };
    win.addEventListener('message', onMessage);
    const ready: FrameReadyMessage = { protocol: PROTOCOL, v: PROTOCOL_VERSION, type: 'frame-ready', frameId: fragment.frameId };
    win.parent.postMessage(ready, fragment.parentOrigin);
  });
}

export function checkParent(win: Window, fragment: FrameFragment): HandshakeFailure | null {
  if (win.parent === win) return 'not_framed';
  // Chromium and Safari know the real embedder; Firefox has no ancestorOrigins and relies on the
  // exact targetOrigin of frame-ready (a wrong parent simply never receives it).
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== fragment.parentOrigin) return 'wrong_parent';
  return null;
}

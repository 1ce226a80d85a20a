/**
 * How a Soxara frame and the merchant page find each other, and why it is shaped this way.
 *
 * The merchant `window` is a shared bus: any script on the page (analytics, tag managers, a skimmer)
 * can listen to `message` events posted to it, and any window holding a reference to ours can post
 * to it. So the window is used for exactly one exchange, and everything after it travels over
 * `MessagePort`s, which deliver only to the holder of the other end.
 *
 *   1. The merchant script creates the iframe at `<JS origin>/<page>.html#<fragment>`, the fragment
 *      holding a random `frameId` and the merchant page's origin (never a secret: no keys, no client
 *      secret).
 *   2. The frame checks that the announced merchant origin is really its parent
 *      (`location.ancestorOrigins[0]` where the browser has it) and posts `frame-ready {frameId}` to
 *      `window.parent` with that exact origin as targetOrigin — never `*`.
 *   3. The merchant script accepts `frame-ready` only if `event.origin` equals the JS origin exactly,
 *      `event.source` is that iframe's `contentWindow` and the `frameId` matches. It then posts
 *      `connect {frameId}` to the iframe with targetOrigin = the JS origin, transferring the ports:
 *      port 0 is the frame's line to the merchant script; element and modal frames also get port 1, a
 *      private line to the controller frame, whose other end goes to the controller in
 *      `attach-element` / `attach-modal`.
 *   4. The frame accepts one `connect`, from `window.parent`, from the merchant origin, with its own
 *      `frameId`, and then ignores the window for good. A later `connect` (a replay, a second script)
 *      changes nothing.
 *
 * Why the ports are made by the merchant script rather than discovered between frames: sibling
 * iframes cannot find each other reliably without going through the page, and a port transferred at
 * once is neutered on the merchant side, so card data flows frame → controller without ever being
 * readable from the merchant page. Why frameId: it binds the answer to the iframe we made, so a
 * second Soxara instance on the page (or a stale frame after a reload) never gets the wrong ports.
 * Why targetOrigin is exact on both sides: it stops a message reaching a window that has been
 * navigated elsewhere (a hijacked frame).
 */

export const PROTOCOL = 'soxara' as const;
export const PROTOCOL_VERSION = 1 as const;

/** What the merchant script puts in a frame URL's fragment; read back by the frame. */
export interface FrameFragment {
  frameId: string;
  /** The merchant page's origin, e.g. `https://shop.example`. */
  parentOrigin: string;
}

export function encodeFrameFragment(fragment: FrameFragment): string {
  return new URLSearchParams({ id: fragment.frameId, origin: fragment.parentOrigin }).toString();
}

const FRAME_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function decodeFrameFragment(hash: string): FrameFragment | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const frameId = params.get('id');
  const parentOrigin = params.get('origin');
  if (!frameId || !FRAME_ID.test(frameId) || !parentOrigin) return null;
  if (!isHttpOrigin(parentOrigin)) return null;
  return { frameId, parentOrigin };
}

/** True for a serialised http(s) origin exactly as `location.origin` prints it. */
export function isHttpOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

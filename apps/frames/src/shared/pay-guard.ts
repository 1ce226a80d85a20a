/**
 * Clickjacking defence for the pay button our frame draws (checklist C6). The merchant page decides
 * where our iframe sits and what is drawn over it: it can make the frame transparent, cover it with a
 * decoy that lets clicks through, or show or slide it under the pointer just before a click (W3C
 * "Anti-Clickjacking Requirements"). So a pointer click pays only if the button has been visible and
 * steady for the last STEADY_MS; otherwise the form ignores it and says why.
 *
 * - Visible: IntersectionObserver v2 (`trackVisibility`, Chromium only) reports `isVisible: false`
 *   when the button is covered, made transparent, filtered or skewed by the page around the frame,
 *   which a cross-origin frame cannot learn any other way. Firefox and Safari ignore those options and
 *   give plain intersection: there "visible" only means "at least half on screen", which still catches
 *   a frame shown from `display: none` or slid in from off-screen, but not an overlay or transparency.
 * - Steady for 500 ms: Chromium's number for the same attack (it drops input to cross-origin frames
 *   that use IOv2 and moved in the last 500 ms: blink-dev "Intent to Implement and Ship: Discard input
 *   events targeting recently-moved iframes", Chrome 77), and about what browsers wait before a click
 *   on a permission prompt or dialog counts (one double-click interval, so the second click of a lured
 *   double-click can't land on it). Seeing the button and moving to it takes a customer longer.
 * - Displayed at all: a frame inside a `display: none` box has a 0×0 viewport, and Firefox then neither
 *   lays it out nor runs its IntersectionObserver, so no "hidden" report ever comes and, shown again, the
 *   button reads as steady from long before (Firefox ESR 153: e2e/firefox/pay-guard.test.ts). So the
 *   guard also looks at its own viewport every VIEWPORT_CHECK_MS, and a spell at 0×0 counts as hidden.
 *   A timer, not an event: Firefox fires `resize` only when the frame is shown again, at the size it had.
 * - Counted from the first report, and a hidden spell of under BLINK_MS doesn't restart it: our own
 *   layout makes those (a new message or tab pushes the button past the frame's edge until the loader
 *   fits the frame to it, and IOv2 reports at most every 100 ms, so they last a report or two), and a
 *   blink that short cannot hide the button from someone about to click it.
 * - Steadiness restarts when the frame's width changes (our content reflows) and when the page comes
 *   back to the front (a pop-under). Height changes don't: the loader fits the frame to our content,
 *   which is top-anchored, so they never move the button; one that cuts it off shows as hidden.
 * - Keyboard activation (a click with `detail` 0: Enter or Space on the focused button, Enter in a
 *   field) is not checked. Clickjacking aims a pointer; the merchant page cannot focus our button or
 *   type into our frame, and phones send Enter while the button is under the on-screen keyboard.
 * - Not seen from inside the frame: a move within the viewport (no report fires; Chromium's own
 *   intervention is the only cover, and it let such a click through in the headless Chromium 156 of
 *   the e2e suite), and on Firefox and Safari overlays and transparency.
 */
import { PAY_GUARD } from '@soxara/protocol';

export const STEADY_MS: number = PAY_GUARD.steadyMs;
export const BLINK_MS = 300;
/** The least fraction of the button on screen for it to count as visible. */
export const MIN_RATIO: number = PAY_GUARD.minRatio;
/** How often the guard checks that its frame is displayed at all; well under BLINK_MS. */
export const VIEWPORT_CHECK_MS = 100;

/** What the guard needs from the browser; tests pass their own clock, observer and window. */
export interface PayGuardEnv {
  /** performance.now(): the clock of `IntersectionObserverEntry.time`. */
  now(): number;
  Observer: typeof IntersectionObserver | undefined;
  view: Pick<Window, 'innerWidth' | 'innerHeight' | 'addEventListener'> & { document: Pick<Document, 'addEventListener'> };
  /** setInterval; without it (unit tests of other things) the viewport is not checked. */
  every?(ms: number, check: () => void): void;
}

export interface PayGuard {
  /** Ref callback for the pay button (null when it unmounts). */
  watch(button: Element | null): void;
  /** Whether this click on the pay button may pay. */
  allows(click: Pick<MouseEvent, 'isTrusted' | 'detail'>): boolean;
}

const browser = (): PayGuardEnv => ({
  now: () => performance.now(),
  Observer: globalThis.IntersectionObserver,
  view: window,
  every: (ms, check) => void setInterval(check, ms),
});

export function createPayGuard(env: PayGuardEnv = browser()): PayGuard {
  let shownSince: number | null = null;
  let hiddenAt: number | null = null;
  let undisplayedAt: number | null = null;
  let disturbedAt = -Infinity;
  let watched: Element | null = null;
  let width = env.view.innerWidth;

  const see = (entry: IntersectionObserverEntry & { isVisible?: boolean }) => {
    if (entry.target !== watched) return;
    shownSince ??= entry.time;
    if (entry.intersectionRatio < MIN_RATIO || entry.isVisible === false) {
      hiddenAt ??= entry.time;
    } else if (hiddenAt !== null) {
      if (entry.time - hiddenAt >= BLINK_MS) shownSince = entry.time;
      hiddenAt = null;
    }
  };
  // `delay` is IOv2's minimum, 100 ms: reports come at most that often.
  const options = { threshold: MIN_RATIO, trackVisibility: true, delay: 100 };
  const observer = env.Observer && new env.Observer((entries) => entries.forEach(see), options);

  env.view.addEventListener('resize', () => {
    if (env.view.innerWidth !== width) disturbedAt = env.now();
    width = env.view.innerWidth;
  });
  env.view.document.addEventListener('visibilitychange', () => (disturbedAt = env.now()));
  env.every?.(VIEWPORT_CHECK_MS, () => {
    const time = env.now();
    if (env.view.innerWidth === 0 || env.view.innerHeight === 0) {
      undisplayedAt ??= time;
    } else if (undisplayedAt !== null) {
      // The observer stays silent on the way back (its last report still holds), so this is the "shown".
      if (time - undisplayedAt >= BLINK_MS) shownSince = time;
      undisplayedAt = null;
    }
  });

  return {
    watch(button) {
      if (button === watched) return;
      if (watched) observer?.unobserve(watched);
      // What was seen carries over to a new button (another tab's form): the frame around it is what
      // the page controls, and the new button's own first report follows within a frame or two.
      watched = button;
      if (button && observer) observer.observe(button);
      else if (button) shownSince ??= env.now();
    },
    allows(click) {
      // Browsers always set isTrusted; happy-dom, where the forms' unit tests run, leaves it undefined.
      if (click.isTrusted === false) return false;
      if (click.detail === 0) return true;
      observer?.takeRecords().forEach(see);
      return hiddenAt === null && undisplayedAt === null && shownSince !== null && env.now() - Math.max(shownSince, disturbedAt) >= STEADY_MS;
    },
  };
}

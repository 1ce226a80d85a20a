/**
 * Every style the merchant script puts on a Soxara iframe, in one place. A frame's look belongs to the
 * frame (the merchant themes it through `appearance`): these only reset what the page's CSS could add
 * (borders, margins, its colour scheme) and say where each kind of frame sits.
 */
export type FramePlacement = 'inline' | 'hidden' | 'overlay';

type FrameStyle = Partial<Pick<CSSStyleDeclaration, 'height' | 'width' | 'position' | 'top' | 'left' | 'zIndex' | 'visibility' | 'pointerEvents' | 'background'>>;

const RESET = { border: '0', margin: '0', padding: '0', display: 'block', width: '100%', colorScheme: 'normal' };

const PLACEMENTS: Record<FramePlacement, FrameStyle> = {
  /** Card fields and the tabbed form: in the merchant's container, as tall as their content. */
  inline: {},
  /** The controller: in the page (so it runs) but never seen, focused or clicked. */
  hidden: { position: 'fixed', width: '1px', height: '1px', visibility: 'hidden', pointerEvents: 'none' },
  /** Modals: over the whole viewport, above anything the page draws. */
  overlay: { position: 'fixed', top: '0', left: '0', width: '100%', height: '100%', zIndex: '2147483647', background: 'transparent' },
};

export function placeFrame(iframe: HTMLIFrameElement, placement: FramePlacement): void {
  Object.assign(iframe.style, RESET, PLACEMENTS[placement]);
}

/** An inline frame fitted to its content's height (the frame reports it on layout changes). */
export function fitFrame(iframe: HTMLIFrameElement, height: number): void {
  iframe.style.height = `${Math.ceil(height)}px`;
}

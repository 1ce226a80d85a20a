/**
 * The vertical layout of the element frames (the card fields, the tabbed form), written once for both
 * sides. The merchant script sizes a new frame with `initialElementHeight` before the frame has loaded,
 * so the page does not move when the frame reports its real height (no layout shift); the frames' build
 * turns the same constants into the CSS rules that fix those heights (`frameLayoutCss`). Every height is
 * a fixed line-height or box height (never `normal`, which depends on the font), so the figure holds for
 * any font the merchant picks, and for any `fontSizeBase` / `spacingUnit` given in px or rem.
 */
import type { Appearance, ElementOptions } from './messages.ts';

export const FRAME_LAYOUT = {
  /** Around the form: room for the focus ring, which the iframe's edge would clip. */
  rootPadding: 3,
  /** Line height of every text, as a multiple of its own font size. */
  lineHeight: 1.25,
  /** A field label's font size, as a multiple of the base font size. */
  labelScale: 0.875,
  /** Between a label and its input, in spacing units. */
  labelGap: 1,
  /** Between the form's rows, in spacing units. */
  rowGap: 3,
  /** Inside an input, above and below the text, in spacing units. */
  inputPadding: 2.5,
  /** card.css draws it; e2e/layout-shift.spec.ts fails if the two part. */
  inputBorder: 1,
  /** The pay button: at least a comfortable touch target. */
  payMinHeight: 44,
  payPadding: 8,
  /** The tabs of the tabbed form. */
  tabScale: 0.9,
  tabPadding: 8,
  tabBorder: 1,
  tabsMargin: 10,
} as const;

/** The appearance's defaults (the themes never change these two). */
export const DEFAULT_FONT_SIZE_PX = 16;
export const DEFAULT_SPACING_PX = 4;
/** What `rem` means when the frame's document keeps the browser's default font size. */
const REM_PX = 16;

function toPx(value: string | undefined, fallback: number): number {
  const match = value?.trim().match(/^(\d+(?:\.\d+)?)(px|rem)$/);
  if (!match) return fallback;
  return Number(match[1]) * (match[2] === 'rem' ? REM_PX : 1);
}

export interface LayoutBasis {
  fontSize: number;
  spacing: number;
}

/** The base font size and spacing unit an appearance sets, in px; the defaults for anything else (em, %). */
export function layoutBasis(appearance: Appearance | undefined): LayoutBasis {
  return {
    fontSize: toPx(appearance?.variables?.fontSizeBase, DEFAULT_FONT_SIZE_PX),
    spacing: toPx(appearance?.variables?.spacingUnit, DEFAULT_SPACING_PX),
  };
}

const L = FRAME_LAYOUT;
const inputHeight = ({ fontSize, spacing }: LayoutBasis) => fontSize * L.lineHeight + 2 * spacing * L.inputPadding + 2 * L.inputBorder;
const fieldHeight = (basis: LayoutBasis) => basis.fontSize * L.labelScale * L.lineHeight + basis.spacing * L.labelGap + inputHeight(basis);
const payHeight = ({ fontSize }: LayoutBasis) => Math.max(L.payMinHeight, fontSize * L.lineHeight + 2 * L.payPadding);
const tabHeight = ({ fontSize }: LayoutBasis) => fontSize * L.tabScale * L.lineHeight + 2 * L.tabPadding + 2 * L.tabBorder;

/** The card form: the number, a row of expiry and CVC, and the pay button when the form has one. */
function cardFormHeight(basis: LayoutBasis, showPayButton: boolean): number {
  const gap = basis.spacing * L.rowGap;
  return fieldHeight(basis) + gap + fieldHeight(basis) + (showPayButton ? gap + payHeight(basis) : 0);
}

/**
 * The height a frame reports once drawn with nothing typed and no error shown, in whole px (the frame
 * rounds up too, watch-height.ts). For the tabbed form this is exact when the first tab is the card's;
 * MoMo or wallet first has a hint whose lines depend on the width, so it gets the card's height, close.
 */
export function initialElementHeight(kind: 'card' | 'payment', options: Pick<ElementOptions, 'appearance' | 'showPayButton'>): number {
  const basis = layoutBasis(options.appearance);
  const tabs = kind === 'payment' ? tabHeight(basis) + L.tabsMargin : 0;
  return Math.ceil(2 * L.rootPadding + tabs + cardFormHeight(basis, options.showPayButton));
}

/**
 * The CSS that gives a frame exactly the heights above, on the appearance's custom properties
 * (`--sx-font-size`, `--sx-spacing`). The frames' build serves it as a stylesheet of each element frame.
 */
export function frameLayoutCss(kind: 'card' | 'payment'): string {
  const f = 'var(--sx-font-size)';
  const s = 'var(--sx-spacing)';
  const spacing = (units: number) => (units === 1 ? s : `calc(${s}*${units})`);
  // One line height, inherited: every text and control of the forms takes `font: inherit`.
  const card = [
    `#root{padding:${L.rootPadding}px;line-height:${L.lineHeight}}`,
    `.sx-card,.sx-row{gap:${spacing(L.rowGap)}}`,
    `.sx-field{gap:${spacing(L.labelGap)}}`,
    // The lines under the fields (errors, the offline notice) take the labels' size.
    `.sx-field label,.sx-error,.sx-notice{font-size:${L.labelScale}em}`,
    // The input's border (its width, style and colour) is card.css's: `border: 1px solid`.
    `.sx-input{display:block;box-sizing:border-box;` +
      `height:calc(${f}*${L.lineHeight} + ${s}*${2 * L.inputPadding} + ${2 * L.inputBorder}px)}`,
    // Buttons are border-box in every browser's own stylesheet.
    `.sx-pay{height:max(${L.payMinHeight}px,calc(${f}*${L.lineHeight} + ${2 * L.payPadding}px))}`,
  ];
  if (kind === 'card') return card.join('\n');
  return [
    ...card,
    `.sx-tabs{font-size:${f};margin-bottom:${L.tabsMargin}px}`,
    `.sx-tab{font-size:${L.tabScale}em;padding-top:${L.tabPadding}px;padding-bottom:${L.tabPadding}px;` +
      `border-width:${L.tabBorder}px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;` +
      `height:calc(${f}*${L.tabScale * L.lineHeight} + ${2 * L.tabPadding + 2 * L.tabBorder}px)}`,
  ].join('\n');
}

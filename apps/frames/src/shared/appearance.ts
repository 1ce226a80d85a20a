/**
 * Appearance → CSS custom properties on the frame's root element, and the allowed `rules`
 * (appearance-rules.ts). The values were already checked by the protocol schema (no `url(`, no `;`,
 * no escapes); only the closed set of variables below is ever written, through the CSSOM, so a
 * merchant can theme the fields and the modals but never inject CSS.
 *
 * `theme: 'auto'` is resolved here, in the frame, whose `prefers-color-scheme` is the customer's, and
 * follows it when it changes.
 */
import type { Appearance } from '@soxara/protocol';
import { allowedRules, applyRules } from './appearance-rules.ts';

type Variables = NonNullable<Appearance['variables']>;
type Theme = Exclude<NonNullable<Appearance['theme']>, 'auto'>;

const PROPERTY: Record<keyof Variables, string> = {
  colorPrimary: '--sx-color-primary',
  colorBackground: '--sx-color-background',
  colorText: '--sx-color-text',
  colorDanger: '--sx-color-danger',
  fontFamily: '--sx-font-family',
  fontSizeBase: '--sx-font-size',
  borderRadius: '--sx-radius',
  spacingUnit: '--sx-spacing',
};

const THEMES: Record<Theme, Variables> = {
  stripe: {},
  night: { colorPrimary: '#7b8cff', colorBackground: '#1f2433', colorText: '#e6e8ef', colorDanger: '#ff7a7a' },
  flat: { borderRadius: '0px', colorBackground: '#f4f5f7' },
};

const DARK = '(prefers-color-scheme: dark)';

export function resolveTheme(theme: Appearance['theme'], prefersDark: boolean): Theme {
  if (theme === 'auto') return prefersDark ? 'night' : 'stripe';
  return theme ?? 'stripe';
}

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK).matches;
}

/** The custom properties an appearance sets, theme first, then the merchant's own variables. */
export function appearanceToCss(appearance: Appearance | undefined, dark = false): Record<string, string> {
  const variables: Variables = { ...THEMES[resolveTheme(appearance?.theme, dark)], ...appearance?.variables };
  const css: Record<string, string> = {};
  for (const [key, value] of Object.entries(variables) as [keyof Variables, string | undefined][]) {
    if (value !== undefined && key in PROPERTY) css[PROPERTY[key]] = value;
  }
  return css;
}

let current: { root: HTMLElement; appearance: Appearance | undefined } | null = null;
let following = false;

function paint(root: HTMLElement, appearance: Appearance | undefined): void {
  const dark = prefersDark();
  for (const property of Object.values(PROPERTY)) root.style.removeProperty(property);
  for (const [property, value] of Object.entries(appearanceToCss(appearance, dark))) root.style.setProperty(property, value);
  root.dataset.theme = resolveTheme(appearance?.theme, dark);
}

/**
 * Replaces whatever a previous `configure` set. Returns the rules the allowlist ignored, for the
 * frame the merchant configured to warn about (the modals apply the same rules silently).
 */
export function applyAppearance(root: HTMLElement, appearance: Appearance | undefined): string[] {
  current = { root, appearance };
  paint(root, appearance);
  if (!following && typeof matchMedia === 'function') {
    following = true;
    matchMedia(DARK).addEventListener('change', () => {
      if (current?.appearance?.theme === 'auto') paint(current.root, current.appearance);
    });
  }
  const { allowed, ignored } = allowedRules(appearance?.rules);
  applyRules(allowed);
  return ignored;
}

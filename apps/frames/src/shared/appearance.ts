/**
 * Appearance → CSS custom properties on the frame's root element. The values were already checked
 * by the protocol schema (no `url(`, no `;`, no escapes); only the closed set of variables below is
 * ever written, through the CSSOM, so a merchant can theme the fields but never inject CSS.
 */
import type { Appearance } from '@soxara/protocol';

type Variables = NonNullable<Appearance['variables']>;
type Theme = NonNullable<Appearance['theme']>;

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

/** The custom properties an appearance sets, theme first, then the merchant's own variables. */
export function appearanceToCss(appearance: Appearance | undefined): Record<string, string> {
  const variables: Variables = { ...THEMES[appearance?.theme ?? 'stripe'], ...appearance?.variables };
  const css: Record<string, string> = {};
  for (const [key, value] of Object.entries(variables) as [keyof Variables, string | undefined][]) {
    if (value !== undefined && key in PROPERTY) css[PROPERTY[key]] = value;
  }
  return css;
}

/** Replaces whatever a previous `configure` set. */
export function applyAppearance(root: HTMLElement, appearance: Appearance | undefined): void {
  for (const property of Object.values(PROPERTY)) root.style.removeProperty(property);
  for (const [property, value] of Object.entries(appearanceToCss(appearance))) root.style.setProperty(property, value);
  root.dataset.theme = appearance?.theme ?? 'stripe';
}

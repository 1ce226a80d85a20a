/**
 * `appearance.rules`: a small allowlist of selectors and properties, as Braintree's hosted fields allow
 * a fixed list of CSS properties. The merchant names public selectors (`.Input`, `.Tab--selected`);
 * each maps to the frames' own classes, so a rule can only style what we chose to expose, and a value
 * passes the same check as the variables' (no `url(`, `;`, braces or escapes), so it cannot leave its
 * declaration. What the allowlist does not name is dropped, never half applied.
 *
 * The rules become a constructed stylesheet: the frames' CSP (`style-src 'self'`) refuses a `<style>`
 * element, but not the CSSOM.
 */
import * as v from 'valibot';
import { CssValue, type Appearance } from '@soxara/protocol';

/** Public selector → the frames' selector it styles. */
const SELECTORS = {
  '.Input': '.sx-input',
  '.Input:focus': '.sx-input:focus',
  '.Input--invalid': '.sx-input.sx-invalid',
  '.Label': '.sx-field label',
  '.Tab': '.sx-tab',
  '.Tab:hover': '.sx-tab:hover',
  '.Tab--selected': ".sx-tab[aria-selected='true']",
  '.Button': '.sx-pay, .sx-button:not(.sx-secondary)',
  '.Button:hover': '.sx-pay:hover, .sx-button:not(.sx-secondary):hover',
  '.Error': '.sx-error',
  '.Dialog': '.sx-dialog',
} as const;

const PROPERTIES = [
  'color',
  'background-color',
  'border-color',
  'border-width',
  'border-style',
  'border-radius',
  'box-shadow',
  'font-size',
  'font-weight',
  'letter-spacing',
  'line-height',
  'padding',
  'text-transform',
] as const;

export const RULE_SELECTORS = Object.keys(SELECTORS) as (keyof typeof SELECTORS)[];
export const RULE_PROPERTIES: readonly string[] = PROPERTIES;

const Selector = v.picklist(RULE_SELECTORS);
const Property = v.picklist(PROPERTIES);

type Declaration = readonly [property: (typeof PROPERTIES)[number], value: string];
export interface AllowedRule {
  selector: string;
  declarations: Declaration[];
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The rules the allowlist accepts, and a description of each one it ignored. */
export function allowedRules(rules: Appearance['rules']): { allowed: AllowedRule[]; ignored: string[] } {
  const allowed: AllowedRule[] = [];
  const ignored: string[] = [];
  for (const [selector, declarations] of Object.entries(rules ?? {})) {
    const known = v.safeParse(Selector, selector);
    if (!known.success) {
      ignored.push(selector);
      continue;
    }
    const kept: Declaration[] = [];
    for (const [name, value] of Object.entries(declarations)) {
      const property = v.safeParse(Property, kebab(name));
      if (property.success && v.safeParse(CssValue, value).success) kept.push([property.output, value]);
      else ignored.push(`${selector} { ${name} }`);
    }
    if (kept.length > 0) allowed.push({ selector: SELECTORS[known.output], declarations: kept });
  }
  return { allowed, ignored };
}

export function rulesToCss(rules: readonly AllowedRule[]): string[] {
  return rules.map(({ selector, declarations }) => `${selector} { ${declarations.map(([p, value]) => `${p}: ${value}`).join('; ')} }`);
}

let sheet: CSSStyleSheet | null = null;

/** Replaces the previous rules of this document. */
export function applyRules(rules: readonly AllowedRule[]): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(rulesToCss(rules).join('\n'));
}

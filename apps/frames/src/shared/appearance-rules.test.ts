import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { Appearance } from '@soxara/protocol';
import { allowedRules, rulesToCss } from './appearance-rules.ts';
import { appearanceToCss, resolveTheme } from './appearance.ts';

describe('appearance.rules', () => {
  it('keeps allowlisted selectors and properties, mapped onto the frames’ classes', () => {
    const { allowed, ignored } = allowedRules({ '.Input': { borderColor: '#333', 'font-weight': '600' }, '.Tab--selected': { color: 'red' } });
    expect(ignored).toEqual([]);
    expect(rulesToCss(allowed)).toEqual(['.sx-input { border-color: #333; font-weight: 600 }', ".sx-tab[aria-selected='true'] { color: red }"]);
  });

  it('ignores, and names, a selector or a property outside the allowlist, and a value that could escape', () => {
    const { allowed, ignored } = allowedRules({
      body: { display: 'none' },
      '.Input': { position: 'fixed', color: 'blue', backgroundColor: 'red; x: y' },
      '.sx-pay': { opacity: '0' },
    });
    expect(rulesToCss(allowed)).toEqual(['.sx-input { color: blue }']);
    expect(ignored).toEqual(['body', '.Input { position }', '.Input { backgroundColor }', '.sx-pay']);
  });

  it('never writes a declaration that leaves its block, whatever the merchant passes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.string())), (rules) => {
        const parsed = v.safeParse(Appearance, { rules });
        if (!parsed.success) return;
        for (const css of rulesToCss(allowedRules(parsed.output.rules).allowed)) {
          expect(css).toMatch(/^[^{}]+ \{ [^{};]+(; [^{};]+)* \}$/);
          expect(css).not.toMatch(/url\(|\\|@import/i);
        }
      }),
    );
  });
});

describe("theme 'auto'", () => {
  it("is night when the customer prefers dark, stripe otherwise", () => {
    expect(resolveTheme('auto', true)).toBe('night');
    expect(resolveTheme('auto', false)).toBe('stripe');
    expect(resolveTheme(undefined, true)).toBe('stripe');
    expect(appearanceToCss({ theme: 'auto' }, true)['--sx-color-background']).toBe('#1f2433');
    expect(appearanceToCss({ theme: 'auto' }, false)).toEqual({});
  });
});

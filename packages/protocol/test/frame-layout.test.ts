import { describe, expect, it } from 'vitest';
import { frameLayoutCss, initialElementHeight, layoutBasis } from '../src/frame-layout.ts';

describe('frame layout', () => {
  it('reads the appearance font size and spacing in px or rem, and keeps the defaults otherwise', () => {
    expect(layoutBasis(undefined)).toEqual({ fontSize: 16, spacing: 4 });
    expect(layoutBasis({ variables: { fontSizeBase: '18px', spacingUnit: '0.5rem' } })).toEqual({ fontSize: 18, spacing: 8 });
    expect(layoutBasis({ variables: { fontSizeBase: '1.2em', spacingUnit: '5%' } })).toEqual({ fontSize: 16, spacing: 4 });
  });

  it('adds up the rows: number, expiry and CVC, the pay button, the tabs', () => {
    // 2 × 3 padding + 2 fields (17.5 label + 4 + 42 input) + 12 gap = 145; pay button: + 12 + 44.
    expect(initialElementHeight('card', { showPayButton: false })).toBe(145);
    expect(initialElementHeight('card', { showPayButton: true })).toBe(201);
    // Tabs: 36 high with a 10 px margin.
    expect(initialElementHeight('payment', { showPayButton: true })).toBe(247);
    expect(initialElementHeight('card', { showPayButton: true, appearance: { variables: { fontSizeBase: '20px' } } })).toBeGreaterThan(201);
  });

  it('writes the tabs rules only for the tabbed form', () => {
    expect(frameLayoutCss('card')).not.toContain('.sx-tab');
    expect(frameLayoutCss('payment')).toContain('.sx-tab{');
    expect(frameLayoutCss('payment')).toContain(frameLayoutCss('card'));
  });
});

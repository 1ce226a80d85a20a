// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fitFrame, placeFrame } from '../src/frame-style.ts';

const frame = () => document.createElement('iframe');

describe('placeFrame', () => {
  it('resets what the page could add, for every placement', () => {
    for (const placement of ['inline', 'hidden', 'overlay'] as const) {
      const iframe = frame();
      placeFrame(iframe, placement);
      expect(iframe.style.border).toMatch(/^0/);
      expect(iframe.style.margin).toMatch(/^0/);
      expect(iframe.style.display).toBe('block');
    }
  });

  it('keeps the controller out of sight and out of reach, and lays modals over everything', () => {
    const hidden = frame();
    placeFrame(hidden, 'hidden');
    expect(hidden.style).toMatchObject({ position: 'fixed', width: '1px', height: '1px', visibility: 'hidden', pointerEvents: 'none' });
    const overlay = frame();
    placeFrame(overlay, 'overlay');
    expect(overlay.style).toMatchObject({ position: 'fixed', top: '0px', left: '0px', width: '100%', height: '100%', zIndex: '2147483647' });
    const inline = frame();
    placeFrame(inline, 'inline');
    expect(inline.style.width).toBe('100%');
    expect(inline.style.position).toBe('');
  });
});

describe('fitFrame', () => {
  it('rounds the reported height up to whole pixels', () => {
    const iframe = frame();
    fitFrame(iframe, 120.2);
    expect(iframe.style.height).toBe('121px');
  });
});

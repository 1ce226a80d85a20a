// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainBlockedFrames } from '../src/csp-hint.ts';

const JS = 'https://js.test';

function violation(fields: { effectiveDirective?: string; blockedURI?: string; disposition?: string }): void {
  const event = Object.assign(new Event('securitypolicyviolation', { bubbles: true }), {
    effectiveDirective: 'frame-src',
    blockedURI: `${JS}/frames/card.html`,
    disposition: 'enforce',
    ...fields,
  });
  document.dispatchEvent(event);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('explainBlockedFrames', () => {
  it('names the directive to add, once, when the page CSP blocks a frame of the JS origin', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    explainBlockedFrames(JS);
    violation({});
    violation({ blockedURI: `${JS}/frames/controller.html` });
    expect(error.mock.calls).toEqual([[`Soxara: your Content-Security-Policy blocks the payment frames. Add frame-src ${JS}`]]);
  });

  it('stays quiet for report-only policies, other directives and other origins', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    explainBlockedFrames(JS);
    violation({ disposition: 'report' });
    violation({ effectiveDirective: 'img-src' });
    violation({ blockedURI: 'https://js.test.evil/frames/card.html' });
    violation({ blockedURI: 'https://ads.test/frame' });
    expect(error).not.toHaveBeenCalled();
  });
});

/**
 * Phone or desktop, for the wallet: a phone gets an "Open Soxara" button first, a desktop a QR code
 * first. Both are always offered, so a wrong guess costs a tap, not the payment.
 *
 * Capabilities before the user agent: `userAgentData.mobile` where it exists (Chromium only), then a
 * coarse pointer without hover (a touch screen as the main input — also catches iPadOS, whose UA claims
 * to be a Mac), then the UA string for browsers that expose neither.
 */
export type DeviceKind = 'mobile' | 'desktop';

export interface DeviceProbe {
  userAgent: string;
  userAgentDataMobile?: boolean | undefined;
  matches(query: string): boolean;
}

export function browserProbe(win: Window | undefined = globalThis.window): DeviceProbe {
  if (!win) return { userAgent: '', matches: () => false };
  const nav = win.navigator as Navigator & { userAgentData?: { mobile?: boolean } };
  return {
    userAgent: nav.userAgent,
    userAgentDataMobile: nav.userAgentData?.mobile,
    matches: (query) => typeof win.matchMedia === 'function' && win.matchMedia(query).matches,
  };
}

export function detectDevice(probe: DeviceProbe = browserProbe()): DeviceKind {
  if (probe.userAgentDataMobile === true) return 'mobile';
  if (probe.matches('(pointer: coarse)') && probe.matches('(hover: none)')) return 'mobile';
  if (/Android|iPhone|iPad|iPod|Mobile|Opera Mini|IEMobile/i.test(probe.userAgent)) return 'mobile';
  return 'desktop';
}

import { describe, expect, it } from 'vitest';
import { detectDevice, type DeviceProbe } from './device.ts';

const desktopUa = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const pixelUa = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36';
const iPadUa = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

function probe(userAgent: string, media: string[] = [], userAgentDataMobile?: boolean): DeviceProbe {
  return { userAgent, userAgentDataMobile, matches: (query) => media.includes(query) };
}

describe('detectDevice', () => {
  it('trusts userAgentData.mobile when the browser has it', () => {
    expect(detectDevice(probe(desktopUa, [], true))).toBe('mobile');
  });
  it('takes a touch-first device without hover for a phone, even with a desktop UA (iPadOS)', () => {
    expect(detectDevice(probe(iPadUa, ['(pointer: coarse)', '(hover: none)']))).toBe('mobile');
  });
  it('does not take a touch laptop with a mouse for a phone', () => {
    expect(detectDevice(probe(desktopUa, ['(pointer: coarse)'], false))).toBe('desktop');
  });
  it('falls back to the UA string', () => {
    expect(detectDevice(probe(pixelUa))).toBe('mobile');
    expect(detectDevice(probe(desktopUa))).toBe('desktop');
  });
});

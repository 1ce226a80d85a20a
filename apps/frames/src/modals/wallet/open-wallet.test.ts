import { describe, expect, it } from 'vitest';
import { isSafeLinks, openWallet, type OpenWalletEnv } from './open-wallet.ts';

const links = { appLink: 'soxara://pay/act_123', universalLink: 'https://api.example/simulators/wallet/act_123' };

function env(userAgent: string, appTookOver: boolean) {
  const opened: string[] = [];
  const fake: OpenWalletEnv = {
    userAgent,
    openAppLink: (url) => opened.push(`app:${url}`),
    openInNewTab: (url) => opened.push(`tab:${url}`),
    leftPageWithin: () => Promise.resolve(appTookOver),
  };
  return { fake, opened };
}

describe('openWallet', () => {
  it('opens the app link, and nothing else when the app takes it', async () => {
    const { fake, opened } = env('Mozilla/5.0 (Linux; Android 14; Pixel 7) Mobile', true);
    await openWallet(links, fake);
    expect(opened).toEqual(['app:soxara://pay/act_123']);
  });
  it('falls back to the universal link in a new tab when no app answers', async () => {
    const { fake, opened } = env('Mozilla/5.0 (Linux; Android 14; Pixel 7) Mobile', false);
    await openWallet(links, fake);
    expect(opened).toEqual(['app:soxara://pay/act_123', `tab:${links.universalLink}`]);
  });
  it('uses the universal link directly on iOS', async () => {
    const { fake, opened } = env('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', false);
    await openWallet(links, fake);
    expect(opened).toEqual([`tab:${links.universalLink}`]);
  });
  it('refuses links that could run script or leave for another scheme', async () => {
    expect(isSafeLinks({ ...links, universalLink: 'javascript:alert(1)' })).toBe(false);
    expect(isSafeLinks({ ...links, appLink: 'intent://evil#Intent;end' })).toBe(false);
    const { fake, opened } = env('Android', false);
    await openWallet({ ...links, appLink: 'javascript:alert(1)' }, fake);
    expect(opened).toEqual([]);
  });
});

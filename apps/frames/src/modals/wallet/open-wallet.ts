/**
 * Opening the wallet from a tap. Android: the `soxara://` app link, and if the page is still in front
 * a moment later (no app took it), the universal link in a new tab — still within the tap's user
 * activation, which Chrome requires for both (developer.chrome.com/docs/android/intents). iOS: the
 * universal link straight away, because iOS opens the app for it when installed and shows an
 * "invalid address" alert for an unknown custom scheme (Apple, "Allowing apps and websites to link to
 * your content"). The merchant page never navigates: it keeps waiting underneath.
 */

/** Long enough for Android to switch apps, short enough to stay inside the tap's user activation. */
export const APP_SWITCH_GRACE_MS = 1_200;

export interface OpenWalletEnv {
  userAgent: string;
  /** Navigates this (modal) frame; a custom scheme hands off to the app and never unloads the frame. */
  openAppLink(url: string): void;
  openInNewTab(url: string): void;
  /**
   * Resolves true if the page was hidden within `ms` (the app came to the front). Not `blur`: Chromium
   * blurs the frame even when no app takes the link (seen in e2e), which would suppress the fallback.
   */
  leftPageWithin(ms: number): Promise<boolean>;
}

export interface WalletLinks {
  appLink: string;
  universalLink: string;
}

/** Checked again here although the controller checked them: this frame navigates to them. */
export function isSafeLinks(links: WalletLinks): boolean {
  if (!/^soxara:\/\/[\w/?=&.-]+$/.test(links.appLink)) return false;
  try {
    const url = new URL(links.universalLink);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export async function openWallet(links: WalletLinks, env: OpenWalletEnv): Promise<void> {
  if (!isSafeLinks(links)) return;
  if (/iPhone|iPad|iPod/.test(env.userAgent)) {
    env.openInNewTab(links.universalLink);
    return;
  }
  const left = env.leftPageWithin(APP_SWITCH_GRACE_MS);
  env.openAppLink(links.appLink);
  if (!(await left)) env.openInNewTab(links.universalLink);
}

export function browserOpenWalletEnv(win: Window = window): OpenWalletEnv {
  return {
    userAgent: win.navigator.userAgent,
    openAppLink: (url) => win.location.assign(url),
    openInNewTab: (url) => void win.open(url, '_blank', 'noopener,noreferrer'),
    leftPageWithin: (ms) =>
      new Promise((resolve) => {
        const left = () => finish(true);
        const onVisibility = () => win.document.visibilityState === 'hidden' && left();
        const timer = win.setTimeout(() => finish(false), ms);
        function finish(value: boolean) {
          win.clearTimeout(timer);
          win.removeEventListener('pagehide', left);
          win.document.removeEventListener('visibilitychange', onVisibility);
          resolve(value);
        }
        win.addEventListener('pagehide', left);
        win.document.addEventListener('visibilitychange', onVisibility);
      }),
  };
}

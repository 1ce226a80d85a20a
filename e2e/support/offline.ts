/**
 * What both browser suites' offline tests share (e2e/offline.spec.ts in Chromium, e2e/firefox/offline.test.ts
 * in Firefox): the one line the customer reads while the browser has no network, and how long the
 * tests keep it away. The line is written here, not imported from the frames' copy, so that a changed
 * line fails both engines' tests until it is changed on purpose.
 */
export const OFFLINE_LINE = {
  en: "You're offline — we'll continue when you're back",
  fr: 'Vous êtes hors ligne — nous reprendrons dès votre retour',
} as const;

/** Longer than the MoMo prompt's life on this stack (8 s) and than several of the waits' backoffs. */
export const DROP_MS = 12_000;

/** Longer than a confirm's three tries would last: a confirm sent offline must still be waiting by then. */
export const CONFIRM_TRIES_MS = 4_000;

/**
 * Run in the merchant page (`page.evaluate(setBackground, hidden)`): the tab goes to the background or
 * comes back, as on a tab switch, through `visibilitychange`. Neither driver can hide a headless tab.
 */
export function setBackground(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

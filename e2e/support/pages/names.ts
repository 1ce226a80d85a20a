/**
 * What the customer reads on our frames and the sandbox's pages, written once for both browser suites:
 * the Playwright page objects (Chromium) and the puppeteer ones (e2e/firefox/). Both find every control
 * by its accessible role and name, so a renamed button fails both engines' tests alike.
 */
/** Titles the merchant script gives its iframes (packages/soxara-js-cdn/src/element.ts, modal-host.ts). */
export const FRAME_TITLES = {
  card: 'Secure card payment input frame',
  payment: 'Secure payment input frame',
  modal: 'Soxara secure payment dialog',
  controller: 'Soxara payment controller',
} as const;

export const CARD_FIELDS = { number: 'Card number', expiry: 'Expiry date', cvc: 'Security code' } as const;

/** The frame's own pay button ("Pay $12.50"); the tabbed form's MoMo tab says "Pay with mobile money". */
export const PAY_BUTTON = /^Pay/;

export const PAYMENT_TABS = { card: 'Card', momo: 'Mobile money', wallet: 'Soxara wallet' } as const;

export const MOMO_MODAL = { dialog: 'Approve on your phone', cancel: 'Cancel payment', number: 'Mobile number' } as const;

export const WALLET_MODAL = {
  dialog: 'Pay with Soxara',
  qr: /QR code/,
  openHere: 'Open Soxara on this device',
  openApp: 'Open Soxara',
  cancel: 'Cancel payment',
} as const;

export const THREE_DS = {
  /** The sandbox challenge inside our modal. */
  frameTitle: 'Card verification by your bank',
  complete: 'Complete authentication',
  fail: 'Fail authentication',
} as const;

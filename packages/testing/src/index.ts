/**
 * `@soxara/testing`: Playwright helpers for a Soxara checkout in test mode. See README.md.
 */
export { fillCard, submitCard, cardFrame, ELEMENT_FRAME_TITLES, type CardInput, type FillCardOptions } from './card.ts';
export { completeThreeDS, failThreeDS, type ThreeDSOptions } from './three-ds.ts';
export {
  approveMomo,
  declineMomo,
  approveWallet,
  declineWallet,
  paymentIdFromPage,
  paymentIdOf,
  type PaymentTarget,
} from './customer-actions.ts';
export { configureSoxaraTesting, type SandboxOptions } from './config.ts';
export { TEST_CARDS, TEST_PHONES } from './test-values.ts';

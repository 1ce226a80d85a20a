/**
 * The sandbox's test values, the one list of them: the sandbox decides each outcome from this table,
 * `@soxara/testing` hands the same numbers to merchants' tests, and this repository's own suites type
 * them. Any other Luhn-valid card number succeeds; any other valid MTN or Orange Liberian mobile number
 * is approved after `SOXARA_MOMO_DELAY_MS`.
 *
 * Beside the contract's cards, two of Stripe's: `4000 0000 0000 0119`, a `processing_error` decline that
 * is nobody's fault (the customer may simply retry), and `4000 0000 0000 5126`, whose payment succeeds
 * but whose every refund fails (`refund.failed`, `failure_reason: expired_or_canceled_card`).
 */

export type TestCardOutcome =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; declineCode: string; message: string }
  | { kind: 'three_ds' }
  | { kind: 'succeed_refunds_fail' };

export interface TestCard {
  /** Digits only; `spacedCardNumber` gives the form a customer types. */
  number: string;
  outcome: TestCardOutcome;
}

export const TEST_CARDS = {
  success: { number: '4242424242424242', outcome: { kind: 'succeed' } },
  declined: {
    number: '4000000000000002',
    outcome: { kind: 'decline', code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  },
  threeDSecure: { number: '4000002760003184', outcome: { kind: 'three_ds' } },
  insufficientFunds: {
    number: '4000000000009995',
    outcome: { kind: 'decline', code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  },
  expired: {
    number: '4000000000000069',
    outcome: { kind: 'decline', code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.' },
  },
  incorrectCvc: {
    number: '4000000000000127',
    outcome: { kind: 'decline', code: 'incorrect_cvc', declineCode: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  },
  processingError: {
    number: '4000000000000119',
    outcome: {
      kind: 'decline',
      code: 'processing_error',
      declineCode: 'processing_error',
      message: 'An error occurred while processing your card. Try again in a little bit.',
    },
  },
  refundsFail: { number: '4000000000005126', outcome: { kind: 'succeed_refunds_fail' } },
} as const satisfies Record<string, TestCard>;

export type TestCardName = keyof typeof TEST_CARDS;

/**
 * The phone number of the sandbox's one Soxara wallet user: whoever approves on the wallet page pays as
 * them, so a wallet payment's `customer` has a number, as a real wallet user's does.
 */
export const TEST_WALLET_HOLDER = '+231880000001';

/** The failure reason of every refund of a `refundsFail` card's payment. */
export const REFUND_FAILURE_REASON = 'expired_or_canceled_card';

/** What the customer (or their operator) does with a MoMo PIN prompt. */
export type MomoScenario = 'approve' | 'approval_rejected' | 'insufficient_funds' | 'no_answer';

export interface TestPhone {
  /** E.164. */
  number: string;
  scenario: MomoScenario;
}

export const TEST_PHONES = {
  /** Any valid MTN number is approved after the synthetic delay; this is the guide's. */
  mtnSuccess: { number: '+231881158457', scenario: 'approve' },
  orangeSuccess: { number: '+231770000001', scenario: 'approve' },
  rejected: { number: '+231880000002', scenario: 'approval_rejected' },
  insufficientFunds: { number: '+231880000003', scenario: 'insufficient_funds' },
  /** Never answers: the prompt expires after `SOXARA_MOMO_EXPIRY_MS`. */
  expires: { number: '+231880000004', scenario: 'no_answer' },
} as const satisfies Record<string, TestPhone>;

export type TestPhoneName = keyof typeof TEST_PHONES;

const cards: readonly TestCard[] = Object.values(TEST_CARDS);
const phones: readonly TestPhone[] = Object.values(TEST_PHONES);

/** What the sandbox does with a card number (digits only). */
export function testCardOutcome(number: string): TestCardOutcome {
  return cards.find((card) => card.number === number)?.outcome ?? { kind: 'succeed' };
}

/** What the customer does with the PIN prompt sent to an E.164 number. */
export function testPhoneScenario(e164: string): MomoScenario {
  return phones.find((phone) => phone.number === e164)?.scenario ?? 'approve';
}

/** `4242424242424242` → `4242 4242 4242 4242`, as a customer types it into the card field. */
export function spacedCardNumber(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

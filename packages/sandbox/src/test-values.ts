/**
 * The sandbox's test values (DESIGN.md "Contract: sandbox test values"). Any other Luhn-valid card
 * number succeeds like 4242…; any other valid MTN/Orange Liberian mobile number is approved after
 * SOXARA_MOMO_DELAY_MS.
 *
 * Refund failures follow Stripe: a payment made with card 4000 0000 0000 5126 succeeds, but every refund
 * of it fails asynchronously (`refund.failed`, `failure_reason: expired_or_canceled_card`). So does
 * 4000 0000 0000 0119, Stripe's `processing_error` decline.
 */

export type CardOutcome =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; declineCode: string; message: string }
  | { kind: 'three_ds' }
  | { kind: 'succeed_refunds_fail' };

export const TEST_CARDS: Readonly<Record<string, CardOutcome>> = {
  '4242424242424242': { kind: 'succeed' },
  '4000000000000002': {
    kind: 'decline',
    code: 'card_declined',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  '4000002760003184': { kind: 'three_ds' },
  '4000000000009995': {
    kind: 'decline',
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  '4000000000000069': {
    kind: 'decline',
    code: 'expired_card',
    declineCode: 'expired_card',
    message: 'Your card has expired.',
  },
  '4000000000000127': {
    kind: 'decline',
    code: 'incorrect_cvc',
    declineCode: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  // Stripe's: a decline that is nobody's fault (the issuer could not be reached); the customer may retry.
  '4000000000000119': {
    kind: 'decline',
    code: 'processing_error',
    declineCode: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  '4000000000005126': { kind: 'succeed_refunds_fail' },
};

export function cardOutcome(number: string): CardOutcome {
  return TEST_CARDS[number] ?? { kind: 'succeed' };
}

/** What the customer (or their operator) does with a MoMo PIN prompt, by E.164 number. */
export type MomoScenario = 'approve' | 'approval_rejected' | 'insufficient_funds' | 'no_answer';

export const TEST_MOMO_NUMBERS: Readonly<Record<string, MomoScenario>> = {
  '+231880000002': 'approval_rejected',
  '+231880000003': 'insufficient_funds',
  '+231880000004': 'no_answer',
};

export function momoScenario(e164: string): MomoScenario {
  return TEST_MOMO_NUMBERS[e164] ?? 'approve';
}

export const REFUND_FAILURE_REASON = 'expired_or_canceled_card';

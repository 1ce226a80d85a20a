import { describe, expect, it } from 'vitest';
import { spacedCardNumber, TEST_CARDS, TEST_PHONES, testCardOutcome, testPhoneScenario } from '../src/test-values.ts';

describe('test values', () => {
  it("are the contract's, written out here independently of the table the sandbox decides from", () => {
    const cards = Object.values(TEST_CARDS).map(({ number, outcome }) => [
      spacedCardNumber(number),
      outcome.kind === 'decline' ? `${outcome.code} / ${outcome.declineCode}` : outcome.kind,
    ]);
    expect(cards).toEqual([
      ['4242 4242 4242 4242', 'succeed'],
      ['4000 0000 0000 0002', 'card_declined / generic_decline'],
      ['4000 0027 6000 3184', 'three_ds'],
      ['4000 0000 0000 9995', 'card_declined / insufficient_funds'],
      ['4000 0000 0000 0069', 'expired_card / expired_card'],
      ['4000 0000 0000 0127', 'incorrect_cvc / incorrect_cvc'],
      ['4000 0000 0000 0119', 'processing_error / processing_error'],
      ['4000 0000 0000 5126', 'succeed_refunds_fail'],
    ]);
    expect(Object.values(TEST_PHONES).map(({ number, scenario }) => [number, scenario])).toEqual([
      ['+231881158457', 'approve'],
      ['+231770000001', 'approve'],
      ['+231880000002', 'approval_rejected'],
      ['+231880000003', 'insufficient_funds'],
      ['+231880000004', 'no_answer'],
    ]);
  });

  it('any other card succeeds and any other number is approved', () => {
    expect(testCardOutcome('5555555555554444')).toEqual({ kind: 'succeed' });
    expect(testCardOutcome(TEST_CARDS.declined.number)).toBe(TEST_CARDS.declined.outcome);
    expect(testPhoneScenario('+231775123456')).toBe('approve');
    expect(testPhoneScenario(TEST_PHONES.expires.number)).toBe('no_answer');
  });
});

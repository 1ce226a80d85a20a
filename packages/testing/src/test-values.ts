/**
 * The sandbox's test values as a test types them: card numbers spaced as on the card, phone numbers in
 * E.164. Derived from `@soxara/protocol/test-values`, the list the sandbox decides outcomes from.
 */
import { spacedCardNumber, TEST_CARDS as CARDS, TEST_PHONES as PHONES, type TestCardName, type TestPhoneName } from '@soxara/protocol/test-values';

export const TEST_CARDS = Object.fromEntries(
  Object.entries(CARDS).map(([name, card]) => [name, spacedCardNumber(card.number)]),
) as Readonly<Record<TestCardName, string>>;

export const TEST_PHONES = Object.fromEntries(
  Object.entries(PHONES).map(([name, phone]) => [name, phone.number]),
) as Readonly<Record<TestPhoneName, string>>;

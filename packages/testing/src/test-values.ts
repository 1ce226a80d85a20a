/** The sandbox's test values (DESIGN.md, "Contract: sandbox test values"). */

export const TEST_CARDS = {
  success: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  threeDSecure: '4000 0027 6000 3184',
  insufficientFunds: '4000 0000 0000 9995',
  expired: '4000 0000 0000 0069',
  incorrectCvc: '4000 0000 0000 0127',
} as const;

export const TEST_PHONES = {
  /** Any valid Liberian MTN number succeeds after the synthetic delay. */
  mtnSuccess: '+231881158457',
  orangeSuccess: '+231770000001',
  rejected: '+231880000002',
  insufficientFunds: '+231880000003',
  /** Never answers: the prompt expires after SOXARA_MOMO_EXPIRY_MS. */
  expires: '+231880000004',
} as const;

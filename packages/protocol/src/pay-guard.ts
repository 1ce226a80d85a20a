/**
 * When the element frames' pay button takes a pointer click: visible (at least `minRatio` of it on
 * screen, nothing drawn over it) and unmoved for `steadyMs`. The frames' pay guard enforces it
 * (apps/frames/src/shared/pay-guard.ts says why these figures); @soxara/testing's `submitCard` waits
 * for exactly this before it clicks, so a merchant's test clicks when a customer's click would count.
 */
export const PAY_GUARD = {
  steadyMs: 500,
  minRatio: 0.5,
} as const;

/** The issue's goals, in one place: the table's verdicts and the charts' goal lines read them. */
export const goals = {
  merchantScriptGzipBytes: 8_000,
  /** The budget test's (packages/soxara-js-cdn/test/size.test.ts): the features of 0.2.0 fit under it. */
  merchantScriptBudgetGzipBytes: 9_500,
  /** @soxara/react-soxara-js in an app bundle, without React; also its size test's budget. */
  reactBindingsGzipBytes: 2_500,
  cardFramePayloadGzipBytes: 20_000,
  mountReadyRatio: 1.3,
  keystrokeP95Ms: 16,
  approvalMedianMs: 1_000,
  promptRequests: 60,
  apiRequestsPerSec: 1_500,
  apiP99Ms: 25,
  apiGoalConnections: 64,
  /** Sequential round trips after the script on the way to `ready`, on Slow 3G. */
  slow3gRoundTrips: 3,
  /** Cumulative layout shift of the checkout, card and tabbed form (Lighthouse's "good" is 0.1). */
  cls: 0.02,
} as const;

/**
 * The one error vocabulary of every part: the `type`s of the contract, and the codes the browser side
 * (the merchant script and the frames) raises itself, each with its type and default message, as
 * Braintree's `shared/errors.js` lists them. The API's own codes (`card_declined`, `prompt_expired`, …)
 * come from the API and are not repeated here.
 *
 * Each code is its own named constant rather than a key of one object, so that a bundle carries only
 * the errors it raises: the merchant script and the card frame have size budgets. A constant is shared,
 * so a throw site hands out a copy (`{ ...ELEMENT_UNAVAILABLE }`), never the constant itself.
 *
 * Messages are English; where the customer reads one, the frames put it in the customer's language by
 * its code (as Stripe.js does for the API's messages).
 */

/** The contract's error types. The last two exist only on the client side of a request. */
export const ERROR_TYPES = [
  'authentication_error',
  'invalid_request_error',
  'idempotency_error',
  'rate_limit_error',
  'card_error',
  'momo_error',
  'wallet_error',
  'api_error',
  /** Caught in the browser before any request, with `param`. */
  'validation_error',
  /** No answer: the network, or a Soxara frame that is gone. */
  'api_connection_error',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

/** A code the browser raises: its type, its default message and, for a field's error, the field. */
export interface BrowserError {
  readonly type: ErrorType;
  readonly code: string;
  readonly message: string;
  readonly param?: string;
}

// ---------------------------------------------------------------------------------------------
// Raised by the merchant-page script.

/** The hidden controller frame never loaded, was replaced, or did not answer. */
export const FRAME_UNAVAILABLE = {
  type: 'api_connection_error',
  code: 'frame_unavailable',
  message: 'Could not reach Soxara. Check your connection and try again.',
} as const satisfies BrowserError;

/** An element frame did not complete its handshake (blocked by a CSP, hijacked, offline): `loaderror`. */
export const FRAME_LOAD_FAILED = {
  type: 'api_connection_error',
  code: 'frame_load_failed',
  message: 'The payment form could not be loaded. Check your connection and reload the page.',
} as const satisfies BrowserError;

/** An element frame loaded a second document after its handshake: its lines are dead (`loaderror`). */
export const FRAME_REPLACED = {
  type: 'api_connection_error',
  code: 'frame_replaced',
  message: 'The payment form was reloaded or replaced. Reload the page and try again.',
} as const satisfies BrowserError;

// ---------------------------------------------------------------------------------------------
// Raised by the controller frame: its API client.

export const NETWORK_ERROR = {
  type: 'api_connection_error',
  code: 'network_error',
  message: 'Could not reach the payment service. Check your connection and try again.',
} as const satisfies BrowserError;

export const REQUEST_ABORTED = { type: 'api_connection_error', code: 'request_aborted', message: 'The request was cancelled.' } as const satisfies BrowserError;

/** An answer that is not the API's envelope (a proxy's error page, a truncated body). */
export const UNEXPECTED_RESPONSE = { type: 'api_error', code: 'unexpected_response', message: 'The payment service answered unexpectedly.' } as const satisfies BrowserError;

/** A 429 without the API's error body. */
export const RATE_LIMITED = { type: 'rate_limit_error', code: 'rate_limited', message: 'Too many requests. Please try again in a moment.' } as const satisfies BrowserError;

export const INVALID_CLIENT_SECRET = {
  type: 'invalid_request_error',
  code: 'invalid_client_secret',
  message: 'The client secret is malformed.',
  param: 'client_secret',
} as const satisfies BrowserError;

/** A status check of a wait that failed or hung (retried; the merchant sees the wait's outcome). */
export const CONNECTION_FAILED = { type: 'api_connection_error', code: 'connection_failed', message: 'The payment status could not be checked.' } as const satisfies BrowserError;

// ---------------------------------------------------------------------------------------------
// Raised by the controller frame: its flows.

export const NOT_INITIALIZED = { type: 'invalid_request_error', code: 'not_initialized', message: 'Soxara is still starting. Try again.' } as const satisfies BrowserError;

/** A bug in a flow: the merchant still gets an answer. */
export const UNEXPECTED_ERROR = { type: 'api_error', code: 'unexpected_error', message: 'Something went wrong. Please try again.' } as const satisfies BrowserError;

/** The element a confirm names is not there any more (unmounted, replaced) or did not answer. */
export const ELEMENT_UNAVAILABLE = {
  type: 'api_connection_error',
  code: 'element_unavailable',
  message: 'The payment form is not available any more. Reload the page and try again.',
} as const satisfies BrowserError;

/** A 3-D Secure challenge off the API origin: never shown, never navigated to. */
export const INVALID_REDIRECT = { type: 'api_error', code: 'invalid_redirect', message: 'The payment service asked for an unexpected redirect.' } as const satisfies BrowserError;

export const MODAL_UNAVAILABLE = { type: 'api_error', code: 'modal_unavailable', message: 'The verification window could not be opened.' } as const satisfies BrowserError;

export const NEXT_ACTION_UNSUPPORTED = {
  type: 'invalid_request_error',
  code: 'next_action_unsupported',
  message: 'This payment is waiting for an action this page cannot show.',
} as const satisfies BrowserError;

/**
 * `confirmPayment()` of a deferred form (`mode: 'payment'`) without a successful `elements.submit()`
 * since the last confirm: the merchant script rejects with an IntegrationError of this code.
 */
export const ELEMENTS_NOT_SUBMITTED = {
  type: 'invalid_request_error',
  code: 'elements_not_submitted',
  message: 'confirmPayment(): call elements.submit() and wait for it to resolve {} before confirming a form made with mode: "payment".',
} as const satisfies BrowserError;

/** The payment a deferred form confirms is for another amount than the form shows: nothing is charged. */
export const AMOUNT_MISMATCH = {
  type: 'invalid_request_error',
  code: 'amount_mismatch',
  message: "The payment's amount differs from the form's amount: update the form (elements.update({ amount })) or the payment first.",
  param: 'amount',
} as const satisfies BrowserError;

/** The payment a deferred form confirms is in another currency than the form shows: nothing is charged. */
export const CURRENCY_MISMATCH = {
  type: 'invalid_request_error',
  code: 'currency_mismatch',
  message: "The payment's currency differs from the form's currency: update the form (elements.update({ currency })) or the payment first.",
  param: 'currency',
} as const satisfies BrowserError;

// Outcomes of a wait, which the customer reads.

/**
 * The wait ended without an answer: never "failed", since the customer may have approved. Typed
 * `api_connection_error` instead when the last check failed for want of a network.
 */
export const PAYMENT_OUTCOME_UNKNOWN = {
  type: 'api_error',
  code: 'payment_outcome_unknown',
  message: "We could not confirm this payment yet. Don't pay again: if you approved it, it will complete and the merchant will be told.",
} as const satisfies BrowserError;

export const PAYMENT_CANCELED = { type: 'invalid_request_error', code: 'payment_canceled', message: 'This payment was cancelled.' } as const satisfies BrowserError;

export const PAYMENT_UNEXPECTED_STATE = {
  type: 'invalid_request_error',
  code: 'payment_unexpected_state',
  message: 'This payment is not waiting for the customer.',
} as const satisfies BrowserError;

/** The customer cancelled a MoMo prompt (typed `wallet_error` for a wallet approval). */
export const CUSTOMER_CANCELED = { type: 'momo_error', code: 'customer_canceled', message: 'You cancelled the payment.' } as const satisfies BrowserError;

/** The customer closed the 3-D Secure challenge: Stripe's code, and a card_error as for declines. */
export const PAYMENT_INTENT_AUTHENTICATION_FAILURE = {
  type: 'card_error',
  code: 'payment_intent_authentication_failure',
  message: 'We could not verify your card. Please try again or use a different payment method.',
} as const satisfies BrowserError;

// ---------------------------------------------------------------------------------------------
// Raised by the element frames (the card fields, the tabbed form) while the customer types or pays.

/** The pay guard refused a pointer click (apps/frames/src/shared/pay-guard.ts). */
export const PAY_CLICK_IGNORED = {
  type: 'validation_error',
  code: 'pay_click_ignored',
  message: "The pay button was covered or had just moved, so we didn't take that click. Check the amount and click Pay again.",
} as const satisfies BrowserError;

export const INCOMPLETE_NUMBER = { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.', param: 'card[number]' } as const satisfies BrowserError;
export const INVALID_NUMBER = { type: 'validation_error', code: 'invalid_number', message: 'Your card number is invalid.', param: 'card[number]' } as const satisfies BrowserError;
export const INCOMPLETE_EXPIRY = { type: 'validation_error', code: 'incomplete_expiry', message: "Your card's expiry date is incomplete.", param: 'card[exp]' } as const satisfies BrowserError;
export const INVALID_EXPIRY_YEAR_PAST = { type: 'validation_error', code: 'invalid_expiry_year_past', message: "Your card's expiry date is in the past.", param: 'card[exp]' } as const satisfies BrowserError;
export const INVALID_EXPIRY_MONTH = { type: 'validation_error', code: 'invalid_expiry_month', message: "Your card's expiry month is invalid.", param: 'card[exp]' } as const satisfies BrowserError;
export const INVALID_EXPIRY_YEAR = { type: 'validation_error', code: 'invalid_expiry_year', message: "Your card's expiry year is invalid.", param: 'card[exp]' } as const satisfies BrowserError;
export const INCOMPLETE_CVC = { type: 'validation_error', code: 'incomplete_cvc', message: "Your card's security code is incomplete.", param: 'card[cvc]' } as const satisfies BrowserError;

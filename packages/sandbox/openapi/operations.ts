/**
 * Every route the sandbox serves, in the order docs/openapi.json lists them. This is the one place to
 * add a route to the spec: give it an entry here that points at the schemas its handler parses with,
 * then run `pnpm docs:openapi`. test/openapi.test.ts fails while a served route has no entry here (or an
 * entry names a route that is not served), and while docs/openapi.json is not what this table generates.
 */
import { emptyBodySchema } from '../src/http/schemas.ts';
import {
  cancelActionBody,
  confirmPaymentBody,
  createPaymentBody,
  listPaymentsQuery,
  retrievePaymentQuery,
  updatePaymentBody,
} from '../src/routes/payments.ts';
import { createRefundBody, listRefundsQuery } from '../src/routes/refunds.ts';
import { listEventsQuery } from '../src/routes/events.ts';
import { createWebhookEndpointBody, listDeliveriesQuery, updateWebhookEndpointBody } from '../src/routes/webhook-endpoints.ts';
import { testEventBody } from '../src/routes/test-events.ts';
import { resendEventBody } from '../src/routes/events.ts';
import { decisionForm } from '../src/simulators/page.ts';
import type { DocumentedError, Operation } from './operation.ts';

const UNEXPECTED_STATE = (what: string): DocumentedError => ({
  status: 400,
  type: 'invalid_request_error',
  code: 'payment_unexpected_state',
  when: `the payment is already succeeded or canceled, so it cannot be ${what}`,
});

const CLIENT_SECRET_ERRORS: DocumentedError[] = [
  { status: 400, type: 'invalid_request_error', code: 'client_secret_invalid', when: 'the client_secret is not this payment’s' },
  { status: 400, type: 'invalid_request_error', code: 'parameter_missing', when: 'a publishable key without client_secret' },
];

const CONFIRM_ERRORS: DocumentedError[] = [
  ...CLIENT_SECRET_ERRORS,
  UNEXPECTED_STATE('confirmed'),
  { status: 400, type: 'invalid_request_error', code: 'invalid_number', when: 'the card number fails the card rules (`param: card[number]`)' },
  { status: 400, type: 'invalid_request_error', code: 'invalid_expiry_month', when: 'the month is not 1–12, or the card expired this year (`card[exp_month]`)' },
  { status: 400, type: 'invalid_request_error', code: 'invalid_expiry_year', when: 'the year is past or more than 19 years ahead (`card[exp_year]`)' },
  { status: 400, type: 'invalid_request_error', code: 'invalid_cvc', when: 'the CVC is not 3 or 4 digits (`card[cvc]`)' },
  { status: 400, type: 'invalid_request_error', code: 'phone_number_invalid', when: 'not a Liberian mobile number (`param: phone_number`)' },
  { status: 400, type: 'invalid_request_error', code: 'phone_number_not_liberian', when: 'a number outside +231 (`phone_number`)' },
  { status: 400, type: 'invalid_request_error', code: 'phone_number_unsupported_operator', when: 'a Liberian number of no MoMo operator (`phone_number`)' },
  { status: 400, type: 'invalid_request_error', code: 'phone_number_wrong_operator', when: 'an MTN number with provider `orange`, or the reverse (`phone_number`)' },
  { status: 400, type: 'invalid_request_error', code: 'url_invalid', when: 'return_url is not an absolute http(s) URL' },
  { status: 402, type: 'card_error', code: 'card_declined', when: 'a decline test card; `decline_code` says why, `payment_intent` holds the payment' },
  { status: 402, type: 'card_error', code: 'expired_card', when: 'test card 4000 0000 0000 0069' },
  { status: 402, type: 'card_error', code: 'incorrect_cvc', when: 'test card 4000 0000 0000 0127' },
  { status: 402, type: 'card_error', code: 'processing_error', when: 'test card 4000 0000 0000 0119 (the customer may retry)' },
  { status: 429, type: 'rate_limit_error', code: 'rate_limited', when: 'more than 20 confirms of one payment a minute, or too many declined cards from one client (`Retry-After`)' },
];

const PAYMENT_ID = 'the payment (`pi_…`)';

const LIST_ERRORS: DocumentedError[] = [
  { status: 404, type: 'invalid_request_error', code: 'resource_missing', when: '`starting_after` or `ending_before` names no object of this account' },
  { status: 400, type: 'invalid_request_error', code: 'parameters_exclusive', when: 'both `starting_after` and `ending_before`' },
];

export const OPERATIONS: readonly Operation[] = [
  // Payments
  {
    method: 'post',
    path: '/v1/payments',
    tag: 'Payments',
    summary: 'Create a payment',
    description: 'Your server declares what the customer will pay. The answer carries the `client_secret` to hand to the browser.',
    key: 'secret',
    body: { json: createPaymentBody },
    answer: { object: 'Payment' },
    emits: ['payment.created'],
  },
  {
    method: 'get',
    path: '/v1/payments',
    tag: 'Payments',
    summary: 'List payments',
    description:
      'Newest first. Page with `starting_after` (the last id of your page) while `has_more` is true, or back with `ending_before` (the first id). ' +
      'Filter by `status` and by `created[gte|gt|lte|lt]`.',
    key: 'secret',
    query: listPaymentsQuery,
    answer: { list: 'Payment' },
    errors: LIST_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/payments/:id',
    tag: 'Payments',
    summary: 'Retrieve a payment',
    description:
      'With a secret key, the whole payment. With a publishable key and `client_secret`, only its client-safe fields. ' +
      'With `wait` it long-polls: the answer comes as soon as the status differs from `if_status`, or after `wait` seconds.',
    key: 'either',
    query: retrievePaymentQuery,
    answer: { object: 'Payment', publishable: 'ClientPayment' },
    errors: CLIENT_SECRET_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/payments/:id',
    tag: 'Payments',
    summary: 'Update a payment',
    description:
      'Change `description` and `metadata` at any time, and `amount` while no payment method is confirmed (`requires_payment_method`). ' +
      'Metadata merges: a key set to `""` is removed, `metadata: null` removes them all. The browser’s `elements.fetchUpdates()` reads the new amount.',
    key: 'secret',
    body: { json: updatePaymentBody },
    answer: { object: 'Payment' },
    errors: [
      { status: 400, type: 'invalid_request_error', code: 'payment_unexpected_state', when: '`amount` while the payment is `requires_action`, `succeeded` or `canceled` (`param: amount`)' },
    ],
  },
  {
    method: 'post',
    path: '/v1/payments/:id/confirm',
    tag: 'Payments',
    summary: 'Confirm a payment with a payment method',
    description:
      'A card succeeds, is declined (402) or asks for 3-D Secure (`requires_action` with `next_action.redirect_to_url`). ' +
      'MoMo and the wallet answer `requires_action` with a PIN prompt or a wallet approval; the outcome follows by webhook. ' +
      'Confirming while an earlier attempt is still `requires_action` replaces that attempt.',
    key: 'either',
    body: { json: confirmPaymentBody },
    answer: { object: 'Payment', publishable: 'ClientPayment' },
    errors: CONFIRM_ERRORS,
    emits: ['payment.requires_action', 'payment.succeeded', 'payment.failed'],
  },
  {
    method: 'post',
    path: '/v1/payments/:id/cancel_action',
    tag: 'Payments',
    summary: 'Withdraw the pending customer action',
    description:
      'The checkout calls it when the customer cancels a PIN prompt, a wallet request or a 3-D Secure challenge, so that a late approval cannot charge them. ' +
      'The payment goes back to `requires_payment_method` (`last_payment_error.code` `customer_canceled`); an approval that won the race answers `succeeded`.',
    key: 'either',
    body: { json: cancelActionBody },
    answer: { object: 'Payment', publishable: 'ClientPayment' },
    errors: CLIENT_SECRET_ERRORS,
    emits: ['payment.failed'],
  },
  {
    method: 'post',
    path: '/v1/payments/:id/cancel',
    tag: 'Payments',
    summary: 'Cancel a payment',
    key: 'secret',
    body: { json: emptyBodySchema },
    answer: { object: 'Payment' },
    errors: [UNEXPECTED_STATE('canceled')],
    emits: ['payment.canceled'],
  },

  // Refunds
  {
    method: 'post',
    path: '/v1/refunds',
    tag: 'Refunds',
    summary: 'Refund a payment',
    description: 'The refund is `pending` at first and settles shortly after: `refund.succeeded`, or `refund.failed` (rare).',
    key: 'secret',
    body: { json: createRefundBody },
    answer: { object: 'Refund' },
    errors: [
      { status: 404, type: 'invalid_request_error', code: 'resource_missing', when: 'no such payment for this account (`param: payment`)' },
      { status: 400, type: 'invalid_request_error', code: 'payment_unexpected_state', when: 'the payment has not succeeded' },
      { status: 400, type: 'invalid_request_error', code: 'payment_already_refunded', when: 'nothing is left to refund' },
      { status: 400, type: 'invalid_request_error', code: 'amount_too_large', when: '`amount` is more than what is left to refund' },
    ],
    emits: ['refund.created', 'refund.succeeded', 'refund.failed'],
  },
  {
    method: 'get',
    path: '/v1/refunds',
    tag: 'Refunds',
    summary: 'List refunds',
    description: 'Newest first, paged as payments are; `payment` keeps the refunds of one payment.',
    key: 'secret',
    query: listRefundsQuery,
    answer: { list: 'Refund' },
    errors: [
      ...LIST_ERRORS,
      { status: 404, type: 'invalid_request_error', code: 'resource_missing', when: '`payment` names no payment of this account' },
    ],
  },
  {
    method: 'get',
    path: '/v1/refunds/:id',
    tag: 'Refunds',
    summary: 'Retrieve a refund',
    key: 'secret',
    answer: { object: 'Refund' },
  },

  // Events
  {
    method: 'get',
    path: '/v1/events',
    tag: 'Events',
    summary: 'List events',
    description: 'Newest first. Page with `starting_after` (the last id of the page you have) while `has_more` is true.',
    key: 'secret',
    query: listEventsQuery,
    answer: { list: 'Event' },
    errors: [{ status: 404, type: 'invalid_request_error', code: 'resource_missing', when: '`starting_after` names no event of this account' }],
  },
  {
    method: 'get',
    path: '/v1/events/:id',
    tag: 'Events',
    summary: 'Retrieve an event',
    key: 'secret',
    answer: { object: 'Event' },
  },
  {
    method: 'post',
    path: '/v1/events/:id/resend',
    tag: 'Events',
    summary: 'Resend an event',
    description:
      'Delivers the event again — the same event, same `id` and body, freshly signed — to every enabled endpoint that subscribes to its type, ' +
      'or to the one `endpoint` names. Answers the new deliveries (one per endpoint; an empty list when no enabled endpoint subscribes), ' +
      'each then retried on its own schedule and listed by `GET /v1/webhook_endpoints/:id/deliveries`.',
    key: 'secret',
    body: { json: resendEventBody },
    answer: { list: 'WebhookDelivery' },
    errors: [
      { status: 404, type: 'invalid_request_error', code: 'resource_missing', when: 'no such event, or `endpoint` names no endpoint of this account (`param: endpoint`)' },
      { status: 400, type: 'invalid_request_error', code: 'endpoint_disabled', when: '`endpoint` is disabled (`param: endpoint`)' },
    ],
  },

  // Webhook endpoints
  {
    method: 'post',
    path: '/v1/webhook_endpoints',
    tag: 'Webhook endpoints',
    summary: 'Create a webhook endpoint',
    description: 'The answer is the only one that shows the endpoint’s signing `secret` (`whsec_…`): keep it.',
    key: 'secret',
    body: { json: createWebhookEndpointBody },
    answer: { object: 'WebhookEndpoint' },
    errors: [
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'url_not_allowed',
        when:
          '`url` is a link-local or metadata address (169.254.0.0/16, fe80::/10, in any spelling), multicast or reserved; or, while the sandbox listens beyond loopback, ' +
          'a loopback or private one (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) without `SOXARA_WEBHOOK_ALLOW_PRIVATE` (`param: url`)',
      },
    ],
  },
  {
    method: 'get',
    path: '/v1/webhook_endpoints',
    tag: 'Webhook endpoints',
    summary: 'List webhook endpoints',
    description: 'Newest first, with each endpoint’s `status`, `disabled_reason`, `failing_since` and `last_error`.',
    key: 'secret',
    answer: { list: 'WebhookEndpoint' },
  },
  {
    method: 'get',
    path: '/v1/webhook_endpoints/:id',
    tag: 'Webhook endpoints',
    summary: 'Retrieve a webhook endpoint',
    key: 'secret',
    answer: { object: 'WebhookEndpoint' },
  },
  {
    method: 'post',
    path: '/v1/webhook_endpoints/:id',
    tag: 'Webhook endpoints',
    summary: 'Update a webhook endpoint',
    description:
      'Change its URL or events, or disable it (`disabled: true` also cancels its pending deliveries). ' +
      '`disabled: false` enables it again, also after the sandbox disabled it for failing, and clears `failing_since` and `last_error`.',
    key: 'secret',
    body: { json: updateWebhookEndpointBody },
    answer: { object: 'WebhookEndpoint' },
    errors: [
      {
        status: 400,
        type: 'invalid_request_error',
        code: 'url_not_allowed',
        when:
          '`url` is a link-local or metadata address (169.254.0.0/16, fe80::/10, in any spelling), multicast or reserved; or, while the sandbox listens beyond loopback, ' +
          'a loopback or private one (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) without `SOXARA_WEBHOOK_ALLOW_PRIVATE` (`param: url`)',
      },
    ],
  },
  {
    method: 'delete',
    path: '/v1/webhook_endpoints/:id',
    tag: 'Webhook endpoints',
    summary: 'Delete a webhook endpoint',
    description: 'Its pending deliveries are canceled.',
    key: 'secret',
    answer: { object: 'DeletedWebhookEndpoint' },
  },
  {
    method: 'get',
    path: '/v1/webhook_endpoints/:id/deliveries',
    tag: 'Webhook endpoints',
    summary: 'List the delivery attempts of an endpoint',
    description:
      'Newest first (`limit`): each event’s delivery to this endpoint (a resend is a delivery of its own), its `status` ' +
      '(`pending`, `succeeded`, `failed` once its three days are over, `canceled`), `attempts`, `last_response_code`, `last_error`, ' +
      '`last_attempt_at` (when it was sent) and `next_attempt_at`.',
    key: 'secret',
    query: listDeliveriesQuery,
    answer: { list: 'WebhookDelivery' },
  },

  // Test helpers
  {
    method: 'post',
    path: '/v1/test_helpers/accounts',
    tag: 'Test helpers',
    summary: 'Make an isolated account',
    description: 'No key needed. The new account’s keys never see another account’s objects (they answer 404).',
    key: 'none',
    body: { json: emptyBodySchema },
    answer: { object: 'Account' },
  },
  ...(['approve', 'decline'] as const).map(
    (decision): Operation => ({
      method: 'post',
      path: `/v1/test_helpers/payments/:id/${decision}`,
      tag: 'Test helpers',
      summary: `${decision === 'approve' ? 'Approve' : 'Decline'} the pending customer action`,
      description: `Completes the 3-D Secure challenge, MoMo PIN prompt or wallet approval of ${PAYMENT_ID} as the customer would (${decision === 'approve' ? 'approves' : 'declines or fails'} it).`,
      key: 'secret',
      body: { json: emptyBodySchema },
      answer: { object: 'Payment' },
      errors: [{ status: 400, type: 'invalid_request_error', code: 'payment_no_pending_action', when: 'the payment is not waiting for the customer' }],
      emits: decision === 'approve' ? ['payment.succeeded'] : ['payment.failed'],
    }),
  ),
  {
    method: 'post',
    path: '/v1/test_helpers/events',
    tag: 'Test helpers',
    summary: 'Emit a sample event',
    description: 'Records and delivers a realistic sample event of any of the 27 types, with fresh ids, to every endpoint that enabled it.',
    key: 'secret',
    body: { json: testEventBody },
    answer: { object: 'Event' },
  },

  // Sandbox
  {
    method: 'get',
    path: '/',
    tag: 'Sandbox',
    summary: 'What this server is',
    key: 'none',
    answer: { json: '`{"success": true, "data": {"object": "sandbox", "livemode": false}}`' },
  },
  {
    method: 'get',
    path: '/healthz',
    tag: 'Sandbox',
    summary: 'Health check',
    key: 'none',
    answer: { json: '`{"success": true, "data": {"ok": true}}`' },
  },

  // Simulator pages: HTML for a tester, reached through a payment's next_action links.
  ...simulatorPages('3ds', '3-D Secure challenge', 'next_action.redirect_to_url.url'),
  {
    method: 'get',
    path: '/simulators/3ds/:token/done',
    tag: 'Simulator pages',
    summary: 'End of a 3-D Secure challenge without return_url',
    key: 'none',
    answer: { page: '“You can close this window.”' },
  },
  ...simulatorPages('wallet', 'Soxara wallet app', 'next_action.soxara_wallet_approval.universal_link'),
  ...simulatorPages('momo', 'MoMo phone', 'next_action.momo_pin_prompt.simulator_url'),
];

function simulatorPages(kind: string, name: string, link: string): Operation[] {
  return [
    {
      method: 'get',
      path: `/simulators/${kind}/:token`,
      tag: 'Simulator pages',
      summary: `The ${name}`,
      description:
        `Reached through \`${link}\`. Shows the payment and two buttons.` +
        (kind === '3ds' ? ' `?embedded=1` (inside the Soxara modal) ends on “done” instead of redirecting.' : ''),
      key: 'none',
      answer: { page: 'the page' },
    },
    {
      method: 'post',
      path: `/simulators/${kind}/:token`,
      tag: 'Simulator pages',
      summary: `Answer the ${name}`,
      key: 'none',
      body: { form: decisionForm },
      answer: { page: kind === '3ds' ? 'a redirect to return_url, or the done page' : 'the outcome' },
    },
  ];
}

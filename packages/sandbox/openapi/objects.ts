/**
 * The objects the API answers with, as valibot schemas, for the spec's `components.schemas`. They are
 * written beside the wire types of @soxara/protocol and checked against them at compile time (the
 * `Same` lines at the end): a field added to `Payment` and not here, or typed differently, fails
 * `tsc`, so the spec cannot drift from what the sandbox sends.
 */
import * as v from 'valibot';
import {
  CLIENT_SAFE_PAYMENT_FIELDS,
  ErrorInfo,
  EVENT_TYPES,
  type Account,
  type ApiErrorBody,
  type ClientPayment,
  type Payment,
  type PaymentError,
  type Refund,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '@soxara/protocol';

/** The error types of the contract: the frames' own schema of them. */
const errorType = ErrorInfo.entries.type;

const isoSeconds = v.pipe(v.string(), v.metadata({ format: 'date-time' }));
const money = { amount: v.pipe(v.number(), v.integer(), v.description('In minor units: 1250 is 12.50.')), currency: v.picklist(['USD', 'LRD']) };
const metadata = v.record(v.string(), v.string());
const provider = v.picklist(['mtn', 'orange']);

export const PaymentErrorSchema = v.object({
  type: errorType,
  code: v.string(),
  message: v.pipe(v.string(), v.description('Written for the customer: safe to show.')),
  decline_code: v.optional(v.string()),
  param: v.optional(v.string()),
});

export const PaymentMethodDetailsSchema = v.variant('type', [
  v.object({
    type: v.literal('card'),
    card: v.object({ brand: v.string(), last4: v.string(), exp_month: v.number(), exp_year: v.number() }),
  }),
  v.object({ type: v.literal('momo'), momo: v.object({ provider, phone_number_masked: v.string() }) }),
  v.object({ type: v.literal('soxara_wallet') }),
]);

export const NextActionSchema = v.variant('type', [
  v.object({
    type: v.literal('redirect_to_url'),
    redirect_to_url: v.object({ url: v.string(), return_url: v.string() }),
  }),
  v.object({
    type: v.literal('momo_pin_prompt'),
    momo_pin_prompt: v.object({
      provider,
      phone_number_masked: v.string(),
      expires_at: isoSeconds,
      ussd_code: v.pipe(v.string(), v.description('Dial code for a customer whose push prompt never arrives.')),
      simulator_url: v.optional(v.pipe(v.string(), v.description("Sandbox only: the simulated phone's page."))),
    }),
  }),
  v.object({
    type: v.literal('soxara_wallet_approval'),
    soxara_wallet_approval: v.object({ universal_link: v.string(), app_link: v.string(), expires_at: isoSeconds }),
  }),
]);

const paymentEntries = {
  id: v.pipe(v.string(), v.description('`pi_…`')),
  object: v.literal('payment'),
  livemode: v.literal(false),
  ...money,
  amount_refunded: v.number(),
  status: v.picklist(['requires_payment_method', 'requires_action', 'succeeded', 'canceled']),
  client_secret: v.pipe(v.string(), v.description('`pi_…_secret_…`: hand it to the browser, never log it.')),
  description: v.nullable(v.string()),
  metadata,
  payment_method: v.pipe(
    v.nullable(v.picklist(['card', 'momo', 'soxara_wallet'])),
    v.description('The method of the latest confirm; null before the first.'),
  ),
  payment_method_details: v.nullable(PaymentMethodDetailsSchema),
  next_action: v.nullable(NextActionSchema),
  last_payment_error: v.nullable(PaymentErrorSchema),
  customer: v.pipe(
    v.nullable(v.object({ id: v.string(), phone_number: v.string(), country_code: v.string() })),
    v.description('The Soxara user who paid with MoMo or the wallet; null for cards.'),
  ),
  created_at: isoSeconds,
  succeeded_at: v.nullable(isoSeconds),
  canceled_at: v.nullable(isoSeconds),
};

export const PaymentSchema = v.object(paymentEntries);

/** The publishable key's view: the client-safe fields only. */
export const ClientPaymentSchema = v.object(
  Object.fromEntries(CLIENT_SAFE_PAYMENT_FIELDS.map((field) => [field, paymentEntries[field]])) as Pick<
    typeof paymentEntries,
    (typeof CLIENT_SAFE_PAYMENT_FIELDS)[number]
  >,
);

export const RefundSchema = v.object({
  id: v.pipe(v.string(), v.description('`re_…`')),
  object: v.literal('refund'),
  payment: v.pipe(v.string(), v.description('The refunded payment (`pi_…`).')),
  ...money,
  status: v.picklist(['pending', 'succeeded', 'failed']),
  reason: v.nullable(v.string()),
  failure_reason: v.nullable(v.string()),
  metadata,
  created_at: isoSeconds,
});

export const WebhookEndpointSchema = v.object({
  id: v.pipe(v.string(), v.description('`we_…`')),
  object: v.literal('webhook_endpoint'),
  url: v.string(),
  enabled_events: v.array(v.string()),
  status: v.picklist(['enabled', 'disabled']),
  disabled_reason: v.pipe(
    v.nullable(v.picklist(['requested', 'failing'])),
    v.description('`requested`: by `disabled: true`; `failing`: by the sandbox, after three days in which every attempt failed.'),
  ),
  failing_since: v.pipe(v.nullable(isoSeconds), v.description('Since when every attempt has failed; null once one succeeds.')),
  last_error: v.pipe(v.nullable(v.string()), v.description('The last failed attempt’s error (`HTTP 500`, `timeout`, `connection failed`, …); null once one succeeds.')),
  last_error_at: v.nullable(isoSeconds),
  secret: v.optional(v.pipe(v.string(), v.description('`whsec_…`, in the create answer only.'))),
  created_at: isoSeconds,
});

export const DeletedWebhookEndpointSchema = v.object({ id: v.string(), object: v.literal('webhook_endpoint'), deleted: v.literal(true) });

export const WebhookDeliverySchema = v.object({
  id: v.pipe(v.string(), v.description('`wd_…`')),
  object: v.literal('webhook_delivery'),
  event: v.string(),
  event_type: v.nullable(v.picklist(EVENT_TYPES)),
  endpoint: v.string(),
  status: v.picklist(['pending', 'succeeded', 'failed', 'canceled']),
  attempts: v.number(),
  last_response_code: v.nullable(v.number()),
  last_error: v.nullable(v.string()),
  last_attempt_at: v.nullable(isoSeconds),
  next_attempt_at: v.nullable(isoSeconds),
  delivered_at: v.nullable(isoSeconds),
  created_at: isoSeconds,
});

export const AccountSchema = v.object({ id: v.string(), publishable_key: v.string(), secret_key: v.string() });

/** Every event has this envelope; `data.object` is the object the event is about (docs/events.md). */
export const EventSchema = v.object({
  id: v.pipe(v.string(), v.description('`evt_…`')),
  object: v.literal('event'),
  type: v.picklist(EVENT_TYPES),
  livemode: v.boolean(),
  created_at: isoSeconds,
  data: v.object({ object: v.looseObject({ id: v.string(), object: v.string() }) }),
});

export const ErrorBodySchema = v.object({
  type: errorType,
  code: v.string(),
  message: v.string(),
  param: v.optional(v.pipe(v.string(), v.description('The offending field: `amount`, `card[number]`, `phone_number`, …'))),
  decline_code: v.optional(v.string()),
  payment_intent: v.optional(v.pipe(ClientPaymentSchema, v.description("After a failed confirm: the payment's state."))),
  request_id: v.optional(v.pipe(v.string(), v.description('The request’s `Request-Id` (`req_…`): quote it when asking why.'))),
});

/** The schemas of `components.schemas`, by name. */
export const OBJECT_SCHEMAS = {
  Payment: PaymentSchema,
  ClientPayment: ClientPaymentSchema,
  PaymentMethodDetails: PaymentMethodDetailsSchema,
  NextAction: NextActionSchema,
  PaymentError: PaymentErrorSchema,
  Refund: RefundSchema,
  WebhookEndpoint: WebhookEndpointSchema,
  DeletedWebhookEndpoint: DeletedWebhookEndpointSchema,
  WebhookDelivery: WebhookDeliverySchema,
  Account: AccountSchema,
  Event: EventSchema,
  Error: ErrorBodySchema,
};

export type ObjectName = keyof typeof OBJECT_SCHEMAS;

// Compile-time checks: each schema's output is exactly the wire type the sandbox sends.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Output<S extends v.GenericSchema> = v.InferOutput<S>;
const sameAsProtocol: [
  Same<Output<typeof PaymentSchema>, Payment>,
  Same<Output<typeof ClientPaymentSchema>, ClientPayment>,
  Same<Output<typeof PaymentErrorSchema>, PaymentError>,
  Same<Output<typeof RefundSchema>, Refund>,
  Same<Output<typeof WebhookEndpointSchema>, WebhookEndpoint>,
  Same<Output<typeof WebhookDeliverySchema>, WebhookDelivery>,
  Same<Output<typeof AccountSchema>, Account>,
  Same<Omit<Output<typeof ErrorBodySchema>, 'payment_intent'>, Omit<ApiErrorBody, 'payment_intent'>>,
] = [true, true, true, true, true, true, true, true];
void sameAsProtocol;

/**
 * The webhook events of the event reference (docs/events.md): 27 types, each with the type of its
 * `data.object`. The envelope is the sample payload's: `{id, object, type, livemode, created_at, data}`.
 * `SoxaraEvent` is a union discriminated by `type`, so `switch (event.type)` narrows `data.object`.
 */
import type { Currency, Payment, Refund } from './api.ts';

/** A person on Soxara's side of a transaction, as the sample's `customer` shows them. */
export interface EventParty {
  id: string | null;
  phone_number: string | null;
  country_code: string;
}

export type TransferStatus = 'pending' | 'succeeded' | 'claimed' | 'expired';

/** A wallet-to-wallet send. A recipient who is not a user yet claims it through a link. */
export interface Transfer {
  id: string;
  object: 'transfer';
  amount: number;
  currency: Currency;
  status: TransferStatus;
  description: string | null;
  sender: EventParty;
  recipient: EventParty;
  /** ISO 8601: after this an unclaimed transfer returns to the sender. */
  claim_expires_at: string | null;
  metadata: Record<string, string>;
  created_at: string;
  succeeded_at: string | null;
  claimed_at: string | null;
  expired_at: string | null;
}

export type GiftCardStatus = 'active' | 'redeemed' | 'expired';

export interface GiftCardRedemption {
  amount: number;
  /** Where it was redeemed (a merchant POS). */
  location: string | null;
  redeemed_at: string;
}

export interface GiftCardShare {
  batch_id: string;
  recipients_count: number;
  claimed_count: number;
}

/** A merchant gift card bought by a buyer; it may be shared with many recipients through claim links. */
export interface GiftCard {
  id: string;
  object: 'gift_card';
  initial_amount: number;
  balance: number;
  currency: Currency;
  status: GiftCardStatus;
  /** Only the last four characters of the redemption code ever leave the API. */
  code_last4: string;
  purchaser: EventParty;
  recipient: EventParty | null;
  last_redemption: GiftCardRedemption | null;
  share: GiftCardShare | null;
  expires_at: string;
  metadata: Record<string, string>;
  created_at: string;
}

export type BillPaymentStatus = 'pending' | 'succeeded' | 'failed';

/** A utility bill paid through Soxara (LEC electricity, LWSC water, …). */
export interface BillPayment {
  id: string;
  object: 'bill_payment';
  amount: number;
  currency: Currency;
  status: BillPaymentStatus;
  biller: { code: string; name: string };
  /** The customer's account or meter number at the biller. */
  account_number: string;
  /** Set when the biller issues one, e.g. a prepaid electricity token. */
  token: string | null;
  failure_code: string | null;
  failure_message: string | null;
  customer: EventParty;
  metadata: Record<string, string>;
  created_at: string;
  succeeded_at: string | null;
}

export type MembershipStatus = 'active' | 'past_due' | 'canceled';

export interface MembershipTier {
  id: string;
  name: string;
  amount: number;
  currency: Currency;
  interval: 'week' | 'month' | 'year';
}

/** A customer's subscription to one of the merchant's membership tiers. */
export interface Membership {
  id: string;
  object: 'membership';
  status: MembershipStatus;
  tier: MembershipTier;
  customer: EventParty;
  current_period_start: string;
  current_period_end: string;
  /** Set while `past_due`: when the membership is canceled unless a payment succeeds. */
  grace_period_ends_at: string | null;
  /** The payment (`pi_…`) of the latest billing attempt. */
  latest_payment: string | null;
  cancellation_reason: 'requested_by_customer' | 'payment_failed' | null;
  metadata: Record<string, string>;
  created_at: string;
  canceled_at: string | null;
}

export type DisputeStatus = 'needs_response' | 'under_review' | 'won' | 'lost' | 'withdrawn';
export type DisputeReason =
  | 'fraudulent'
  | 'duplicate'
  | 'product_not_received'
  | 'product_unacceptable'
  | 'unrecognized'
  | 'credit_not_processed'
  | 'general';

/** A cardholder's dispute (chargeback) of a card payment. */
export interface Dispute {
  id: string;
  object: 'dispute';
  /** The disputed payment (`pi_…`). */
  payment: string;
  amount: number;
  currency: Currency;
  status: DisputeStatus;
  reason: DisputeReason;
  evidence_details: {
    due_by: string;
    has_evidence: boolean;
    submission_count: number;
  };
  metadata: Record<string, string>;
  created_at: string;
  closed_at: string | null;
}

/** Event type → the type of its `data.object`. The one table the rest of this file derives from. */
export interface EventObjectMap {
  'payment.created': Payment;
  'payment.requires_action': Payment;
  'payment.succeeded': Payment;
  'payment.failed': Payment;
  'payment.canceled': Payment;
  'refund.created': Refund;
  'refund.succeeded': Refund;
  'refund.failed': Refund;
  'transfer.created': Transfer;
  'transfer.succeeded': Transfer;
  'transfer.expired': Transfer;
  'transfer.claimed': Transfer;
  'gift_card.created': GiftCard;
  'gift_card.redeemed': GiftCard;
  'gift_card.expired': GiftCard;
  'gift_card.shared': GiftCard;
  'gift_card.claimed': GiftCard;
  'bill_payment.initiated': BillPayment;
  'bill_payment.succeeded': BillPayment;
  'bill_payment.failed': BillPayment;
  'membership.subscribed': Membership;
  'membership.renewed': Membership;
  'membership.payment_failed': Membership;
  'membership.canceled': Membership;
  'charge.dispute.created': Dispute;
  'charge.dispute.updated': Dispute;
  'charge.dispute.closed': Dispute;
}

export type EventType = keyof EventObjectMap;

// `satisfies` keeps this list and EventObjectMap in step: a missing or extra type fails to compile.
const EVENT_TYPE_SET = {
  'payment.created': true,
  'payment.requires_action': true,
  'payment.succeeded': true,
  'payment.failed': true,
  'payment.canceled': true,
  'refund.created': true,
  'refund.succeeded': true,
  'refund.failed': true,
  'transfer.created': true,
  'transfer.succeeded': true,
  'transfer.expired': true,
  'transfer.claimed': true,
  'gift_card.created': true,
  'gift_card.redeemed': true,
  'gift_card.expired': true,
  'gift_card.shared': true,
  'gift_card.claimed': true,
  'bill_payment.initiated': true,
  'bill_payment.succeeded': true,
  'bill_payment.failed': true,
  'membership.subscribed': true,
  'membership.renewed': true,
  'membership.payment_failed': true,
  'membership.canceled': true,
  'charge.dispute.created': true,
  'charge.dispute.updated': true,
  'charge.dispute.closed': true,
} as const satisfies Record<EventType, true>;

export const EVENT_TYPES: readonly EventType[] = Object.freeze(Object.keys(EVENT_TYPE_SET) as EventType[]);

export function isEventType(x: unknown): x is EventType {
  return typeof x === 'string' && Object.hasOwn(EVENT_TYPE_SET, x);
}

/** The envelope of one event type. */
export interface EventEnvelope<T extends EventType> {
  /** `evt_…` */
  id: string;
  object?: 'event';
  type: T;
  /** Always false in the sandbox. */
  livemode: boolean;
  /** ISO 8601 without milliseconds, e.g. `2026-05-23T14:05:33Z`. */
  created_at: string;
  data: { object: EventObjectMap[T] };
}

/** The event of type `T`; distributes over a union, so `EventOf<EventType>` is `SoxaraEvent`. */
export type EventOf<T extends EventType> = T extends EventType ? EventEnvelope<T> : never;

/** Any Soxara event; narrow it with `event.type`. */
export type SoxaraEvent = EventOf<EventType>;

/** The `data.object` type of the events whose type is in `T`. */
export type EventObject<T extends EventType = EventType> = EventObjectMap[T];

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';

/** One event's delivery to one endpoint (`GET /v1/webhook_endpoints/:id/deliveries`). */
export interface WebhookDelivery {
  /** `wd_…` */
  id: string;
  object: 'webhook_delivery';
  /** The event (`evt_…`). */
  event: string;
  event_type: EventType | null;
  /** The endpoint (`we_…`). */
  endpoint: string;
  /** `pending` until a 2xx (`succeeded`), the last attempt (`failed`), or the endpoint's removal (`canceled`). */
  status: WebhookDeliveryStatus;
  attempts: number;
  last_response_code: number | null;
  /** Why the last attempt failed: `HTTP 500`, `timeout`, `ECONNREFUSED`, … */
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

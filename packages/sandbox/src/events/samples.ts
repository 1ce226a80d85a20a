/**
 * Sample objects for `POST /v1/test_helpers/events`: one realistic `data.object` per event type, modelled
 * on the event reference's sample (shared/seeds/001_…: order #5021, 12.50 USD, a Liberian MTN customer).
 * Each object is in the state its event describes, so a merchant's handler sees what a real event carries.
 * Fresh ids every time, so handlers that dedupe on ids do not drop a second test event.
 */
import type {
  BillPayment,
  Dispute,
  EventObjectMap,
  EventParty,
  EventType,
  GiftCard,
  Membership,
  Payment,
  Refund,
  Transfer,
} from '@soxara/protocol';
import { newId, randomBase62 } from '../ids.ts';
import { isoSeconds } from '../time.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Clock {
  now: number;
  at(offsetMs: number): string;
}

function clock(now: number): Clock {
  return { now, at: (offsetMs) => isoSeconds(now + offsetMs) };
}

function customer(): EventParty & NonNullable<Payment['customer']> {
  return { id: newId('usr', 12), phone_number: '+231881158457', country_code: 'LR' };
}

function payment(c: Clock, overrides: Partial<Payment>): Payment {
  const id = newId('pi');
  return {
    id,
    object: 'payment',
    livemode: false,
    amount: 1250,
    amount_refunded: 0,
    currency: 'USD',
    status: 'requires_payment_method',
    client_secret: `${id}_secret_${randomBase62(24)}`,
    description: 'Order #5021',
    metadata: { order_id: '5021' },
    payment_method: null,
    next_action: null,
    last_payment_error: null,
    customer: null,
    created_at: c.at(-19_000),
    succeeded_at: null,
    canceled_at: null,
    ...overrides,
  };
}

const card = { type: 'card', card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 } } as const;
const momo = { type: 'momo', momo: { provider: 'mtn', phone_number_masked: '+231 88 *** 8457' } } as const;

function refund(c: Clock, overrides: Partial<Refund>): Refund {
  return {
    id: newId('re'),
    object: 'refund',
    payment: newId('pi'),
    amount: 1250,
    currency: 'USD',
    status: 'pending',
    reason: 'requested_by_customer',
    failure_reason: null,
    metadata: { order_id: '5021' },
    created_at: c.at(-2_000),
    ...overrides,
  };
}

function transfer(c: Clock, overrides: Partial<Transfer>): Transfer {
  return {
    id: newId('tr'),
    object: 'transfer',
    amount: 500000,
    currency: 'LRD',
    status: 'pending',
    description: 'School fees',
    sender: customer(),
    recipient: { id: null, phone_number: '+231770123456', country_code: 'LR' },
    claim_expires_at: c.at(7 * DAY),
    metadata: {},
    created_at: c.at(-MINUTE),
    succeeded_at: null,
    claimed_at: null,
    expired_at: null,
    ...overrides,
  };
}

function giftCard(c: Clock, overrides: Partial<GiftCard>): GiftCard {
  return {
    id: newId('gc'),
    object: 'gift_card',
    initial_amount: 5000,
    balance: 5000,
    currency: 'USD',
    status: 'active',
    code_last4: randomBase62(4).toUpperCase(),
    purchaser: customer(),
    recipient: null,
    last_redemption: null,
    share: null,
    expires_at: c.at(365 * DAY),
    metadata: { campaign: 'independence-day' },
    created_at: c.at(-MINUTE),
    ...overrides,
  };
}

function billPayment(c: Clock, overrides: Partial<BillPayment>): BillPayment {
  return {
    id: newId('bp'),
    object: 'bill_payment',
    amount: 2500,
    currency: 'USD',
    status: 'pending',
    biller: { code: 'LEC', name: 'Liberia Electricity Corporation' },
    account_number: '04-118-2231',
    token: null,
    failure_code: null,
    failure_message: null,
    customer: customer(),
    metadata: {},
    created_at: c.at(-30_000),
    succeeded_at: null,
    ...overrides,
  };
}

function membership(c: Clock, overrides: Partial<Membership>): Membership {
  return {
    id: newId('mem'),
    object: 'membership',
    status: 'active',
    tier: { id: newId('tier', 12), name: 'Gold', amount: 1500, currency: 'USD', interval: 'month' },
    customer: customer(),
    current_period_start: c.at(0),
    current_period_end: c.at(30 * DAY),
    grace_period_ends_at: null,
    latest_payment: newId('pi'),
    cancellation_reason: null,
    metadata: { member_number: '0042' },
    created_at: c.at(0),
    canceled_at: null,
    ...overrides,
  };
}

function dispute(c: Clock, overrides: Partial<Dispute>): Dispute {
  return {
    id: newId('dp'),
    object: 'dispute',
    payment: newId('pi'),
    amount: 1250,
    currency: 'USD',
    status: 'needs_response',
    reason: 'product_not_received',
    evidence_details: { due_by: c.at(7 * DAY), has_evidence: false, submission_count: 0 },
    metadata: { order_id: '5021' },
    created_at: c.at(-MINUTE),
    closed_at: null,
    ...overrides,
  };
}

type SampleBuilders = { [T in EventType]: (c: Clock) => EventObjectMap[T] };

const SAMPLES: SampleBuilders = {
  'payment.created': (c) => payment(c, {}),
  'payment.requires_action': (c) =>
    payment(c, {
      status: 'requires_action',
      payment_method: momo,
      customer: customer(),
      next_action: {
        type: 'momo_pin_prompt',
        momo_pin_prompt: { provider: 'mtn', phone_number_masked: '+231 88 *** 8457', expires_at: c.at(5 * MINUTE), ussd_code: '*156#' },
      },
    }),
  'payment.succeeded': (c) => payment(c, { status: 'succeeded', payment_method: card, customer: customer(), succeeded_at: c.at(-1_000) }),
  'payment.failed': (c) =>
    payment(c, {
      payment_method: card,
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' },
    }),
  'payment.canceled': (c) => payment(c, { status: 'canceled', canceled_at: c.at(0) }),

  'refund.created': (c) => refund(c, {}),
  'refund.succeeded': (c) => refund(c, { status: 'succeeded' }),
  'refund.failed': (c) => refund(c, { status: 'failed', failure_reason: 'provider_reversal_failed' }),

  'transfer.created': (c) => transfer(c, {}),
  'transfer.succeeded': (c) =>
    transfer(c, { status: 'succeeded', recipient: { id: newId('usr', 12), phone_number: '+231770123456', country_code: 'LR' }, claim_expires_at: null, succeeded_at: c.at(0) }),
  'transfer.expired': (c) => transfer(c, { status: 'expired', created_at: c.at(-7 * DAY), claim_expires_at: c.at(0), expired_at: c.at(0) }),
  'transfer.claimed': (c) =>
    transfer(c, {
      status: 'claimed',
      recipient: { id: newId('usr', 12), phone_number: '+231770123456', country_code: 'LR' },
      created_at: c.at(-DAY),
      claimed_at: c.at(0),
      succeeded_at: c.at(0),
    }),

  'gift_card.created': (c) => giftCard(c, {}),
  'gift_card.redeemed': (c) =>
    giftCard(c, { balance: 2000, last_redemption: { amount: 3000, location: 'Sinkor store POS 2', redeemed_at: c.at(0) } }),
  'gift_card.expired': (c) => giftCard(c, { status: 'expired', balance: 1200, created_at: c.at(-365 * DAY), expires_at: c.at(0) }),
  'gift_card.shared': (c) => giftCard(c, { share: { batch_id: newId('gcb', 12), recipients_count: 10, claimed_count: 0 } }),
  'gift_card.claimed': (c) =>
    giftCard(c, {
      recipient: { id: newId('usr', 12), phone_number: '+231555123456', country_code: 'LR' },
      share: { batch_id: newId('gcb', 12), recipients_count: 10, claimed_count: 1 },
    }),

  'bill_payment.initiated': (c) => billPayment(c, {}),
  'bill_payment.succeeded': (c) => billPayment(c, { status: 'succeeded', token: '4721-0983-5561-2210-8874', succeeded_at: c.at(0) }),
  'bill_payment.failed': (c) =>
    billPayment(c, { status: 'failed', failure_code: 'biller_timeout', failure_message: 'The biller did not confirm the payment in time.' }),

  'membership.subscribed': (c) => membership(c, {}),
  'membership.renewed': (c) => membership(c, { created_at: c.at(-60 * DAY) }),
  'membership.payment_failed': (c) =>
    membership(c, { status: 'past_due', created_at: c.at(-60 * DAY), grace_period_ends_at: c.at(3 * DAY) }),
  'membership.canceled': (c) =>
    membership(c, { status: 'canceled', created_at: c.at(-90 * DAY), cancellation_reason: 'requested_by_customer', canceled_at: c.at(0) }),

  'charge.dispute.created': (c) => dispute(c, {}),
  'charge.dispute.updated': (c) =>
    dispute(c, { status: 'under_review', evidence_details: { due_by: c.at(5 * DAY), has_evidence: true, submission_count: 1 } }),
  'charge.dispute.closed': (c) =>
    dispute(c, {
      status: 'won',
      created_at: c.at(-30 * DAY),
      evidence_details: { due_by: c.at(-23 * DAY), has_evidence: true, submission_count: 1 },
      closed_at: c.at(0),
    }),
};

export function sampleObject<T extends EventType>(type: T, now: number = Date.now()): EventObjectMap[T] {
  return SAMPLES[type](clock(now));
}

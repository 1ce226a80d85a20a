/**
 * The objects of the Soxara REST API as they travel on the wire. The sandbox produces them, the
 * frames and the server SDK consume them. docs/api.md is their reference, docs/events.md that of the events.
 */
import type { ErrorType } from './errors.ts';

export type Currency = 'USD' | 'LRD';
export const CURRENCIES: readonly Currency[] = ['USD', 'LRD'];

export type PaymentStatus =
  | 'requires_payment_method'
  | 'requires_action'
  | 'succeeded'
  | 'canceled';

/**
 * The longest `return_url` a confirm takes, in the browser and at the API alike (Stripe takes 5,000): room
 * for a merchant's own query string, and the contract's three parameters are appended to it on the way
 * back from 3-D Secure.
 */
export const MAX_RETURN_URL_LENGTH = 4000;

export type MomoProvider = 'mtn' | 'orange';
export type PaymentMethodType = 'card' | 'momo' | 'soxara_wallet';

/**
 * What the customer paid with, as safe to show: never a full number or CVC. A payment carries the
 * method's name in `payment_method` (the event reference's `"payment_method": "card"`) and these details
 * beside it, as Stripe's charges carry `payment_method_details`.
 */
export type PaymentMethodDetails =
  | { type: 'card'; card: { brand: string; last4: string; exp_month: number; exp_year: number } }
  | { type: 'momo'; momo: { provider: MomoProvider; phone_number_masked: string } }
  | { type: 'soxara_wallet' };

/** The step the customer must take before the payment can complete. */
export type NextAction =
  | {
      type: 'redirect_to_url';
      redirect_to_url: { url: string; return_url: string };
    }
  | {
      type: 'momo_pin_prompt';
      momo_pin_prompt: {
        provider: MomoProvider;
        phone_number_masked: string;
        /** ISO 8601: when the operator drops the prompt. */
        expires_at: string;
        /** Dial code a customer can use when the push prompt never arrives. */
        ussd_code: string;
        /** Sandbox only: the simulated phone's page, where a tester can approve or decline the prompt. */
        simulator_url?: string;
      };
    }
  | {
      type: 'soxara_wallet_approval';
      soxara_wallet_approval: {
        /** https link that opens the wallet app, or the sandbox's wallet page when no app takes it. */
        universal_link: string;
        /** soxara:// deep link for devices with the app installed. */
        app_link: string;
        expires_at: string;
      };
    };

export interface PaymentError {
  type: ErrorType;
  code: string;
  message: string;
  decline_code?: string;
  param?: string;
}

/** A payment as the secret key sees it. */
export interface Payment {
  id: string;
  object: 'payment';
  livemode: false;
  amount: number;
  amount_refunded: number;
  currency: Currency;
  status: PaymentStatus;
  client_secret: string;
  description: string | null;
  metadata: Record<string, string>;
  /** The method of the latest confirm: `card`, `momo` or `soxara_wallet`; null before the first. */
  payment_method: PaymentMethodType | null;
  /** That method's safe details; null exactly when `payment_method` is. */
  payment_method_details: PaymentMethodDetails | null;
  next_action: NextAction | null;
  last_payment_error: PaymentError | null;
  /** The Soxara user who paid (MoMo, wallet); null for card payments and before a confirm. */
  customer: { id: string; phone_number: string; country_code: string } | null;
  created_at: string;
  succeeded_at: string | null;
  canceled_at: string | null;
}

/** The fields a publishable key (the browser) may read. No metadata, no customer, no client secret. */
export const CLIENT_SAFE_PAYMENT_FIELDS = [
  'id',
  'object',
  'amount',
  'currency',
  'status',
  'description',
  'next_action',
  'last_payment_error',
  'payment_method',
  'payment_method_details',
  'created_at',
] as const;
export type ClientPayment = Pick<Payment, (typeof CLIENT_SAFE_PAYMENT_FIELDS)[number]>;

export type RefundStatus = 'pending' | 'succeeded' | 'failed';
export interface Refund {
  id: string;
  object: 'refund';
  payment: string;
  amount: number;
  currency: Currency;
  status: RefundStatus;
  reason: string | null;
  failure_reason: string | null;
  metadata: Record<string, string>;
  created_at: string;
}

export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  enabled_events: string[];
  status: 'enabled' | 'disabled';
  /** Why it is disabled: by a request (`disabled: true`), or by the sandbox after three days of failures. */
  disabled_reason: 'requested' | 'failing' | null;
  /** Since when every attempt to it has failed; null while the last attempt succeeded. */
  failing_since: string | null;
  /** The last failed attempt's error (`HTTP 500`, `timeout`, …) and when; null while it is healthy. */
  last_error: string | null;
  last_error_at: string | null;
  /** Only in the create response. */
  secret?: string;
  created_at: string;
}

export interface Account {
  id: string;
  publishable_key: string;
  secret_key: string;
}

export interface ApiErrorBody {
  type: ErrorType;
  code: string;
  message: string;
  param?: string;
  decline_code?: string;
  /** Set on payment-outcome errors so the caller can read the payment's state. */
  payment_intent?: ClientPayment;
  /** The failed request's `Request-Id` (`req_…`), to quote when asking why. */
  request_id?: string;
}

export type ApiEnvelope<T> = { success: true; data: T } | { success: false; error: ApiErrorBody };
/** A list: Stripe's list object (`object`, `url`: the list's path) inside the envelope. */
export type ApiListEnvelope<T> = { success: true; object: 'list'; url: string; data: T[]; has_more: boolean };

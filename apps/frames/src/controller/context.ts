/**
 * What a confirm flow (card, MoMo, wallet) gets from the controller frame: the API client, the
 * customer's locale, modals, the element lines and a signal that the merchant page is visible again.
 * Flows are functions `(ctx, call) => Promise<PaymentResult>` and never touch `window` or ports
 * themselves, so each can be tested with a hand-made context.
 */
import type { Appearance, CollectedCard, ControllerToElement, ErrorInfo, Locale, ModalKind, ModalView } from '@soxara/protocol';
import type { ApiClient } from './api.ts';
import type { Notifier } from './notifier.ts';
import type { Connectivity } from './wait/connectivity.ts';

/** A modal frame over the merchant page, wired to the controller. */
export interface ModalHandle {
  show(view: ModalView): void;
  /** A short line the modal announces ("Still waiting…"). */
  status(message: string): void;
  /** The customer pressed Cancel or Escape. Returns the unsubscribe. */
  onCancel(listener: () => void): () => void;
  /** The customer asked for a new prompt / code. Returns the unsubscribe. */
  onResend(listener: () => void): () => void;
  /** Removes the modal from the page. Safe to call twice. */
  close(): void;
}

export type CollectCardResult = { card: CollectedCard } | { error: ErrorInfo };
export type ValidateResult = { ok: true } | { error: ErrorInfo };

/** The controller's end of an element frame's private line. */
export interface ElementHandle {
  readonly elementId: string;
  readonly kind: 'card' | 'payment';
  /** Null for a deferred form (`mode: 'payment'`): its payment is named only at confirm time. */
  readonly clientSecret: string | null;
  send(message: ControllerToElement): void;
  /** Asks the element to check its current method's fields (it shows their errors); element_unavailable if gone. */
  validate(): Promise<ValidateResult>;
  /**
   * A deferred form's `elements.submit()` passed since its last confirm: set by submit, used up by
   * confirm, so that each confirm follows a check of what the customer typed, as Stripe.js requires.
   */
  submitted: boolean;
  /** Asks the element for its card; a validation_error when incomplete, element_unavailable if the frame is gone. */
  collectCard(): Promise<CollectCardResult>;
  /** The MoMo tab's latest provider and number (tabbed `payment` element), if the customer typed any. */
  readonly momoDetails: { provider: 'mtn' | 'orange'; phoneNumber: string } | null;
  /** The tab the customer is on (tabbed `payment` element); null for a card element. */
  readonly selectedMethod: 'card' | 'momo' | 'soxara_wallet' | null;
  /** What the merchant configured the element with (`element-settings`); null until it was. */
  readonly settings: ElementSettings | null;
}

export interface ElementSettings {
  locale: Locale;
  appearance?: Appearance | undefined;
  /** A deferred form's amount and currency, as configured (or updated) by the merchant. */
  amount?: number | undefined;
  currency?: 'USD' | 'LRD' | undefined;
}

export class ModalOpenError extends Error {
  override readonly name = 'ModalOpenError';
}

export interface ControllerContext {
  api: ApiClient;
  /** The customer's language: the confirming form's, else the Soxara instance's. */
  locale: Locale;
  /** The look of the modals: the confirming form's appearance, else the last configured form's. */
  appearance?: Appearance | undefined;
  /** The API origin (e.g. `http://localhost:4010`): the only origin a challenge or wallet page may come from. */
  apiOrigin: string;
  /** Asks the merchant script for a modal and resolves once it is wired; rejects with ModalOpenError if it never comes. */
  openModal(kind: ModalKind): Promise<ModalHandle>;
  /** The merchant page became visible again (tab switch, return from the wallet app): re-check at once. */
  pageVisible: Notifier;
  /** Whether the browser is online; hand-made test contexts may leave it out (always online). */
  connectivity?: Connectivity;
  element(elementId: string): ElementHandle | undefined;
  /**
   * Sends the whole merchant page to `url` (3-D Secure with `redirect: 'always'`). Callers pass only
   * URLs they have checked to be on the API origin; the merchant script checks again before leaving.
   */
  navigate(url: string): void;
}

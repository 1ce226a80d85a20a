/**
 * The browser API of Soxara.js (`window.Soxara`), as merchants see it: the single source of these
 * types. They live in the published package, which merchants compile against; the merchant-page
 * script (packages/soxara-js-cdn, never published) imports them type-only and implements exactly
 * them, so the two cannot drift apart. Shapes follow stripe-js where the contract is silent: results
 * are discriminated unions, `confirmPayment` is overloaded on `redirect` and on the payment-method form.
 */
import type { ClientPayment, ErrorType, MomoProvider } from '@soxara/protocol';

export type { ErrorType, MomoProvider };

/** A payment as the browser may read it (publishable key + client secret): never metadata. */
export type PaymentIntent = ClientPayment;

/** A payment-outcome or request error. Returned in `{error}`, never thrown. */
export interface SoxaraError {
  type: ErrorType;
  /** e.g. `card_declined`, `incorrect_cvc`, `incomplete_number`, `approval_rejected`, `prompt_expired`. */
  code: string;
  /** Written for the customer, in the form's locale: show this one, once. */
  message: string;
  /** The field at fault, for `validation_error`s and 400s (`number`, `exp`, `cvc`, `phone_number`, …). */
  param?: string;
  /** The issuer's reason for a `card_declined`: `generic_decline`, `insufficient_funds`, … */
  decline_code?: string;
  /** The code's entry in the error reference (docs/errors.md), for the developer. */
  doc_url?: string;
  /** The payment's state after the failed attempt, when the error is about a payment's outcome. */
  payment_intent?: PaymentIntent;
}

export type PaymentIntentResult =
  | { paymentIntent: PaymentIntent; error?: undefined }
  | { paymentIntent?: undefined; error: SoxaraError };

/** Languages of the frames. `auto` follows the page's `<html lang>`, then the browser's languages. */
export type SoxaraLocale = 'auto' | 'en' | 'fr';

export interface SoxaraOptions {
  locale?: SoxaraLocale;
}

export interface AppearanceVariables {
  colorPrimary?: string;
  colorBackground?: string;
  colorText?: string;
  colorDanger?: string;
  fontFamily?: string;
  fontSizeBase?: string;
  borderRadius?: string;
  spacingUnit?: string;
}

/** Selectors `appearance.rules` may style (docs/soxara-js.md lists them with their properties). */
export type AppearanceRuleSelector =
  | '.Input'
  | '.Input:focus'
  | '.Input--invalid'
  | '.Label'
  | '.Tab'
  | '.Tab:hover'
  | '.Tab--selected'
  | '.Button'
  | '.Button:hover'
  | '.Error'
  | '.Dialog';

/** CSS declarations by property name (`backgroundColor` or `background-color`). */
export type AppearanceRule = Record<string, string>;

export interface Appearance {
  /** `auto` is `stripe` or `night`, following the customer's `prefers-color-scheme`. */
  theme?: 'stripe' | 'night' | 'flat' | 'auto';
  variables?: AppearanceVariables;
  /** Styles for a small allowlist of selectors and properties; anything else is ignored with a console warning. */
  rules?: Partial<Record<AppearanceRuleSelector, AppearanceRule>> & Record<string, AppearanceRule>;
}

export type PaymentMethodType = 'card' | 'momo' | 'soxara_wallet';

export interface ConfirmParams {
  /** Where the customer lands after a redirect (3-D Secure, or success with `redirect: 'always'`). http(s) only. */
  return_url: string;
}

/** The currencies a payment can be in: US and Liberian dollars. */
export type Currency = 'USD' | 'LRD';

interface SoxaraElementsBaseOptions {
  appearance?: Appearance;
  locale?: SoxaraLocale;
  /** When given, an un-prevented `submit` confirms the payment itself: the one-line integration. */
  confirmParams?: ConfirmParams;
  /** Tabs of the form, in order. More than `['card']` switches to the tabbed payment form. */
  paymentMethods?: PaymentMethodType[];
}

/** The form of a payment your server already created. */
export interface SoxaraElementsClientSecretOptions extends SoxaraElementsBaseOptions {
  clientSecret: string;
  mode?: never;
  amount?: never;
  currency?: never;
}

/**
 * The deferred form: mounted before the payment exists (`mode: 'payment'`). Call `elements.submit()`,
 * then create the payment on your server for the same amount and currency, then
 * `confirmPayment({ elements, clientSecret })`. `confirmParams` does not confirm it by itself.
 */
export interface SoxaraElementsDeferredOptions extends SoxaraElementsBaseOptions {
  mode: 'payment';
  /** In minor units (1250 is US$12.50), as the payment's `amount`. The pay button shows it. */
  amount: number;
  currency: Currency;
  clientSecret?: never;
}

export type SoxaraElementsOptions = SoxaraElementsClientSecretOptions | SoxaraElementsDeferredOptions;

export type ElementType = 'card' | 'payment';

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown';

/** State only, never values. */
export interface ElementChangeEvent {
  elementType: ElementType;
  complete: boolean;
  empty: boolean;
  brand: CardBrand;
  error: SoxaraError | null;
  /** The tab the customer picked in the tabbed form. */
  paymentMethod?: PaymentMethodType;
}

export interface ElementEvent {
  elementType: ElementType;
}

export interface ElementLoadErrorEvent extends ElementEvent {
  error: SoxaraError;
}

/** Fired when the customer presses the pay button (or Enter in a field). */
export interface ElementSubmitEvent extends ElementEvent {
  /** Stops the form from confirming itself (when `confirmParams` was given to `elements()`). */
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export interface ElementEventMap {
  ready: ElementEvent;
  change: ElementChangeEvent;
  focus: ElementEvent;
  blur: ElementEvent;
  escape: ElementEvent;
  loaderror: ElementLoadErrorEvent;
  submit: ElementSubmitEvent;
}

export type ElementEventName = keyof ElementEventMap;
export type ElementEventHandler<E extends ElementEventName> = (event: ElementEventMap[E]) => void;

export interface ElementUpdateOptions {
  appearance?: Appearance;
  locale?: SoxaraLocale;
  disabled?: boolean;
  /** A deferred form's amount (minor units) and currency: the pay button follows; what was typed stays. */
  amount?: number;
  currency?: Currency;
}

/** What `elements.submit()` and `elements.fetchUpdates()` resolve to. */
export type ElementsSubmitResult = { error?: undefined } | { error: SoxaraError };

/** What every mountable thing can do: the form itself, and `elements.create('card')`. */
export interface SoxaraMountable<Self> {
  /** Mounts into a container (a CSS selector or an element). Throws `IntegrationError` if it is not found. */
  mount(target: string | HTMLElement): Self;
  /** Removes the iframe; the element can be mounted again. */
  unmount(): Self;
  /** Removes the iframe for good; it cannot be mounted again. */
  destroy(): void;
  /** Live: restyles or relocalises the mounted frame. */
  update(options: ElementUpdateOptions): Self;
  focus(): Self;
  blur(): Self;
  clear(): Self;
  on<E extends ElementEventName>(event: E, handler: ElementEventHandler<E>): Self;
  once<E extends ElementEventName>(event: E, handler: ElementEventHandler<E>): Self;
  off<E extends ElementEventName>(event: E, handler?: ElementEventHandler<E>): Self;
}

/** Card fields without a pay button, for merchants with their own button. */
export interface SoxaraCardElement extends SoxaraMountable<SoxaraCardElement> {
  readonly elementType: 'card';
}

/** The form: card fields (or the tabbed card / MoMo / wallet form) with a pay button showing the amount. */
export interface SoxaraElements extends SoxaraMountable<SoxaraElements> {
  create(type: 'card'): SoxaraCardElement;
  getElement(type: 'card'): SoxaraCardElement | null;
  /**
   * Checks what the customer entered (the card fields, or the MoMo number) and shows what is wrong in
   * the form; nothing is sent to Soxara. A deferred form's `confirmPayment` needs a `{}` from it first,
   * once per confirm. Rejects with an IntegrationError if nothing is mounted.
   */
  submit(): Promise<ElementsSubmitResult>;
  /** Re-reads the payment (after your server changed it with `POST /v1/payments/:id`) and shows its amount. */
  fetchUpdates(): Promise<ElementsSubmitResult>;
}

export interface ConfirmCardIfRequiredData {
  elements: SoxaraElements;
  /** Required for a deferred form (`mode: 'payment'`): the payment your server created after `submit()`. */
  clientSecret?: string;
  confirmParams?: Partial<ConfirmParams>;
  /** Show 3-D Secure in a modal over the page and resolve without leaving it. */
  redirect: 'if_required';
}

export interface ConfirmCardAlwaysData {
  elements: SoxaraElements;
  /** Required for a deferred form (`mode: 'payment'`): the payment your server created after `submit()`. */
  clientSecret?: string;
  confirmParams: ConfirmParams;
  /** Default: the page navigates to the 3-D Secure challenge and back to `return_url`, as Stripe does. */
  redirect?: 'always';
}

export interface ConfirmMomoData {
  clientSecret: string;
  paymentMethod: { type: 'momo'; momo: { provider: MomoProvider; phone_number: string } };
}

export interface ConfirmWalletData {
  clientSecret: string;
  paymentMethod: { type: 'soxara_wallet' };
}

export interface HandleNextActionData {
  clientSecret: string;
}

export interface SoxaraInstance {
  elements(options: SoxaraElementsOptions): SoxaraElements;

  /**
   * Resolves to `{paymentIntent}` or `{error}`; never rejects for a payment outcome, a decline or a
   * network failure. Misuse (no elements, nothing mounted, a bad `return_url`) rejects with an
   * `IntegrationError`. A second call while one is in flight for the same payment starts nothing: it
   * resolves to the first call's result. With `redirect: 'always'` a success or a 3-D Secure challenge
   * navigates the page, so the promise only settles with `{error}`.
   */
  confirmPayment(data: ConfirmCardIfRequiredData): Promise<PaymentIntentResult>;
  confirmPayment(data: ConfirmCardAlwaysData): Promise<never | { paymentIntent?: undefined; error: SoxaraError }>;
  confirmPayment(data: ConfirmMomoData): Promise<PaymentIntentResult>;
  confirmPayment(data: ConfirmWalletData): Promise<PaymentIntentResult>;

  retrievePaymentIntent(clientSecret: string): Promise<PaymentIntentResult>;
  /** Resumes waiting on a payment in `requires_action` (after a reload, or back from the wallet app). */
  handleNextAction(data: HandleNextActionData): Promise<PaymentIntentResult>;
}

export interface SoxaraConstructor {
  (publishableKey: string, options?: SoxaraOptions): SoxaraInstance;
  readonly version: string;
}

/** Thrown (never returned) for programming mistakes: a bad key, a missing container, a bad option. */
export interface IntegrationError extends Error {
  readonly name: 'IntegrationError';
  /** For misuses the frames detect: `elements_not_submitted` (a deferred confirm without `submit()`). */
  readonly code?: 'elements_not_submitted';
}

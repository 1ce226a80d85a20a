/**
 * Every message exchanged between the merchant script and the Soxara frames, as valibot schemas
 * (the runtime check) from which the TypeScript types are inferred (so the two cannot drift).
 *
 * Each line (window handshake, merchant↔controller, merchant↔element, element↔controller,
 * merchant↔modal, modal↔controller) has its own union, told apart by `type`. A receiver parses what
 * arrives with the schema of its line and silently drops anything that does not parse: unknown types,
 * missing or extra-typed fields, oversized strings. Nothing is ever thrown at a sender.
 *
 * Card data appears in exactly one message, `card-collected`, on the element↔controller line, which
 * is a port between two frames of the JS origin and never touches the merchant page.
 */
import * as v from 'valibot';
import { MAX_RETURN_URL_LENGTH } from './api.ts';
import { ERROR_TYPES } from './errors.ts';
import { PROTOCOL, PROTOCOL_VERSION } from './handshake.ts';

const id = v.pipe(v.string(), v.maxLength(100));
const text = v.pipe(v.string(), v.maxLength(2000));
// Every URL a message carries (a return_url, a challenge page, a wallet link) within the API's return_url limit.
const url = v.pipe(v.string(), v.maxLength(MAX_RETURN_URL_LENGTH));
const requestId = v.pipe(v.number(), v.integer(), v.minValue(0));
const amount = v.pipe(v.number(), v.integer(), v.minValue(0));
const currency = v.picklist(['USD', 'LRD']);
const provider = v.picklist(['mtn', 'orange']);

// ---------------------------------------------------------------------------------------------
// The window handshake (see handshake.ts). The only messages that ever travel on `window`.

const envelope = { protocol: v.literal(PROTOCOL), v: v.literal(PROTOCOL_VERSION) };

export const FrameReadyMessage = v.object({
  ...envelope,
  type: v.literal('frame-ready'),
  frameId: id,
});
export type FrameReadyMessage = v.InferOutput<typeof FrameReadyMessage>;

export const ConnectMessage = v.object({
  ...envelope,
  type: v.literal('connect'),
  frameId: id,
});
export type ConnectMessage = v.InferOutput<typeof ConnectMessage>;

// ---------------------------------------------------------------------------------------------
// Shared value shapes.

export const Locale = v.picklist(['en', 'fr']);
export type Locale = v.InferOutput<typeof Locale>;

/**
 * Appearance crosses into the frames, where it becomes CSS: only a closed set of variables, and each
 * value restricted to characters that cannot open `url(`, `@import`, escapes or a new declaration.
 */
export const CssValue = v.pipe(v.string(), v.maxLength(100), v.regex(/^[#(),.%\w\s-]*$/), v.check((s) => !/url|expression|import/i.test(s)));
export const AppearanceVariables = v.object({
  colorPrimary: v.optional(CssValue),
  colorBackground: v.optional(CssValue),
  colorText: v.optional(CssValue),
  colorDanger: v.optional(CssValue),
  fontFamily: v.optional(v.pipe(v.string(), v.maxLength(200), v.regex(/^[\w\s,'"-]*$/))),
  fontSizeBase: v.optional(CssValue),
  borderRadius: v.optional(CssValue),
  spacingUnit: v.optional(CssValue),
});
/**
 * `rules`: selector → property → value. Only the shape and size are checked here (the merchant script
 * stays small); the element frame keeps what its allowlist names and warns once about the rest
 * (apps/frames/src/shared/appearance-rules.ts).
 */
const isRuleMap = (value: unknown, max: number, item: (entry: unknown) => boolean): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length <= max &&
  Object.entries(value).every(([key, entry]) => key.length <= 60 && item(entry));
export const AppearanceRules = v.custom<Record<string, Record<string, string>>>(
  (rules) => isRuleMap(rules, 30, (rule) => isRuleMap(rule, 20, (value) => typeof value === 'string' && value.length <= 200)),
  'rules: { selector: { property: value } }',
);
export const Appearance = v.object({
  /** `auto`: `stripe` or `night`, following the customer's `prefers-color-scheme`. */
  theme: v.optional(v.picklist(['stripe', 'night', 'flat', 'auto'])),
  variables: v.optional(AppearanceVariables),
  rules: v.optional(AppearanceRules),
});
export type Appearance = v.InferOutput<typeof Appearance>;

/** A customer-facing error as the merchant sees it (`change.error`, `{error}` results). */
export const ErrorInfo = v.object({
  type: v.picklist(ERROR_TYPES),
  code: id,
  message: text,
  param: v.optional(id),
  decline_code: v.optional(id),
  /** The code's entry in docs/errors.md, for the developer (`message` is for the customer). */
  doc_url: v.optional(url),
  /** The payment as the publishable key sees it, when the error is about a payment's outcome. */
  payment_intent: v.optional(v.looseObject({ id, status: id })),
});
export type ErrorInfo = v.InferOutput<typeof ErrorInfo>;

/** What every `confirmPayment` / `retrievePaymentIntent` resolves to: never a rejection. */
export const PaymentResult = v.union([
  v.object({ paymentIntent: v.looseObject({ id, status: id, amount, currency }) }),
  v.object({ error: ErrorInfo }),
]);
export type PaymentResult = v.InferOutput<typeof PaymentResult>;

/** What a controller call answers: a payment result, or `done` for `elements.submit()` and `fetchUpdates()` (the merchant gets `{}`). */
export const CallResult = v.union([...PaymentResult.options, v.object({ done: v.literal(true) })]);
export type CallResult = v.InferOutput<typeof CallResult>;

export const CardBrand = v.picklist(['visa', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay', 'unknown']);
export type CardBrand = v.InferOutput<typeof CardBrand>;

/** card-validator's type names as our brands: the card frame and the sandbox name a number's brand alike. */
export const CARD_VALIDATOR_BRANDS: Readonly<Record<string, CardBrand>> = {
  visa: 'visa',
  mastercard: 'mastercard',
  'american-express': 'amex',
  discover: 'discover',
  'diners-club': 'diners',
  jcb: 'jcb',
  unionpay: 'unionpay',
};

// ---------------------------------------------------------------------------------------------
// merchant script → controller frame.

/** The calls the merchant script can make; each answered by one `response` with the same `id`. */
export const ControllerCall = v.variant('method', [
  v.object({ method: v.literal('retrieve-payment'), clientSecret: id }),
  v.object({ method: v.literal('confirm-momo'), clientSecret: id, provider, phoneNumber: v.pipe(v.string(), v.maxLength(40)) }),
  /** The frames tell a phone from a desktop themselves: the merchant script stays small. */
  v.object({ method: v.literal('confirm-wallet'), clientSecret: id }),
  /**
   * `confirmPayment({ elements })`: confirm with the element the merchant mounted. The controller picks
   * the flow from the element it holds (the card fields, or the tab the customer chose in the tabbed form).
   */
  v.object({
    method: v.literal('confirm-element'),
    clientSecret: id,
    elementId: id,
    /** Absent with `redirect: 'if_required'` when the merchant gave none. */
    returnUrl: v.optional(url),
    redirect: v.picklist(['always', 'if_required']),
  }),
  /** Resume waiting on a payment left in `requires_action` (reload, return from the wallet app). */
  v.object({ method: v.literal('handle-next-action'), clientSecret: id }),
  /**
   * `elements.submit()`: the element frame checks what the customer typed (showing field errors there)
   * and the controller remembers that it passed, which a deferred form's confirm requires. No API call.
   */
  v.object({ method: v.literal('submit-element'), elementId: id }),
  /** `elements.fetchUpdates()`: re-read the payment of a client-secret form and show its amount again. */
  v.object({ method: v.literal('fetch-updates'), elementId: id }),
]);
export type ControllerCall = v.InferOutput<typeof ControllerCall>;

export const MerchantToController = v.variant('type', [
  v.object({ type: v.literal('init'), publishableKey: id, locale: Locale }),
  /** Carries (in `ports[0]`) the controller's end of a private line to an element frame. */
  /** Without `clientSecret` for a deferred form (`mode: 'payment'`): its amount comes with `configure`. */
  v.object({ type: v.literal('attach-element'), elementId: id, kind: v.picklist(['card', 'payment']), clientSecret: v.optional(id) }),
  v.object({ type: v.literal('detach-element'), elementId: id }),
  /** Carries (in `ports[0]`) the controller's end of a private line to a modal frame it asked for. */
  v.object({ type: v.literal('attach-modal'), modalId: id }),
  /** The merchant page was shown again (`visibilitychange`, `pageshow`, `focus`): re-check at once. */
  v.object({ type: v.literal('page-visible') }),
  v.object({ type: v.literal('request'), id: requestId, call: ControllerCall }),
]);
export type MerchantToController = v.InferOutput<typeof MerchantToController>;

// controller frame → merchant script.
//
// The three lines the merchant script reads (this one, element → merchant, modal → merchant) are
// `v.union`s of `type`-tagged objects rather than `v.variant`s: the same messages and types, and the
// merchant script, which has a size budget, then carries no copy of valibot's variant code.

export const ModalKind = v.picklist(['three-ds', 'momo', 'wallet']);
export type ModalKind = v.InferOutput<typeof ModalKind>;

export const ControllerToMerchant = v.union([
  v.object({ type: v.literal('ready') }),
  v.object({ type: v.literal('response'), id: requestId, result: CallResult }),
  /**
   * Leave the page for a 3-D Secure challenge. The merchant script validates the URL (http(s) only)
   * before navigating; the controller only ever sends the sandbox/API challenge page.
   */
  v.object({ type: v.literal('redirect'), url }),
  /** Put a modal frame over the page; it will be wired to the controller with `attach-modal`. */
  v.object({ type: v.literal('open-modal'), modalId: id, kind: ModalKind }),
  v.object({ type: v.literal('close-modal'), modalId: id }),
]);
export type ControllerToMerchant = v.InferOutput<typeof ControllerToMerchant>;

// ---------------------------------------------------------------------------------------------
// merchant script ↔ element frame (the card fields, or the tabbed payment form).

export const ElementOptions = v.object({
  locale: Locale,
  appearance: v.optional(Appearance),
  /** Payment methods offered by a `payment` element, in tab order. */
  paymentMethods: v.optional(v.array(v.picklist(['card', 'momo', 'soxara_wallet']))),
  /** Whether the element shows its own pay button (the form) or not (`elements.create('card')`). */
  showPayButton: v.boolean(),
  disabled: v.optional(v.boolean()),
  /** A deferred form's amount and currency (`mode: 'payment'`): the pay button shows them, a confirm checks them. */
  amount: v.optional(v.pipe(amount, v.minValue(1))),
  currency: v.optional(currency),
});
export type ElementOptions = v.InferOutput<typeof ElementOptions>;

export const MerchantToElement = v.variant('type', [
  v.object({ type: v.literal('configure'), options: ElementOptions }),
  v.object({ type: v.literal('focus') }),
  v.object({ type: v.literal('blur') }),
  v.object({ type: v.literal('clear') }),
]);
export type MerchantToElement = v.InferOutput<typeof MerchantToElement>;

/** State only, never values: enough for a merchant to enable a button or show a hint. */
export const ElementChange = v.object({
  complete: v.boolean(),
  empty: v.boolean(),
  brand: CardBrand,
  error: v.nullable(ErrorInfo),
  /** For the tabbed form: the method the customer picked. */
  paymentMethod: v.optional(v.picklist(['card', 'momo', 'soxara_wallet'])),
});
export type ElementChange = v.InferOutput<typeof ElementChange>;

export const ElementToMerchant = v.union([
  v.object({ type: v.literal('ready') }),
  v.object({ type: v.literal('change'), state: ElementChange }),
  v.object({ type: v.literal('focus') }),
  v.object({ type: v.literal('blur') }),
  v.object({ type: v.literal('escape') }),
  /** The customer pressed the pay button or Enter. */
  v.object({ type: v.literal('submit') }),
  /** The frame's content height in CSS pixels, sent on layout changes only (not per keystroke). */
  v.object({ type: v.literal('resize'), height: v.pipe(v.number(), v.minValue(0), v.maxValue(5000)) }),
]);
export type ElementToMerchant = v.InferOutput<typeof ElementToMerchant>;

// ---------------------------------------------------------------------------------------------
// element frame ↔ controller frame (private: both ends on the JS origin).

export const ControllerToElement = v.variant('type', [
  /** Amount and currency for the pay button, once the controller has read the payment. */
  v.object({ type: v.literal('payment-summary'), amount, currency }),
  v.object({ type: v.literal('busy'), busy: v.boolean() }),
  /** Ask for the card; answered by one `card-collected` with the same id. */
  v.object({ type: v.literal('collect-card'), id: requestId }),
  /** Show a payment outcome error in the form (declines), announced to screen readers. */
  v.object({ type: v.literal('show-error'), error: v.nullable(ErrorInfo) }),
  /** A calm line under the form while a confirm waits (the browser is offline); null removes it. */
  v.object({ type: v.literal('notice'), message: v.nullable(text) }),
  /** `elements.submit()`: check the fields of the current method, show their errors; one `validated` answers. */
  v.object({ type: v.literal('validate'), id: requestId }),
]);
export type ControllerToElement = v.InferOutput<typeof ControllerToElement>;

const digits = (min: number, max: number) => v.pipe(v.string(), v.regex(/^\d+$/), v.minLength(min), v.maxLength(max));

export const CollectedCard = v.object({
  number: digits(12, 19),
  expMonth: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
  expYear: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2200)),
  cvc: digits(3, 4),
});
export type CollectedCard = v.InferOutput<typeof CollectedCard>;

export const ElementToController = v.variant('type', [
  v.object({
    type: v.literal('card-collected'),
    id: requestId,
    /** `card` when complete and valid; otherwise `error` (a validation_error with `param`). */
    result: v.union([v.object({ card: CollectedCard }), v.object({ error: ErrorInfo })]),
  }),
  /** The tabbed form's MoMo tab: provider and number typed inside the frame. */
  v.object({ type: v.literal('momo-details'), provider, phoneNumber: v.pipe(v.string(), v.maxLength(40)) }),
  /**
   * The locale and appearance the merchant configured, sent on each `configure`: the modals a confirm
   * of this element opens, and the errors it resolves with, follow them.
   */
  v.object({
    type: v.literal('element-settings'),
    locale: Locale,
    appearance: v.optional(Appearance),
    /** A deferred form's amount and currency, which the payment it confirms must match. */
    amount: v.optional(amount),
    currency: v.optional(currency),
  }),
  /** The answer to `validate`: `ok`, or the first field's error (already shown in the form). */
  v.object({ type: v.literal('validated'), id: requestId, result: v.union([v.object({ ok: v.literal(true) }), v.object({ error: ErrorInfo })]) }),
  /** The tabbed form's selected tab, sent on each switch: `confirm-element` confirms with that method. */
  v.object({ type: v.literal('method-selected'), method: v.picklist(['card', 'momo', 'soxara_wallet']) }),
]);
export type ElementToController = v.InferOutput<typeof ElementToController>;

// ---------------------------------------------------------------------------------------------
// Modal frames (3-D Secure, MoMo prompt, wallet) ↔ merchant script and ↔ controller.

export const ModalToMerchant = v.union([
  v.object({ type: v.literal('ready') }),
]);
export type ModalToMerchant = v.InferOutput<typeof ModalToMerchant>;

export const ModalView = v.variant('kind', [
  v.object({ kind: v.literal('three-ds'), url }),
  v.object({
    kind: v.literal('momo'),
    provider,
    phoneNumberMasked: id,
    amount,
    currency,
    expiresAt: id,
    ussdCode: id,
    /** False when the controller cannot send a new prompt (a resumed wait that never saw the full number). */
    canResend: v.optional(v.boolean()),
  }),
  v.object({
    kind: v.literal('wallet'),
    universalLink: url,
    appLink: url,
    amount,
    currency,
    expiresAt: id,
    device: v.picklist(['mobile', 'desktop']),
  }),
]);
export type ModalView = v.InferOutput<typeof ModalView>;

export const ControllerToModal = v.variant('type', [
  v.object({ type: v.literal('show'), view: ModalView, locale: Locale, appearance: v.optional(Appearance) }),
  /** A short status line for the modal to announce (e.g. "Still waiting…", "Prompt sent again"). */
  v.object({ type: v.literal('status'), message: text }),
]);
export type ControllerToModal = v.InferOutput<typeof ControllerToModal>;

export const ModalToController = v.variant('type', [
  /** The customer gave up (Cancel button, Escape). */
  v.object({ type: v.literal('cancel') }),
  /** The customer asked for a new PIN prompt / a fresh wallet code. */
  v.object({ type: v.literal('resend') }),
]);
export type ModalToController = v.InferOutput<typeof ModalToController>;

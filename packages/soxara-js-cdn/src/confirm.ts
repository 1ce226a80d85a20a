/**
 * `confirmPayment`: turns the merchant's arguments into one controller call. Misuse rejects with an
 * IntegrationError; every outcome (success, decline, network) resolves. For `{ elements }` the call
 * names the mounted element only: which flow confirms it (card, MoMo, wallet) is the controller's to
 * say, from the element it holds. So is a second call while one is in flight (it gets the first's result).
 */
import type { ControllerCall } from '@soxara/protocol';
import { IntegrationError } from './errors.ts';
import { ElementsGroup } from './elements.ts';
import { checkClientSecret } from './options.ts';
import { returnUrlWithOutcome, safeNavigationUrl } from './redirect.ts';
import type { PaymentIntentResult } from '@soxara/soxara-js';

/** Long enough for a customer at a 3-D Secure page or a PIN prompt (the sandbox's default expiry is 5 min). */
export const CUSTOMER_WAIT_MS = 15 * 60_000;

/** The arguments of every confirmPayment overload, as they may arrive from untyped JavaScript. */
export interface ConfirmData {
  elements?: unknown;
  clientSecret?: unknown;
  confirmParams?: { return_url?: unknown };
  redirect?: unknown;
  paymentMethod?: { type?: unknown; momo?: { provider?: unknown; phone_number?: unknown } };
}

export interface ConfirmTarget {
  call: Extract<ControllerCall, { clientSecret: string }>;
  /** Set with `redirect: 'always'`: the page then leaves on success, as with Stripe.js. */
  returnUrl: string | null;
}

/** The id of the element a call of the form names (see ElementsGroup.confirmTarget), or an IntegrationError. */
export function mountedId(group: ElementsGroup, where: string): string {
  const id = group.confirmTarget()?.id;
  if (!id) throw new IntegrationError(`${where}: mount the form (form.mount('#payment-form')) first.`);
  return id;
}

export function confirmTarget(data: ConfirmData, owns: (group: ElementsGroup) => boolean): ConfirmTarget {
  if (typeof data !== 'object' || data === null) throw new IntegrationError('confirmPayment(): pass an object, e.g. { elements, confirmParams: { return_url } }.');
  const { elements, paymentMethod } = data;
  if (elements !== undefined) {
    if (!(elements instanceof ElementsGroup) || !owns(elements)) {
      throw new IntegrationError('confirmPayment(): `elements` must be the value returned by soxara.elements() of this Soxara instance.');
    }
    const elementId = mountedId(elements, 'confirmPayment()');
    const redirect = data.redirect ?? 'always';
    if (redirect !== 'always' && redirect !== 'if_required') throw new IntegrationError('confirmPayment(): `redirect` is "always" or "if_required".');
    const rawReturnUrl = data.confirmParams?.return_url;
    if (rawReturnUrl === undefined && redirect === 'always') {
      throw new IntegrationError('confirmPayment(): confirmParams.return_url is required (or pass redirect: "if_required").');
    }
    if (rawReturnUrl !== undefined && !safeNavigationUrl(rawReturnUrl)) {
      throw new IntegrationError('confirmPayment(): confirmParams.return_url must be an absolute http(s) URL.');
    }
    const returnUrl = rawReturnUrl === undefined ? undefined : String(rawReturnUrl);
    return {
      call: {
        method: 'confirm-element',
        // A deferred form names its payment only now.
        clientSecret: elements.clientSecret ?? checkClientSecret(data.clientSecret, 'confirmPayment()'),
        elementId,
        redirect,
        ...(returnUrl !== undefined && { returnUrl }),
      },
      returnUrl: redirect === 'always' ? (returnUrl ?? null) : null,
    };
  }
  const clientSecret = checkClientSecret(data.clientSecret, 'confirmPayment()');
  switch (paymentMethod?.type) {
    case 'momo': {
      const provider = paymentMethod.momo?.provider;
      const phoneNumber = paymentMethod.momo?.phone_number;
      if (provider !== 'mtn' && provider !== 'orange') throw new IntegrationError('confirmPayment(): paymentMethod.momo.provider is "mtn" or "orange".');
      if (typeof phoneNumber !== 'string') throw new IntegrationError('confirmPayment(): paymentMethod.momo.phone_number must be a string, e.g. "+231881158457".');
      return { call: { method: 'confirm-momo', clientSecret, provider, phoneNumber: phoneNumber.slice(0, 40) }, returnUrl: null };
    }
    case 'soxara_wallet':
      return { call: { method: 'confirm-wallet', clientSecret }, returnUrl: null };
    default:
      throw new IntegrationError('confirmPayment(): pass { elements } for cards, or { clientSecret, paymentMethod: { type: "momo" | "soxara_wallet" } }.');
  }
}

/**
 * With `redirect: 'always'` the page leaves and the promise never settles, as with Stripe.js: on a
 * success for return_url, on `requires_action` because the controller is already navigating to the
 * 3-D Secure challenge.
 */
export function followRedirect(result: PaymentIntentResult, returnUrl: string | null, clientSecret: string): Promise<PaymentIntentResult> | null {
  const payment = result.paymentIntent;
  if (!returnUrl || !payment) return null;
  if (payment.status === 'succeeded') {
    const url = returnUrlWithOutcome(returnUrl, payment.id, clientSecret, 'succeeded');
    if (!url) return null;
    window.location.assign(url);
  } else if (payment.status !== 'requires_action') {
    return null;
  }
  return new Promise(() => {});
}

/**
 * The only places the merchant script navigates the page: a 3-D Secure challenge the controller
 * names, and the merchant's own `return_url`. Both are checked first, because a `javascript:` or
 * `data:` URL handed to `location.assign` would run code on the merchant's origin.
 */

/** The URL if it is an absolute http(s) URL, otherwise null. */
export function safeNavigationUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > 4000) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

/** `return_url` with the three parameters of the contract, as Stripe.js appends them. */
export function returnUrlWithOutcome(returnUrl: string, paymentId: string, clientSecret: string, status: 'succeeded' | 'failed'): string | null {
  const url = safeNavigationUrl(returnUrl);
  if (!url) return null;
  url.searchParams.set('payment_intent', paymentId);
  url.searchParams.set('payment_intent_client_secret', clientSecret);
  url.searchParams.set('redirect_status', status);
  return url.href;
}

export function navigateTo(value: unknown): boolean {
  const url = safeNavigationUrl(value);
  if (!url) return false;
  window.location.assign(url.href);
  return true;
}

/**
 * `@soxara/soxara-js`: `loadSoxara()` and the types of the browser API. Importing this entry starts
 * loading Soxara.js in the background (as stripe-js does), so it is ready by the time the checkout
 * needs it; use `@soxara/soxara-js/pure` to load only when `loadSoxara()` is called.
 */
import { loadScript } from './load-script.ts';

export * from './pure.ts';

// A microtask later, so that a `loadSoxara.setLoadParameters()` in the importing module still applies.
if (typeof window !== 'undefined') {
  Promise.resolve()
    .then(() => loadScript())
    .catch((error: unknown) => {
      // The first loadSoxara() call retries and reports the failure to the merchant's code.
      console.warn(error);
    });
}

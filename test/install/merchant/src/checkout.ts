/**
 * A merchant's checkout page code (bundled for the browser), against the installed
 * `@soxara/soxara-js`: the loader, its SSR-safe result and the browser API's result types. Each
 * `@ts-expect-error` fails the check if the types ever became loose (or `any`) in the package.
 */
import { loadSoxara, SoxaraLoadError, type PaymentIntentResult, type SoxaraError, type SoxaraInstance } from '@soxara/soxara-js';
import { loadSoxara as loadSoxaraOnDemand } from '@soxara/soxara-js/pure';

loadSoxara.setLoadParameters({ scriptUrl: 'http://localhost:4020/v1' });

export async function payByCard(clientSecret: string): Promise<string> {
  let soxara: SoxaraInstance | null;
  try {
    soxara = await loadSoxara('sxm_test_merchant0000');
  } catch (error) {
    return error instanceof SoxaraLoadError ? `load failed: ${error.code}` : 'load failed';
  }
  // @ts-expect-error: null during server-side rendering, so it must be checked first.
  soxara.elements({ clientSecret });
  if (soxara === null) return 'server-side';

  const form = soxara.elements({ clientSecret, locale: 'fr', appearance: { theme: 'night' } });
  form.mount('#payment-form');
  form.on('change', (event) => {
    const complete: boolean = event.complete;
    void complete;
  });
  const result: PaymentIntentResult = await soxara.confirmPayment({ elements: form, redirect: 'if_required' });
  if (result.error) {
    const error: SoxaraError = result.error;
    return error.code;
  }
  return result.paymentIntent.status;
}

export async function payByMomo(clientSecret: string): Promise<string | undefined> {
  const soxara = await loadSoxaraOnDemand('sxm_test_merchant0000');
  if (!soxara) return undefined;
  const result = await soxara.confirmPayment({
    clientSecret,
    paymentMethod: { type: 'momo', momo: { provider: 'mtn', phone_number: '+231881158457' } },
  });
  // @ts-expect-error: the contract's providers are 'mtn' and 'orange'.
  void soxara.confirmPayment({ clientSecret, paymentMethod: { type: 'momo', momo: { provider: 'vodafone', phone_number: '+231881158457' } } });
  return result.error?.type;
}

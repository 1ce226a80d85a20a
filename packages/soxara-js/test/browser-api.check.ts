/**
 * Compile-time checks of the public types (run by `tsc -p .`, as stripe-js does with its type tests):
 * what must compile does, and what must not carries `@ts-expect-error`.
 */
import type { PaymentIntentResult, SoxaraCardElement, SoxaraElements, SoxaraError, SoxaraInstance } from '../src/types.ts';

declare const soxara: SoxaraInstance;
declare const elements: SoxaraElements;

export async function guideCode(): Promise<void> {
  const form = soxara.elements({ clientSecret: 'pi_1_secret_2' });
  form.mount('#payment-form');
  form.on('submit', async (e) => {
    e.preventDefault();
    const result = await soxara.confirmPayment({ elements: form, confirmParams: { return_url: 'https://yoursite.com/order/return' } });
    if (result.error) {
      const code: string = result.error.code;
      void code;
    }
  });
}

export async function ifRequired(): Promise<void> {
  const result: PaymentIntentResult = await soxara.confirmPayment({ elements, redirect: 'if_required' });
  if (result.paymentIntent) {
    const status: 'requires_payment_method' | 'requires_action' | 'succeeded' | 'canceled' = result.paymentIntent.status;
    void status;
    const method: 'card' | 'momo' | 'soxara_wallet' | null = result.paymentIntent.payment_method;
    const last4 = result.paymentIntent.payment_method_details?.type === 'card' ? result.paymentIntent.payment_method_details.card.last4 : null;
    void method;
    void last4;
  } else {
    const error: SoxaraError = result.error;
    void error;
  }
}

export async function momoAndWallet(): Promise<void> {
  await soxara.confirmPayment({ clientSecret: 'pi_1_secret_2', paymentMethod: { type: 'momo', momo: { provider: 'mtn', phone_number: '+231881158457' } } });
  await soxara.confirmPayment({ clientSecret: 'pi_1_secret_2', paymentMethod: { type: 'soxara_wallet' } });
  // @ts-expect-error: provider is mtn or orange
  await soxara.confirmPayment({ clientSecret: 'pi_1_secret_2', paymentMethod: { type: 'momo', momo: { provider: 'vodafone', phone_number: '1' } } });
}

export async function misuse(): Promise<void> {
  // @ts-expect-error: the default redirect ('always') needs return_url
  await soxara.confirmPayment({ elements });
  // @ts-expect-error: redirect is 'always' or 'if_required'
  await soxara.confirmPayment({ elements, redirect: 'never' });
  // @ts-expect-error: elements() needs a client secret
  soxara.elements({});
  // @ts-expect-error: only 'card' can be created
  elements.create('payment');
}

export function events(card: SoxaraCardElement): void {
  card.on('change', (event) => {
    const fields: [boolean, boolean, string] = [event.complete, event.empty, event.brand];
    // @ts-expect-error: change never carries values
    void event.value;
    void fields;
  });
  card.on('loaderror', (event) => void event.error.type);
  // @ts-expect-error: unknown event
  card.on('keystroke', () => {});
}

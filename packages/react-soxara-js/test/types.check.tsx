/**
 * Type tests, checked by `tsc -p .` (pnpm typecheck): what the bindings' public types accept and
 * refuse. Each `@ts-expect-error` fails the build if the line below it ever starts compiling.
 */
import { useRef } from 'react';
import { loadSoxara, type ElementChangeEvent, type ElementSubmitEvent, type PaymentIntentResult, type SoxaraElements, type SoxaraInstance } from '@soxara/soxara-js';
import { CardElement, Elements, PaymentElement, useElements, useSoxara, type ElementsOptions, type SoxaraElementHandle } from '../src/index.ts';

declare function expectType<T>(value: T): void;

const soxaraPromise = loadSoxara('sxm_test_abcdefgh');

export function Checkout({ clientSecret }: { clientSecret: string }) {
  const options: ElementsOptions = { clientSecret, appearance: { theme: 'night' }, locale: 'fr', paymentMethods: ['card', 'momo', 'soxara_wallet'] };
  return (
    <>
      <Elements soxara={soxaraPromise} options={options}>
        <PayForm />
      </Elements>
      <Elements soxara={null} options={{ clientSecret }} />
      {/* @ts-expect-error: the options need the payment's client secret. */}
      <Elements soxara={soxaraPromise} options={{ appearance: { theme: 'night' } }} />
      {/* @ts-expect-error: the publishable key is loadSoxara()'s, not a prop. */}
      <Elements soxara="sxm_test_abcdefgh" options={{ clientSecret }} />
      {/* @ts-expect-error: locale is a closed set. */}
      <Elements soxara={soxaraPromise} options={{ clientSecret, locale: 'de' }} />
    </>
  );
}

function PayForm() {
  const soxara = useSoxara();
  const elements = useElements();
  const payment = useRef<SoxaraElementHandle>(null);
  expectType<SoxaraInstance | null>(soxara);
  expectType<SoxaraElements | null>(elements);

  const pay = async (event: ElementSubmitEvent) => {
    event.preventDefault();
    if (!soxara || !elements) return;
    const result = await soxara.confirmPayment({ elements, redirect: 'if_required' });
    expectType<PaymentIntentResult>(result);
    // @ts-expect-error: confirmPayment() needs the form, not the handle of the ref.
    void soxara.confirmPayment({ elements: payment.current, redirect: 'if_required' });
  };

  return (
    <>
      <PaymentElement
        ref={payment}
        id="payment"
        onChange={(event) => expectType<ElementChangeEvent>(event)}
        onSubmit={pay}
        onLoadError={(event) => expectType<string>(event.error.code)}
        onReady={() => payment.current?.focus()}
      />
      <CardElement onBlur={() => payment.current?.clear()} />
      {/* @ts-expect-error: change events carry state, never the card number. */}
      <CardElement onChange={(event) => event.value} />
      {/* @ts-expect-error: no such event. */}
      <PaymentElement onPaid={() => {}} />
      {/* @ts-expect-error: the form's options are <Elements>'s, not the element's. */}
      <PaymentElement options={{ clientSecret: 'pi_1_secret_2' }} />
    </>
  );
}

/**
 * Type tests, checked by `tsc -p .` (pnpm typecheck): what the public types accept and refuse. Each
 * `@ts-expect-error` fails the build if the line below it ever starts compiling.
 */
import { loadSoxara, SoxaraLoadError } from '../src/index.ts';
import type { PaymentIntentResult, SoxaraElements, SoxaraError, SoxaraInstance, SoxaraLoadErrorCode } from '../src/index.ts';

declare function expectType<T>(value: T): void;

export async function typeTests(): Promise<void> {
  const soxara = await loadSoxara('sxm_test_abcdefgh', { locale: 'fr' });
  // @ts-expect-error: null on the server; it must be checked before use.
  soxara.elements({ clientSecret: 'pi_1_secret_2' });
  if (!soxara) return;
  expectType<SoxaraInstance>(soxara);

  // @ts-expect-error: locale is a closed set.
  void loadSoxara('sxm_test_abcdefgh', { locale: 'de' });
  // @ts-expect-error: the key is required.
  void loadSoxara();

  const form = soxara.elements({ clientSecret: 'pi_1_secret_2', appearance: { variables: { colorPrimary: '#5a3a1b' } } });
  expectType<SoxaraElements>(form.mount('#payment-form'));
  // @ts-expect-error: elements() needs the client secret.
  soxara.elements({});

  form.on('change', (event) => {
    expectType<boolean>(event.complete);
    // @ts-expect-error: change events carry state, never the card number.
    void event.value;
  });
  form.on('submit', (event) => event.preventDefault());
  // @ts-expect-error: no such event.
  form.on('paid', () => {});

  // The guide's card call: with redirect 'always' (the default) the promise settles only with an error.
  const card = await soxara.confirmPayment({ elements: form, confirmParams: { return_url: 'https://shop.example/return' } });
  expectType<SoxaraError>(card.error);
  // @ts-expect-error: the default redirect needs a return_url.
  void soxara.confirmPayment({ elements: form });

  const inline = await soxara.confirmPayment({ elements: form, redirect: 'if_required' });
  expectType<PaymentIntentResult>(inline);
  if (inline.error) expectType<string>(inline.error.code);
  else expectType<string>(inline.paymentIntent.id);

  const momo = await soxara.confirmPayment({
    clientSecret: 'pi_1_secret_2',
    paymentMethod: { type: 'momo', momo: { provider: 'mtn', phone_number: '+231881158457' } },
  });
  expectType<PaymentIntentResult>(momo);
  void soxara.confirmPayment({
    clientSecret: 'pi_1_secret_2',
    // @ts-expect-error: only MTN and Orange.
    paymentMethod: { type: 'momo', momo: { provider: 'lonestar', phone_number: '+231881158457' } },
  });
  // @ts-expect-error: MoMo needs the phone number.
  void soxara.confirmPayment({ clientSecret: 'pi_1_secret_2', paymentMethod: { type: 'momo', momo: { provider: 'mtn' } } });

  expectType<PaymentIntentResult>(await soxara.confirmPayment({ clientSecret: 'pi_1_secret_2', paymentMethod: { type: 'soxara_wallet' } }));
  // @ts-expect-error: no such payment method.
  void soxara.confirmPayment({ clientSecret: 'pi_1_secret_2', paymentMethod: { type: 'bitcoin' } });

  // The deferred form: no client secret until confirm.
  const deferred = soxara.elements({ mode: 'payment', amount: 1250, currency: 'USD', paymentMethods: ['card', 'momo'] });
  const submitted = await deferred.submit();
  if (submitted.error) expectType<string>(submitted.error.code);
  deferred.update({ amount: 2000, currency: 'LRD' });
  expectType<PaymentIntentResult>(await soxara.confirmPayment({ elements: deferred, clientSecret: 'pi_1_secret_2', redirect: 'if_required' }));
  expectType<{ error?: SoxaraError }>(await form.fetchUpdates());
  // @ts-expect-error: a deferred form has no client secret.
  soxara.elements({ mode: 'payment', amount: 1250, currency: 'USD', clientSecret: 'pi_1_secret_2' });
  // @ts-expect-error: and needs its amount.
  soxara.elements({ mode: 'payment', currency: 'USD' });
  // @ts-expect-error: USD or LRD.
  soxara.elements({ mode: 'payment', amount: 1250, currency: 'EUR' });

  loadSoxara.setLoadParameters({ scriptUrl: 'http://localhost:4020/v1' });
  // @ts-expect-error: unknown load parameter.
  loadSoxara.setLoadParameters({ advancedFraudSignals: false });

  // A pinned build (SRI): the versioned URL and its sha384, as /v1/integrity.json gives them.
  loadSoxara.setLoadParameters({ scriptUrl: 'https://js.soxara.com/v1/soxara.0123456789abcdef.js', integrity: 'sha384-abc' });
  // @ts-expect-error: an integrity is the hash of one build; it needs that build's URL.
  loadSoxara.setLoadParameters({ integrity: 'sha384-abc' });
  // @ts-expect-error: only sha384, the algorithm of the manifest.
  loadSoxara.setLoadParameters({ scriptUrl: 'https://js.soxara.com/v1/soxara.0123456789abcdef.js', integrity: 'sha256-abc' });

  const failure: unknown = await loadSoxara('sxm_test_abcdefgh').catch((error: unknown) => error);
  if (failure instanceof SoxaraLoadError) {
    expectType<SoxaraLoadErrorCode>(failure.code);
    expectType<string>(failure.scriptUrl);
    // @ts-expect-error: the codes are a closed set.
    if (failure.code === 'timeout') return;
  }
}

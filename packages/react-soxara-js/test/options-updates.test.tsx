/**
 * Options that change after the form exists: `appearance` and `locale` go to `elements.update()`,
 * once per real change (an inline object with the same content is no change); the client secret
 * cannot change, which is warned about once, in development, and changes nothing.
 */
import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Elements, PaymentElement, type ElementsOptions } from '../src/index.ts';
import { fakeSoxara } from './fake-soxara.ts';

const SECRET = 'pi_1_secret_2';
const settle = () => act(async () => {});

function Checkout({ soxara, options }: { soxara: ReturnType<typeof fakeSoxara>; options: ElementsOptions }) {
  return (
    <Elements soxara={soxara.instance} options={options}>
      <PaymentElement />
    </Elements>
  );
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('<Elements options> changing after mount', () => {
  it('appearance and locale: update() with what changed, once per change', async () => {
    const soxara = fakeSoxara();
    const night = { theme: 'night' as const, variables: { colorPrimary: '#5a3a1b' } };
    const { rerender } = render(<Checkout soxara={soxara} options={{ clientSecret: SECRET, appearance: night }} />);
    await settle();
    // A new object with the same content, as an inline `options={{…}}` gives on every render.
    rerender(<Checkout soxara={soxara} options={{ clientSecret: SECRET, appearance: { theme: 'night', variables: { colorPrimary: '#5a3a1b' } } }} />);
    rerender(<Checkout soxara={soxara} options={{ clientSecret: SECRET, appearance: { theme: 'flat' } }} />);
    rerender(<Checkout soxara={soxara} options={{ clientSecret: SECRET, appearance: { theme: 'flat' }, locale: 'fr' }} />);
    await settle();
    expect(soxara.form().updates).toEqual([{ appearance: { theme: 'flat' } }, { locale: 'fr' }]);
    expect(soxara.forms).toHaveLength(1);
  });

  it('the deferred form (mode: "payment"): its options reach elements(), amount and currency changes go to update()', async () => {
    const soxara = fakeSoxara();
    const { rerender } = render(<Checkout soxara={soxara} options={{ mode: 'payment', amount: 1250, currency: 'USD' }} />);
    await settle();
    rerender(<Checkout soxara={soxara} options={{ mode: 'payment', amount: 2000, currency: 'USD' }} />);
    rerender(<Checkout soxara={soxara} options={{ mode: 'payment', amount: 2000, currency: 'LRD' }} />);
    await settle();
    expect(soxara.forms).toHaveLength(1);
    expect(soxara.form().options).toEqual({ mode: 'payment', amount: 1250, currency: 'USD' });
    expect(soxara.form().updates).toEqual([{ amount: 2000 }, { currency: 'LRD' }]);
  });

  it('clientSecret: warns once in development, no update, no new form, the mounted form stays', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const soxara = fakeSoxara();
    const { rerender } = render(<Checkout soxara={soxara} options={{ clientSecret: SECRET }} />);
    await settle();
    rerender(<Checkout soxara={soxara} options={{ clientSecret: 'pi_3_secret_4' }} />);
    rerender(<Checkout soxara={soxara} options={{ clientSecret: 'pi_5_secret_6' }} />);
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/options\.clientSecret cannot change once the form is made.*new `key`/);
    expect(soxara.forms).toHaveLength(1);
    expect(soxara.form().updates).toEqual([]);
    expect(soxara.form().calls).toEqual(['mount']);
  });

  it('clientSecret in production: no warning', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const soxara = fakeSoxara();
    const { rerender } = render(<Checkout soxara={soxara} options={{ clientSecret: SECRET }} />);
    await settle();
    rerender(<Checkout soxara={soxara} options={{ clientSecret: 'pi_3_secret_4' }} />);
    await settle();
    expect(warn).not.toHaveBeenCalled();
  });

  it('a new key on <Elements>: a new form for the new payment, the old one unmounted', async () => {
    const soxara = fakeSoxara();
    const { rerender } = render(<Elements key="pi_1" soxara={soxara.instance} options={{ clientSecret: SECRET }}><PaymentElement /></Elements>);
    await settle();
    rerender(<Elements key="pi_3" soxara={soxara.instance} options={{ clientSecret: 'pi_3_secret_4' }}><PaymentElement /></Elements>);
    await settle();
    expect(soxara.forms.map((form) => [form.options.clientSecret, form.isMounted])).toEqual([[SECRET, false], ['pi_3_secret_4', true]]);
  });

  it('deferred intent (coming with Soxara.js): a new amount goes to update()', async () => {
    const soxara = fakeSoxara();
    // The shape `elements({ mode, amount, currency })` will take; today's browser types have only clientSecret.
    const deferredIntent = (amount: number) => ({ mode: 'payment', amount, currency: 'USD' }) as unknown as ElementsOptions;
    const { rerender } = render(<Checkout soxara={soxara} options={deferredIntent(1250)} />);
    await settle();
    rerender(<Checkout soxara={soxara} options={deferredIntent(2500)} />);
    await settle();
    expect(soxara.form().updates).toEqual([{ amount: 2500 }]);
  });

  it('an instance whose form has no update(): keeps the form as made, never throws', async () => {
    const soxara = fakeSoxara({ withoutUpdate: true });
    const { rerender } = render(<Checkout soxara={soxara} options={{ clientSecret: SECRET }} />);
    await settle();
    rerender(<Checkout soxara={soxara} options={{ clientSecret: SECRET, locale: 'fr' }} />);
    await settle();
    expect(soxara.form().isMounted).toBe(true);
  });

  it('options changed while Soxara.js loads: the form is made with the latest', async () => {
    const soxara = fakeSoxara();
    let resolve!: (value: typeof soxara.instance) => void;
    const loading = new Promise<typeof soxara.instance>((res) => (resolve = res));
    const { rerender } = render(<Elements soxara={loading} options={{ clientSecret: SECRET }}><PaymentElement /></Elements>);
    rerender(<Elements soxara={loading} options={{ clientSecret: SECRET, locale: 'fr' }}><PaymentElement /></Elements>);
    await act(async () => resolve(soxara.instance));
    expect(soxara.form().options).toEqual({ clientSecret: SECRET, locale: 'fr' });
    expect(soxara.form().updates).toEqual([]);
  });
});

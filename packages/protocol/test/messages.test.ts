import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ConnectMessage,
  ControllerToElement,
  ControllerToMerchant,
  ControllerToModal,
  ElementToController,
  ElementToMerchant,
  FrameReadyMessage,
  MAX_RETURN_URL_LENGTH,
  MerchantToController,
  MerchantToElement,
  ModalToController,
  ModalToMerchant,
  Appearance,
} from '../src/index.ts';

const lines = {
  FrameReadyMessage,
  ConnectMessage,
  MerchantToController,
  ControllerToMerchant,
  MerchantToElement,
  ElementToMerchant,
  ControllerToElement,
  ElementToController,
  ModalToMerchant,
  ControllerToModal,
  ModalToController,
} as const;

/** Hostile values: prototype keys, look-alike envelopes, huge strings, deep nesting. */
const hostile = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.record({ protocol: fc.constantFrom('soxara', 'Soxara', 'soxara ', ''), v: fc.constantFrom(1, '1', 2, 0), type: fc.string(), frameId: fc.string() }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "type": "ready"}')),
  fc.constant({ type: 'request', id: 1, call: { method: 'confirm-element', clientSecret: 'x'.repeat(10_000), elementId: 'e', redirect: 'always' } }),
);

describe('frame messages', () => {
  for (const [name, schema] of Object.entries(lines)) {
    it(`${name}: any value parses or is rejected, never throws, never pollutes`, () => {
      fc.assert(
        fc.property(hostile, (value) => {
          const result = v.safeParse(schema, value);
          expect(typeof result.success).toBe('boolean');
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: 500 },
      );
    });
  }

  it('accepts the messages the sides really send', () => {
    expect(v.is(FrameReadyMessage, { protocol: 'soxara', v: 1, type: 'frame-ready', frameId: 'abcdefgh12' })).toBe(true);
    expect(v.is(ElementToMerchant, { type: 'change', state: { complete: false, empty: true, brand: 'unknown', error: null } })).toBe(true);
    expect(
      v.is(MerchantToController, {
        type: 'request',
        id: 3,
        call: { method: 'confirm-element', clientSecret: 'pi_1_secret_2', elementId: 'el1', redirect: 'if_required' },
      }),
    ).toBe(true);
  });

  it('carries a return_url up to the API\'s limit, and not a character more', () => {
    const call = (returnUrl: string) => ({
      type: 'request',
      id: 4,
      call: { method: 'confirm-element', clientSecret: 'pi_1_secret_2', elementId: 'el1', redirect: 'always', returnUrl },
    });
    const longest = `https://shop.test/return?order=${'7'.repeat(MAX_RETURN_URL_LENGTH - 31)}`;
    expect(longest).toHaveLength(MAX_RETURN_URL_LENGTH);
    expect(v.is(MerchantToController, call(longest))).toBe(true);
    expect(v.is(MerchantToController, call(`${longest}7`))).toBe(false);
  });

  it('tells messages apart by type, not by which keys are present', () => {
    expect(v.is(ElementToMerchant, { type: 'resize' })).toBe(false);
    expect(v.is(ElementToMerchant, { height: 10 })).toBe(false);
    expect(v.is(ElementToMerchant, { type: 'submit', height: 10 })).toBe(true);
  });

  it('rejects the wrong protocol version or name', () => {
    expect(v.is(ConnectMessage, { protocol: 'soxara', v: 2, type: 'connect', frameId: 'abcdefgh12' })).toBe(false);
    expect(v.is(ConnectMessage, { protocol: 'Soxara', v: 1, type: 'connect', frameId: 'abcdefgh12' })).toBe(false);
  });

  it('never lets a card number travel towards the merchant page', () => {
    const parsed = v.safeParse(ElementToMerchant, {
      type: 'change',
      state: { complete: true, empty: false, brand: 'visa', error: null, value: '4242424242424242' },
    });
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(parsed.output)).not.toContain('4242');
  });

  it('keeps appearance values from opening CSS escapes, urls or imports', () => {
    const bad = ['url(https://evil)', 'red;background:url(x)', '@import x', 'expression(alert(1))', '\\75rl(x)', 'red}body{'];
    for (const value of bad) expect(v.is(Appearance, { variables: { colorPrimary: value } }), value).toBe(false);
    expect(v.is(Appearance, { theme: 'night', variables: { colorPrimary: '#0570de', borderRadius: '4px', fontFamily: 'Inter, sans-serif' } })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { returnUrlWithOutcome, safeNavigationUrl } from '../src/redirect.ts';

describe('safeNavigationUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(safeNavigationUrl('https://shop.example/return?x=1')?.href).toBe('https://shop.example/return?x=1');
    expect(safeNavigationUrl('http://localhost:4130/return')).not.toBeNull();
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x', '/relative', 'blob:https://x/1', '', 42, null]) {
      expect(safeNavigationUrl(bad)).toBeNull();
    }
  });

  it('never lets a non-http(s) scheme through, whatever the string', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const url = safeNavigationUrl(value);
        if (url) expect(['http:', 'https:']).toContain(url.protocol);
      }),
    );
  });
});

describe('returnUrlWithOutcome', () => {
  it('appends the three contract parameters, keeping the merchant\'s own', () => {
    const url = new URL(returnUrlWithOutcome('https://shop.example/order/return?order=7', 'pi_1', 'pi_1_secret_2', 'succeeded')!);
    expect(Object.fromEntries(url.searchParams)).toEqual({ order: '7', payment_intent: 'pi_1', payment_intent_client_secret: 'pi_1_secret_2', redirect_status: 'succeeded' });
  });
});

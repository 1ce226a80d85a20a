import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SoxaraSignatureVerificationError } from './errors.ts';
import { constructEvent, generateTestHeaderString, signPayload, verifyHeader } from './webhooks.ts';

const secret = 'whsec_test_0123456789abcdef';
const now = 1_780_000_000;
const body = JSON.stringify({
  id: 'evt_3TZAbCdEfGhIjKl',
  object: 'event',
  type: 'payment.succeeded',
  livemode: false,
  created_at: '2026-05-23T14:05:33Z',
  data: { object: { id: 'pi_3TZ1MnOpQrStUvWx', amount: 1250 } },
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SoxaraSignatureVerificationError);
    return (error as SoxaraSignatureVerificationError).code;
  }
  throw new Error('expected a SoxaraSignatureVerificationError');
}

describe('constructEvent', () => {
  it('accepts a good signature and returns the event', () => {
    const header = generateTestHeaderString({ payload: body, secret, timestamp: now });
    const event = constructEvent(body, header, secret, { now });
    expect(event.type).toBe('payment.succeeded');
    expect(event.id).toBe('evt_3TZAbCdEfGhIjKl');
  });

  it('accepts a Buffer body with the same bytes', () => {
    const header = generateTestHeaderString({ payload: body, secret, timestamp: now });
    expect(constructEvent(Buffer.from(body), header, secret, { now }).id).toBe('evt_3TZAbCdEfGhIjKl');
  });

  it('signs "<t>.<body>" with HMAC-SHA256 in hex', () => {
    // Fixed vector so that a change of the signed content is caught by a test, not by merchants.
    expect(signPayload('whsec_x', 1, 'a')).toBe('f0e1194b7a72448c824765da5ced152ab3127bad6bb1403a8bac718131e3fad6');
  });

  it('rejects a tampered body', () => {
    const header = generateTestHeaderString({ payload: body, secret, timestamp: now });
    expect(codeOf(() => constructEvent(body.replace('1250', '1251'), header, secret, { now }))).toBe('signature_mismatch');
    expect(codeOf(() => constructEvent(`${body} `, header, secret, { now }))).toBe('signature_mismatch');
  });

  it('rejects the wrong secret', () => {
    const header = generateTestHeaderString({ payload: body, secret: 'whsec_other', timestamp: now });
    expect(codeOf(() => constructEvent(body, header, secret, { now }))).toBe('signature_mismatch');
  });

  it('rejects a stale timestamp and accepts one at the edge of the tolerance', () => {
    const header = generateTestHeaderString({ payload: body, secret, timestamp: now - 301 });
    expect(codeOf(() => constructEvent(body, header, secret, { now }))).toBe('timestamp_outside_tolerance');
    const edge = generateTestHeaderString({ payload: body, secret, timestamp: now - 300 });
    expect(constructEvent(body, edge, secret, { now }).id).toBe('evt_3TZAbCdEfGhIjKl');
  });

  it('rejects a timestamp too far in the future', () => {
    const header = generateTestHeaderString({ payload: body, secret, timestamp: now + 301 });
    expect(codeOf(() => constructEvent(body, header, secret, { now }))).toBe('timestamp_outside_tolerance');
  });

  it('honours a custom tolerance and refuses 0', () => {
    const header = generateTestHeaderString({ payload: body, secret, timestamp: now - 20 });
    expect(codeOf(() => constructEvent(body, header, secret, { now, tolerance: 10 }))).toBe('timestamp_outside_tolerance');
    expect(() => constructEvent(body, header, secret, { now, tolerance: 0 })).toThrow(RangeError);
  });

  it('ignores v0 signatures, even a valid-looking one', () => {
    const sig = signPayload(secret, now, body);
    expect(codeOf(() => constructEvent(body, `t=${now},v0=${sig}`, secret, { now }))).toBe('no_signatures');
  });

  it('accepts any of several v1 signatures (secret roll)', () => {
    const oldSig = signPayload('whsec_old', now, body);
    const newSig = signPayload(secret, now, body);
    expect(constructEvent(body, `t=${now},v1=${oldSig},v1=${newSig}`, secret, { now }).id).toBeTruthy();
    expect(constructEvent(body, `t=${now},v1=${newSig},v1=${oldSig},v0=${oldSig}`, secret, { now }).id).toBeTruthy();
    expect(codeOf(() => constructEvent(body, `t=${now},v1=${oldSig},v1=${oldSig}`, secret, { now }))).toBe('signature_mismatch');
  });

  it('rejects garbage, missing and ambiguous headers', () => {
    const sig = signPayload(secret, now, body);
    expect(codeOf(() => constructEvent(body, '', secret, { now }))).toBe('missing_header');
    expect(codeOf(() => constructEvent(body, undefined, secret, { now }))).toBe('missing_header');
    expect(codeOf(() => constructEvent(body, 'garbage', secret, { now }))).toBe('malformed_header');
    expect(codeOf(() => constructEvent(body, `v1=${sig}`, secret, { now }))).toBe('malformed_header');
    expect(codeOf(() => constructEvent(body, `t=abc,v1=${sig}`, secret, { now }))).toBe('malformed_header');
    expect(codeOf(() => constructEvent(body, `t=${now},t=${now},v1=${sig}`, secret, { now }))).toBe('malformed_header');
    expect(codeOf(() => constructEvent(body, `t=${now},v1=zz`, secret, { now }))).toBe('signature_mismatch');
    expect(codeOf(() => constructEvent(body, `t=${now},v1=${sig.slice(0, 62)}`, secret, { now }))).toBe('signature_mismatch');
  });

  it('refuses a parsed object in place of the raw body', () => {
    const header = generateTestHeaderString({ payload: body, secret, timestamp: now });
    expect(codeOf(() => verifyHeader(JSON.parse(body) as string, header, secret, { now }))).toBe('invalid_payload');
  });
});

describe('signature properties', () => {
  it('sign → verify round-trips for any body, secret and timestamp', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 99_999_999_999 }), (payload, key, t) => {
        const header = generateTestHeaderString({ payload, secret: key, timestamp: t });
        expect(() => verifyHeader(payload, header, key, { now: t })).not.toThrow();
      }),
    );
  });

  it('any single-byte change of the body fails verification', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, position, delta) => {
          const original = Buffer.from(bytes);
          const header = generateTestHeaderString({ payload: original, secret, timestamp: now });
          const changed = Buffer.from(original);
          const index = position % changed.length;
          changed[index] = ((changed[index] ?? 0) + delta) % 256;
          expect(codeOf(() => verifyHeader(changed, header, secret, { now }))).toBe('signature_mismatch');
        },
      ),
    );
  });
});

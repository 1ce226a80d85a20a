import { describe, expect, it } from 'vitest';
import { MOMO, createPayment, startTestSandbox } from './helpers.ts';

describe('restart', () => {
  it('a MoMo payment pending when the sandbox stops completes after it restarts on the same data dir', async () => {
    const first = await startTestSandbox({ momoDelayMs: 1000, momoExpiryMs: 1000 });
    const p = await createPayment(first);
    const confirm = await first.api('POST', `/v1/payments/${p.id}/confirm`, { body: { payment_method: MOMO('0881158457') } });
    expect(confirm.json.data.status).toBe('requires_action');
    await first.close({ keepData: true });
    // Past the outcome's (and the expiry's) due time while the sandbox is down: the answer must still win.
    await new Promise((r) => setTimeout(r, 1100));

    const second = await startTestSandbox({ dataDir: first.dataDir, momoDelayMs: 1000, momoExpiryMs: 1000 });
    try {
      expect(second.sk).toBe(first.sk);
      const res = await second.api('GET', `/v1/payments/${p.id}?wait=5&if_status=requires_action`);
      expect(res.json.data.status).toBe('succeeded');
      expect(second.events.some((e) => e.type === 'payment.succeeded' && e.object['id'] === p.id)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('keeps keys from the environment for the default account', async () => {
    const t = await startTestSandbox({
      defaultKeys: { publishableKey: 'sxm_test_FromEnvPublishable1', secretKey: 'sxs_test_FromEnvSecret12345' },
    });
    try {
      expect(t.sk).toBe('sxs_test_FromEnvSecret12345');
      expect((await createPayment(t)).id).toMatch(/^pi_/);
    } finally {
      await t.close();
    }
  });
});

describe('shutdown', () => {
  it('closes promptly while a long poll is waiting, and the poll gets an answer', async () => {
    const t = await startTestSandbox();
    const p = await createPayment(t);
    const poll = t.api('GET', `/v1/payments/${p.id}?wait=30&if_status=requires_payment_method`);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await t.close();
    const res = await poll;
    expect(res.json.data.status).toBe('requires_payment_method');
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('configFromEnv', () => {
  it('reads the environment and refuses keys of the wrong kind or mode', async () => {
    const { configFromEnv } = await import('../src/config.ts');
    const config = configFromEnv({ SOXARA_API_PORT: '4999', SOXARA_MOMO_DELAY_MS: '10', SOXARA_API_URL: 'https://api.test' });
    expect(config).toMatchObject({ port: 4999, momoDelayMs: 10, publicUrl: 'https://api.test', host: '127.0.0.1' });
    expect(() => configFromEnv({ SOXARA_SECRET_KEY: 'sxm_test_abcdefghij' })).toThrow(/secret test key/);
    expect(() => configFromEnv({ SOXARA_SECRET_KEY: 'sxs_live_abcdefghij' })).toThrow(/secret test key/);
    expect(() => configFromEnv({ SOXARA_API_PORT: 'abc' })).toThrow(/SOXARA_API_PORT/);
  });
});

/**
 * `soxara payments approve|decline`: the customer's answer to a pending MoMo prompt, from the terminal,
 * moves the payment (and only a payment that waits for one).
 */
import { rmSync } from 'node:fs';
import { Soxara } from '@soxara/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_TIMEOUT_MS, projectFolder, runCli, startDev, type DevSandbox } from '../support/cli-process.ts';

let cwd: string;
let dev: DevSandbox;
let soxara: Soxara;

beforeAll(async () => {
  cwd = projectFolder();
  // The sandbox's own MoMo outcome comes far later than the test's answer: the CLI decides.
  dev = await startDev({ cwd, env: { SOXARA_MOMO_DELAY_MS: '600000', SOXARA_MOMO_EXPIRY_MS: '600000' } });
  soxara = new Soxara(dev.secretKey, { baseUrl: dev.apiUrl });
}, PROCESS_TIMEOUT_MS);

afterAll(async () => {
  await dev?.cli.interrupt();
  rmSync(cwd, { recursive: true, force: true });
}, PROCESS_TIMEOUT_MS);

/** A MoMo payment waiting for the customer's PIN. */
async function pendingMomoPayment(): Promise<string> {
  const payment = await soxara.payments.create({ amount: 25_000, currency: 'LRD' });
  const confirmed = await soxara.payments.confirm(payment.id, {
    payment_method: { type: 'momo', momo: { provider: 'mtn', phone_number: '+231881234567' } },
  });
  expect(confirmed.status).toBe('requires_action');
  return payment.id;
}

describe('soxara payments', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it('approve: the pending MoMo payment succeeds', async () => {
    const id = await pendingMomoPayment();
    const run = await runCli(['payments', 'approve', id], { cwd });
    expect(run).toEqual({ code: 0, stdout: `${id}  succeeded\n`, stderr: '' });
    expect((await soxara.payments.retrieve(id)).status).toBe('succeeded');
  });

  it('decline: the payment goes back to requires_payment_method with the reason', async () => {
    const id = await pendingMomoPayment();
    const run = await runCli(['payments', 'decline', id], { cwd });
    const payment = await soxara.payments.retrieve(id);
    expect(payment.status).toBe('requires_payment_method');
    expect(payment.last_payment_error?.code).toEqual(expect.any(String));
    expect(run).toEqual({ code: 0, stdout: `${id}  requires_payment_method  ${payment.last_payment_error!.code}\n`, stderr: '' });
  });

  it('a payment with nothing to answer is the sandbox refusing: exit 1, one line, nothing changed', async () => {
    const { id } = await soxara.payments.create({ amount: 500, currency: 'USD' });
    const run = await runCli(['payments', 'approve', id], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^soxara payments: .*\(payment_no_pending_action\)\n$/);
    expect((await soxara.payments.retrieve(id)).status).toBe('requires_payment_method');

    const unknown = await runCli(['payments', 'decline', 'pi_doesNotExist'], { cwd });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^soxara payments: .*\(resource_missing\)\n$/);
  });
});

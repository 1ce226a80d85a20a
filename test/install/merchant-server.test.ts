/**
 * The merchant's own code, compiled by the merchant's tsc and run by plain Node in their project:
 * a CommonJS script that requires `@soxara/node`, and a server that takes a payment against a running
 * Soxara sandbox and verifies the webhook that follows.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedWorkspace } from './support/installed.ts';
import { startNodeProcess, type NodeProcess } from './support/node-process.ts';
import { run } from './support/run.ts';
import { startMerchantSandbox, type MerchantSandbox } from './support/sandbox.ts';

const { merchantDir } = installedWorkspace();

beforeAll(async () => {
  await run(process.execPath, [path.join(merchantDir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--pretty', 'false'], { cwd: merchantDir });
});

it('require("@soxara/node") from CommonJS: the client, the default export and webhook verification work', async () => {
  const { stdout } = await run(process.execPath, ['build/require-check.cjs'], { cwd: merchantDir });
  expect(JSON.parse(stdout)).toMatchObject({
    exports: expect.arrayContaining(['Soxara', 'default', 'webhooks', 'constructEvent', 'SoxaraSignatureVerificationError']),
    hasPayments: true,
    defaultIsSoxara: true,
    verifiedType: 'payment.succeeded',
    forgedRefused: true,
  });
});

describe('a merchant server on @soxara/node, against npx soxara dev', () => {
  let sandbox: MerchantSandbox;
  let server: NodeProcess;
  let serverUrl: string;

  beforeAll(async () => {
    sandbox = await startMerchantSandbox(merchantDir);
    server = startNodeProcess('build/server.js', {
      cwd: merchantDir,
      env: { SOXARA_API_URL: sandbox.apiUrl, SOXARA_SECRET_KEY: sandbox.secretKey },
    });
    ({ listening: serverUrl } = await server.waitForLine<{ listening: string }>((line) => typeof line['listening'] === 'string'));
  });

  afterAll(async () => {
    await server?.stop();
    await sandbox?.close();
  });

  it('creates and confirms a payment, then receives and verifies its payment.succeeded webhook', async () => {
    const response = await fetch(`${serverUrl}/checkout`, { method: 'POST', body: JSON.stringify({ orderId: '1001', amount: 1250 }) });
    expect(response.status, await response.clone().text()).toBe(200);
    const payment = (await response.json()) as { id: string; status: string; amount: number };
    expect(payment).toMatchObject({ id: expect.stringMatching(/^pi_/), status: 'succeeded', amount: 1250 });

    const delivered = await server.waitForLine<{ webhook: string; payment: string }>((line) => line['payment'] === payment.id);
    expect(delivered.webhook).toBe('payment.succeeded');
  });

  it('the JS origin soxara dev serves answers /v1 with the merchant script', async () => {
    const script = await fetch(`${sandbox.jsUrl}/v1`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain('Soxara');
  });

  it('refuses a webhook whose signature Soxara did not make', async () => {
    const body = JSON.stringify({ id: 'evt_forged', type: 'payment.succeeded', data: { object: { id: 'pi_forged' } } });
    const forged = `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`;
    const response = await fetch(`${serverUrl}/webhooks`, { method: 'POST', headers: { 'soxara-signature': forged }, body });
    expect(response.status).toBe(400);
    expect(server.lines().some((line) => line['payment'] === 'pi_forged')).toBe(false);
  });
});

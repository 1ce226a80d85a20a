/**
 * The published @soxara/sandbox at work in the merchant's project the global setup installed: the
 * package depends on no workspace package, `npx soxara dev` there serves a working checkout (the
 * merchant script at /v1, the frames, the API), and `npx soxara listen` forwards the webhook of a
 * payment, signed with the secret it printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_TIMEOUT_MS, startCli } from '../../packages/sandbox/test/support/cli-process.ts';
import { startReceiver, type Receiver } from '../../packages/sandbox/test/support/receiver.ts';
import { installedWorkspace } from './support/installed.ts';
import { outsideEnv, run } from './support/run.ts';
import { npxSoxara, startMerchantSandbox, type MerchantSandbox } from './support/sandbox.ts';

const { merchantDir } = installedWorkspace();
const installed = { projectDir: merchantDir };
// The merchant's own @soxara/node, as npm installed it beside the sandbox.
const { constructEvent } = createRequire(path.join(merchantDir, 'package.json'))('@soxara/node') as typeof import('../../packages/node/src/index.ts');

describe('npm install @soxara/sandbox, then npx soxara', { timeout: PROCESS_TIMEOUT_MS }, () => {
  let dev: MerchantSandbox;
  let merchant: Receiver;

  beforeAll(async () => {
    dev = await startMerchantSandbox(merchantDir, { inProject: true });
    merchant = await startReceiver();
  }, PROCESS_TIMEOUT_MS);

  // Under npx, Ctrl-C ends npm by the signal whatever the CLI answers, so its exit code says nothing
  // about the CLI: what it printed does.
  afterAll(async () => {
    await merchant?.close();
    if (!dev) return;
    await dev.close();
    expect(dev.cli.stderr()).toContain('soxara dev: stopped');
  }, PROCESS_TIMEOUT_MS);

  it('installs from the registry and the tarball alone, with the CLI on npx', async () => {
    const packageDir = path.join(installed.projectDir, 'node_modules/@soxara/sandbox');
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@soxara/'))).toEqual([]);
    const version = await run('npx', ['--no-install', 'soxara', '--version'], { cwd: installed.projectDir, env: outsideEnv() });
    expect(version.stdout.trim()).toBe(manifest.version);
  });

  it('serves the merchant script and the frames the package carries, pointed at its own API', async () => {
    const packaged = path.join(installed.projectDir, 'node_modules/@soxara/sandbox/dist/js-origin');
    const script = await fetch(`${dev.jsUrl}/v1`);
    expect(script.status).toBe(200);
    expect(await script.text()).toBe(readFileSync(path.join(packaged, 'soxara.js'), 'utf8'));

    const frame = await fetch(`${dev.jsUrl}/frames/card.html`);
    expect(frame.status).toBe(200);
    const html = await frame.text();
    expect(html).toContain(`<meta name="soxara-api-url" content="${new URL(dev.apiUrl).origin}">`);
    for (const asset of html.matchAll(/(?:src|href)="(\/frames\/assets\/[^"]+)"/g)) {
      expect((await fetch(`${dev.jsUrl}${asset[1]}`)).status, asset[1]).toBe(200);
    }
  });

  it('takes a card payment and delivers its payment.succeeded, signed with the secret soxara listen printed', async () => {
    const listen = startCli(['listen', '--forward-to', merchant.url, '--events', 'payment.succeeded'], { cwd: installed.projectDir }, npxSoxara);
    try {
      const [, secret = ''] = await listen.waitForOutput(/^Webhook signing secret: (whsec_\w+)/m);
      const api = (route: string, body: unknown) =>
        fetch(`${dev.apiUrl}${route}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${dev.secretKey}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data: { id: string; status: string } } }));
      const created = await api('/v1/payments', { amount: 4200, currency: 'USD', metadata: { order_id: 'A-1' } });
      expect(created.status).toBe(200);
      const confirmed = await api(`/v1/payments/${created.body.data.id}/confirm`, {
        payment_method: { type: 'card', card: { number: '4242424242424242', exp_month: 12, exp_year: new Date().getFullYear() + 2, cvc: '123' } },
      });
      expect(confirmed.body.data.status).toBe('succeeded');

      const [delivery] = await merchant.waitFor(1, 20_000);
      const event = constructEvent(delivery!.body, delivery!.signature, secret);
      expect(event.type).toBe('payment.succeeded');
      expect(event.data.object).toMatchObject({ id: created.body.data.id, metadata: { order_id: 'A-1' } });
      await listen.waitForOutput(new RegExp(`payment\\.succeeded +  ${event.id}  200$`, 'm'));
    } finally {
      await listen.interrupt();
    }
    expect(listen.stderr()).toMatch(/soxara listen: endpoint we_\w+ deleted/);
    const endpoints = await fetch(`${dev.apiUrl}/v1/webhook_endpoints`, { headers: { Authorization: `Bearer ${dev.secretKey}` } });
    expect(((await endpoints.json()) as { data: unknown[] }).data).toEqual([]);
  });
});

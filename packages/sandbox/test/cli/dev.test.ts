/**
 * `soxara dev` in a merchant's folder: both servers up on free ports, the keys printed and kept in
 * .soxara/, the same keys after a restart, new ones after --reset, the environment's keys first, and a
 * clean stop on Ctrl-C.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Soxara } from '@soxara/node';
import { afterEach, describe, expect, it } from 'vitest';
import { PROCESS_TIMEOUT_MS, projectFolder, runCli, startDev, type DevSandbox } from '../support/cli-process.ts';

const running: DevSandbox[] = [];
const folders: string[] = [];

afterEach(async () => {
  // Gone before their folders go, so that none writes its key file into a folder just removed.
  await Promise.all(running.splice(0).map((started) => started.cli.kill()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const created = projectFolder();
  folders.push(created);
  return created;
}

async function dev(cwd: string, env: Record<string, string> = {}, args: string[] = []): Promise<DevSandbox> {
  const started = await startDev({ cwd, env }, args);
  running.push(started);
  return started;
}

/** Stops it as a merchant would (Ctrl-C), and expects a clean exit. */
async function stop(started: DevSandbox): Promise<void> {
  const code = await started.cli.interrupt();
  expect(code, started.cli.stderr()).toBe(0);
  expect(started.cli.stderr()).toContain('soxara dev: stopped');
}

function keyFile(cwd: string, dir = '.soxara'): Record<string, string> {
  return JSON.parse(readFileSync(path.join(cwd, dir, 'keys.json'), 'utf8')) as Record<string, string>;
}

async function createPayment(started: DevSandbox): Promise<string> {
  const soxara = new Soxara(started.secretKey, { baseUrl: started.apiUrl });
  return (await soxara.payments.create({ amount: 1500, currency: 'USD' })).id;
}

/** The HTTP status of retrieving the payment: 200, or 404 for one this sandbox does not have. */
async function paymentStatus(started: DevSandbox, id: string): Promise<number> {
  const response = await fetch(`${started.apiUrl}/v1/payments/${id}`, { headers: { Authorization: `Bearer ${started.secretKey}` } });
  await response.body?.cancel();
  return response.status;
}

describe('soxara dev', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it('serves the API and the JS origin, prints the keys and keeps them in .soxara/', async () => {
    const cwd = folder();
    const started = await dev(cwd);
    expect(started.publishableKey).toMatch(/^sxm_test_\w+$/);
    expect(started.secretKey).toMatch(/^sxs_test_\w+$/);
    expect(keyFile(cwd)).toEqual({
      publishable_key: started.publishableKey,
      secret_key: started.secretKey,
      api_url: started.apiUrl,
      js_url: started.jsUrl,
    });
    // Only its owner reads the key file, and the folder keeps itself out of the merchant's git.
    expect(statSync(path.join(cwd, '.soxara/keys.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(cwd, '.soxara/.gitignore'), 'utf8')).toMatch(/^\*$/m);

    const script = await fetch(`${started.jsUrl}/v1`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('Soxara');

    const frame = await fetch(`${started.jsUrl}/frames/card.html`);
    expect(frame.status).toBe(200);
    const html = await frame.text();
    // The frames call the API this dev serves, and only it.
    expect(html).toContain(`<meta name="soxara-api-url" content="${new URL(started.apiUrl).origin}">`);
    expect(frame.headers.get('content-security-policy')).toContain(`connect-src ${new URL(started.apiUrl).origin}`);
    const asset = /src="(\/frames\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    expect((await fetch(`${started.jsUrl}${asset}`)).status).toBe(200);

    const id = await createPayment(started);
    expect(id).toMatch(/^pi_/);
    await stop(started);
    // Both ports are closed once it has stopped.
    await expect(fetch(`${started.apiUrl}/healthz`)).rejects.toThrow();
    await expect(fetch(`${started.jsUrl}/health`)).rejects.toThrow();
  });

  it('keeps the keys and the data across a restart, and forgets both with --reset', async () => {
    const cwd = folder();
    const first = await dev(cwd);
    const id = await createPayment(first);
    await stop(first);

    const second = await dev(cwd);
    expect([second.publishableKey, second.secretKey]).toEqual([first.publishableKey, first.secretKey]);
    expect(await paymentStatus(second, id)).toBe(200);
    await stop(second);

    const reset = await dev(cwd, {}, ['--reset']);
    expect(reset.secretKey).not.toBe(first.secretKey);
    expect(reset.publishableKey).not.toBe(first.publishableKey);
    expect(keyFile(cwd).secret_key).toBe(reset.secretKey);
    expect(await paymentStatus(reset, id)).toBe(404);
  });

  it('--reset also recovers a folder whose key file is broken', async () => {
    const cwd = folder();
    mkdirSync(path.join(cwd, '.soxara'));
    writeFileSync(path.join(cwd, '.soxara/keys.json'), 'not json');
    const refused = await runCli(['dev', '--api-port', '0', '--js-port', '0'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^soxara dev: .*keys\.json is not a key file of soxara dev: delete it, or run soxara dev --reset\n$/);
    const started = await dev(cwd, {}, ['--reset']);
    expect(keyFile(cwd).secret_key).toBe(started.secretKey);
  });

  it('takes the default account keys from SOXARA_PUBLISHABLE_KEY / SOXARA_SECRET_KEY, over the kept ones', async () => {
    const cwd = folder();
    const first = await dev(cwd);
    await stop(first);

    const env = { SOXARA_PUBLISHABLE_KEY: 'sxm_test_fromTheEnvironment1', SOXARA_SECRET_KEY: 'sxs_test_fromTheEnvironment1' };
    const started = await dev(cwd, env);
    expect([started.publishableKey, started.secretKey]).toEqual([env.SOXARA_PUBLISHABLE_KEY, env.SOXARA_SECRET_KEY]);
    expect(keyFile(cwd).secret_key).toBe(env.SOXARA_SECRET_KEY);
    expect(await paymentStatus(started, 'pi_unknown')).toBe(404);
    // The environment's secret key is the one the API accepts; the kept one no longer is.
    const old = await fetch(`${started.apiUrl}/v1/events`, { headers: { Authorization: `Bearer ${first.secretKey}` } });
    expect(old.status).toBe(401);
  });

  it('keeps its data in SOXARA_DATA_DIR when set', async () => {
    const cwd = folder();
    const started = await dev(cwd, { SOXARA_DATA_DIR: 'sandbox-data' });
    expect(keyFile(cwd, 'sandbox-data').secret_key).toBe(started.secretKey);
    expect(existsSync(path.join(cwd, 'sandbox-data', 'sandbox.sqlite'))).toBe(true);
    expect(existsSync(path.join(cwd, '.soxara'))).toBe(false);
  });

  it('refuses to start a second time on a folder whose sandbox runs, and on a port in use', async () => {
    const cwd = folder();
    const started = await dev(cwd);
    const twice = await runCli(['dev', '--api-port', '0', '--js-port', '0', '--reset'], { cwd });
    expect(twice.code).toBe(2);
    expect(twice.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^soxara dev: the sandbox of .* already runs at /)]);
    // Nothing was reset under the running sandbox.
    expect(keyFile(cwd).secret_key).toBe(started.secretKey);

    const apiPort = new URL(started.apiUrl).port;
    const taken = await runCli(['dev', '--api-port', apiPort, '--js-port', '0'], { cwd: folder() });
    expect(taken.code).toBe(2);
    expect(taken.stderr.trim().split('\n')).toEqual([`soxara dev: the API's port ${apiPort} is in use (another soxara dev?): choose another with --api-port`]);
  });
});

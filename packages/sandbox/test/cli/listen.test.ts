/**
 * `soxara listen`: the endpoint it registers, the secret it prints, one line per delivery attempt with
 * the merchant's answer (retries included), the filter of --events, refusal of anything unsigned, and
 * the endpoint deleted on Ctrl-C.
 */
import { rmSync } from 'node:fs';
import { constructEvent, Soxara } from '@soxara/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_TIMEOUT_MS, projectFolder, startCli, startDev, type DevSandbox, type RunningCli } from '../support/cli-process.ts';
import { freePort } from '../support/child-sandbox.ts';
import { startReceiver, type Receiver } from '../support/receiver.ts';

let cwd: string;
let dev: DevSandbox;
let soxara: Soxara;
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  cwd = projectFolder();
  dev = await startDev({ cwd, env: { SOXARA_WEBHOOK_RETRY_MS: '50' } });
  soxara = new Soxara(dev.secretKey, { baseUrl: dev.apiUrl });
}, PROCESS_TIMEOUT_MS);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, PROCESS_TIMEOUT_MS);

afterAll(async () => {
  await dev?.cli.interrupt();
  rmSync(cwd, { recursive: true, force: true });
}, PROCESS_TIMEOUT_MS);

async function receiver(): Promise<Receiver> {
  const started = await startReceiver();
  cleanups.push(() => started.close());
  return started;
}

/** `soxara listen` in the dev's folder (it finds the key and the API URL in .soxara/), once ready. */
async function listen(args: string[]): Promise<{ cli: RunningCli; secret: string; endpointId: string }> {
  const cli = startCli(['listen', ...args], { cwd });
  // Ctrl-C, so that the endpoint goes with it and the next test's sandbox delivers to no stale relay.
  cleanups.push(() => cli.interrupt());
  const [, secret = '', endpointId = ''] = await cli.waitForOutput(/^Webhook signing secret: (whsec_\w+) {2}\(endpoint (we_\w+);/m);
  return { cli, secret, endpointId };
}

/** The line `<time>  <type>  <event id>  <answer>` of a delivery of this event, once printed. */
function deliveryLine(type: string, eventId: string, answer: string): RegExp {
  return new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  ${type.replace('.', '\\.')} +  ${eventId}  ${answer.replace(/[()]/g, '\\$&')}$`, 'm');
}

describe('soxara listen', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it('prints the secret, passes each delivery on signed, and prints it with the status the merchant answered', async () => {
    const merchant = await receiver();
    const { cli, secret, endpointId } = await listen(['--forward-to', merchant.url]);
    const [endpoint] = (await soxara.webhookEndpoints.list()).data;
    expect(endpoint).toMatchObject({ id: endpointId, enabled_events: ['*'], status: 'enabled' });
    expect(new URL(endpoint!.url).hostname).toBe('127.0.0.1');

    const event = await soxara.testHelpers.events.create('payment.succeeded');
    await cli.waitForOutput(deliveryLine('payment.succeeded', event.id, '200'));
    const [delivery] = await merchant.waitFor(1);
    // The merchant verifies with the secret listen printed, as it would in production.
    expect(constructEvent(delivery!.body, delivery!.signature, secret)).toMatchObject({ id: event.id, type: 'payment.succeeded' });
    expect(delivery!.contentType).toBe('application/json');
  });

  it('prints every attempt: a 500 from the merchant, then the retry it accepts', async () => {
    const merchant = await receiver();
    merchant.respondWith([500]);
    const { cli } = await listen(['--forward-to', merchant.url]);
    const event = await soxara.testHelpers.events.create('refund.failed');
    await cli.waitForOutput(deliveryLine('refund.failed', event.id, '500'));
    await cli.waitForOutput(deliveryLine('refund.failed', event.id, '200'));
    expect((await merchant.waitFor(2)).map((hook) => JSON.parse(hook.body).id)).toEqual([event.id, event.id]);
  });

  it('says when the merchant does not answer at all', async () => {
    const closedPort = await freePort();
    const { cli } = await listen(['--forward-to', `http://127.0.0.1:${closedPort}/webhooks`]);
    const event = await soxara.testHelpers.events.create('payment.created');
    await cli.waitForOutput(deliveryLine('payment.created', event.id, 'no answer (ECONNREFUSED)'));
  });

  it('--events registers only those types (a family as refund.*), and nothing else is delivered', async () => {
    const merchant = await receiver();
    const { cli, endpointId } = await listen(['--forward-to', merchant.url, '--events', 'refund.*,payment.failed']);
    const endpoint = await soxara.webhookEndpoints.retrieve(endpointId);
    expect(endpoint.enabled_events).toEqual(['refund.created', 'refund.succeeded', 'refund.failed', 'payment.failed']);

    const skipped = await soxara.testHelpers.events.create('payment.succeeded');
    const wanted = await soxara.testHelpers.events.create('refund.created');
    await cli.waitForOutput(deliveryLine('refund.created', wanted.id, '200'));
    // The endpoint never had a delivery for the other event: it was not enabled when that was emitted.
    const deliveries = (await soxara.webhookEndpoints.listDeliveries(endpointId)).data;
    expect(deliveries.map((delivery) => delivery.event)).toEqual([wanted.id]);
    expect(cli.stdout()).not.toContain(skipped.id);
    expect(merchant.received).toHaveLength(1);
  });

  it('passes nothing on that is not signed with the endpoint secret', async () => {
    const merchant = await receiver();
    const { cli, endpointId } = await listen(['--forward-to', merchant.url]);
    const relayUrl = (await soxara.webhookEndpoints.retrieve(endpointId)).url;
    const forged = JSON.stringify({ id: 'evt_forged', type: 'payment.succeeded' });
    const attempts: Array<{ body: string; headers: Record<string, string> }> = [
      { body: forged, headers: {} },
      { body: forged, headers: { 'Soxara-Signature': 't=1,v1=00' } },
      { body: 'not json', headers: { 'Soxara-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'a'.repeat(64)}` } },
    ];
    for (const attempt of attempts) {
      const response = await fetch(relayUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', ...attempt.headers }, body: attempt.body });
      expect(response.status).toBe(400);
    }
    expect((await fetch(relayUrl)).status).toBe(404);

    // The relay still works for the sandbox, and the forged requests never reached the merchant.
    const event = await soxara.testHelpers.events.create('payment.canceled');
    await cli.waitForOutput(deliveryLine('payment.canceled', event.id, '200'));
    expect(merchant.received.map((hook) => JSON.parse(hook.body).id)).toEqual([event.id]);
    expect(cli.stderr().match(/not passed on/g)).toHaveLength(3);
  });

  it('deletes its endpoint on Ctrl-C and exits 0', async () => {
    const merchant = await receiver();
    const { cli, endpointId } = await listen(['--forward-to', merchant.url]);
    expect((await soxara.webhookEndpoints.list()).data.map((endpoint) => endpoint.id)).toContain(endpointId);
    expect(await cli.interrupt()).toBe(0);
    expect(cli.stderr()).toContain(`endpoint ${endpointId} deleted`);
    expect((await soxara.webhookEndpoints.list()).data.map((endpoint) => endpoint.id)).not.toContain(endpointId);
  });
});

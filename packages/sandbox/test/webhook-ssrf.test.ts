/**
 * Webhook URLs as a way into the sandbox's network (issue 17's review fault): which addresses are
 * refused, at creation for a literal address and at delivery for a name (checked on the resolved and the
 * connected address), what the delivery log tells a caller, and the admin token of account creation when
 * the sandbox listens beyond loopback. Names resolve through a resolver the test gives the sandbox
 * (the machine has no DNS to spare), so a name can point anywhere; everything else is real HTTP.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint } from '@soxara/protocol';
import type { SandboxConfig } from '../src/config.ts';
import { classifyAddress, isLoopbackHost } from '../src/webhooks/address-policy.ts';
import type { ResolveAll } from '../src/webhooks/send.ts';
import { startTestSandbox, type TestSandbox } from './helpers.ts';
import { startReceiver, type Receiver } from './support/receiver.ts';

/** Names the sandbox resolves in these tests, and where they point. */
const NAMES: Record<string, string[]> = {
  'metadata.example.test': ['169.254.169.254'],
  // One honest address and one inside: the whole name is refused, whichever the connection would pick.
  'mixed.example.test': ['93.184.216.34', '169.254.169.254'],
  'receiver.example.test': ['127.0.0.1'],
};
const resolve: ResolveAll = async (hostname) => {
  const addresses = NAMES[hostname];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

let t: TestSandbox | undefined;
let receiver: Receiver | undefined;
let silent: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  await t?.close();
  await receiver?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((done) => (silent ? silent.close(() => done()) : done()));
  t = receiver = silent = undefined;
});

function sandbox(overrides: Partial<SandboxConfig> = {}): Promise<TestSandbox> {
  return startTestSandbox({ webhookRetryMs: 60_000, ...overrides }, { webhooks: { resolve, timeoutMs: 400 } });
}

/** A port that accepts connections and never answers: what a filtered port looks like from here, a timeout. */
async function silentPort(): Promise<number> {
  silent = createServer((socket) => sockets.add(socket));
  await new Promise<void>((done) => silent!.listen(0, '127.0.0.1', done));
  return (silent.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const probe = await startReceiver();
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}

/** The first attempt's `last_error` of the endpoint's one delivery. */
async function firstError(sandbox: TestSandbox, url: string): Promise<string | null> {
  const endpoint: WebhookEndpoint = await sandbox.data('POST', '/v1/webhook_endpoints', { body: { url } });
  await sandbox.data('POST', '/v1/test_helpers/events', { body: { type: 'payment.succeeded' } });
  const [delivery]: WebhookDelivery[] = await vi.waitFor(
    async () => {
      const list: WebhookDelivery[] = await sandbox.data('GET', `/v1/webhook_endpoints/${endpoint.id}/deliveries`);
      expect(list[0]?.attempts).toBe(1);
      return list;
    },
    { timeout: 5_000 },
  );
  await sandbox.data('DELETE', `/v1/webhook_endpoints/${endpoint.id}`);
  return delivery!.last_error;
}

describe('address classes', () => {
  it.each([
    ['169.254.169.254', 'link_local'],
    ['169.254.0.1', 'link_local'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['::ffff:a9fe:a9fe', 'link_local'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['fe80::1', 'link_local'],
    ['febf::1', 'link_local'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.100.100.200', 'private'],
    ['fd00:ec2::254', 'private'],
    ['fc00::1', 'private'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['169.253.255.255', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['example.com', null],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('knows a loopback HOST from a wider one', () => {
    expect(['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.10', 'example.com'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});

describe('on a sandbox that listens on loopback (the default)', () => {
  // Every spelling of the metadata address: the URL parser makes the numeric ones dotted.
  const ALWAYS_REFUSED = [
    'http://169.254.169.254/latest/meta-data/',
    'http://0xa9fea9fe/',
    'http://2852039166/',
    'http://0251.0376.0251.0376/',
    'http://169.254.0.1:8080/hook',
    'http://[fe80::1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'https://224.0.0.1/',
  ];

  it.each(ALWAYS_REFUSED)('refuses %s with a typed 400, and stores nothing', async (url) => {
    t = await sandbox();
    const answer = await t.api('POST', '/v1/webhook_endpoints', { body: { url } });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ type: 'invalid_request_error', code: 'url_not_allowed', param: 'url' });
    expect(await t.data('GET', '/v1/webhook_endpoints')).toEqual([]);
  });

  it('refuses such a URL on update too, and keeps the old one', async () => {
    t = await sandbox();
    receiver = await startReceiver();
    const endpoint: WebhookEndpoint = await t.data('POST', '/v1/webhook_endpoints', { body: { url: receiver.url } });
    const answer = await t.api('POST', `/v1/webhook_endpoints/${endpoint.id}`, { body: { url: 'http://0xa9fea9fe/' } });
    expect(answer.json.error).toMatchObject({ code: 'url_not_allowed', param: 'url' });
    expect(await t.data('GET', `/v1/webhook_endpoints/${endpoint.id}`)).toMatchObject({ url: receiver.url });
  });

  it('takes loopback and private literals, the local use', async () => {
    t = await sandbox();
    for (const url of ['http://127.0.0.1:3000/webhook', 'http://localhost:3000/webhook', 'http://[::1]:3000/', 'http://10.0.0.5/hook', 'http://192.168.1.20/']) {
      expect((await t.api('POST', '/v1/webhook_endpoints', { body: { url } })).status, url).toBe(200);
    }
  });

  it('sends to a name that resolves to loopback', async () => {
    t = await sandbox();
    receiver = await startReceiver();
    const port = new URL(receiver.url).port;
    expect(await firstError(t, `http://receiver.example.test:${port}/webhooks`)).toBeNull();
    expect(receiver.received).toHaveLength(1);
  });

  it('fails the delivery to a name that resolves to a link-local address, without connecting there', async () => {
    t = await sandbox();
    // Had it connected, 169.254.169.254 would have answered nothing on this machine: a timeout.
    expect(await firstError(t, 'http://metadata.example.test/latest/meta-data/')).toBe('address not allowed (link_local)');
    expect(await firstError(t, 'http://mixed.example.test/')).toBe('address not allowed (link_local)');
  });

  it('says what failed, for the developer on this machine', async () => {
    t = await sandbox();
    expect(await firstError(t, `http://127.0.0.1:${await closedPort()}/`)).toBe('ECONNREFUSED');
    expect(await firstError(t, `http://127.0.0.1:${await silentPort()}/`)).toBe('timeout');
    expect(await firstError(t, 'http://nowhere.example.test/')).toBe('ENOTFOUND');
  });

  it('makes accounts without a token', async () => {
    t = await sandbox();
    expect((await t.api('POST', '/v1/test_helpers/accounts', { key: null })).status).toBe(200);
  });
});

describe('on a sandbox that listens beyond loopback (HOST=0.0.0.0)', () => {
  const exposed = (overrides: Partial<SandboxConfig> = {}) => sandbox({ host: '0.0.0.0', adminToken: 'admin-secret-1', ...overrides });

  it('makes accounts only for the admin token', async () => {
    t = await exposed();
    const make = (headers: Record<string, string> = {}) => t!.api('POST', '/v1/test_helpers/accounts', { key: null, headers });
    expect((await make()).json.error).toMatchObject({ type: 'authentication_error', code: 'invalid_admin_token' });
    expect((await make()).status).toBe(401);
    expect((await make({ authorization: 'Bearer admin-secret-2' })).status).toBe(401);
    expect((await make({ authorization: `Bearer ${t.sk}` })).status).toBe(401);
    const made = await make({ authorization: 'Bearer admin-secret-1' });
    expect(made.status).toBe(200);
    expect(made.json.data.secret_key).toMatch(/^sxs_test_/);
  });

  it('makes no accounts at all without a configured token', async () => {
    t = await exposed({ adminToken: null });
    const answer = await t.api('POST', '/v1/test_helpers/accounts', { key: null, headers: { authorization: 'Bearer anything' } });
    expect(answer.status).toBe(403);
    expect(answer.json.error).toMatchObject({ type: 'authentication_error', code: 'admin_token_not_configured' });
  });

  it('refuses loopback and private literals, unless SOXARA_WEBHOOK_ALLOW_PRIVATE', async () => {
    t = await exposed();
    const urls = ['http://127.0.0.1:3000/webhook', 'http://[::1]/', 'http://10.0.0.5/hook', 'http://172.20.1.1/', 'http://192.168.1.20/', 'http://100.64.0.1/', 'http://[fd00::1]/'];
    for (const url of urls) {
      const answer = await t.api('POST', '/v1/webhook_endpoints', { body: { url } });
      expect(answer.json.error, url).toMatchObject({ code: 'url_not_allowed', param: 'url' });
    }
    expect(await t.data('GET', '/v1/webhook_endpoints')).toEqual([]);
    await t.close();
    t = await exposed({ webhookAllowPrivate: true });
    for (const url of urls) expect((await t.api('POST', '/v1/webhook_endpoints', { body: { url } })).status, url).toBe(200);
    expect((await t.api('POST', '/v1/webhook_endpoints', { body: { url: 'http://0xa9fea9fe/' } })).status).toBe(400);
  });

  it('does not send to a name that resolves to loopback', async () => {
    t = await exposed();
    receiver = await startReceiver();
    expect(await firstError(t, `http://receiver.example.test:${new URL(receiver.url).port}/webhooks`)).toBe('connection failed');
    expect(receiver.received).toHaveLength(0);
  });

  it('logs a closed port, a silent port and a refused address alike: no port scan through the log', async () => {
    t = await exposed({ webhookAllowPrivate: true });
    receiver = await startReceiver();
    receiver.respondWith([500]);
    const errors = [
      await firstError(t, `http://127.0.0.1:${await closedPort()}/`),
      await firstError(t, `http://127.0.0.1:${await silentPort()}/`),
      await firstError(t, 'http://metadata.example.test/'),
      await firstError(t, 'http://nowhere.example.test/'),
    ];
    expect(errors).toEqual(['connection failed', 'connection failed', 'connection failed', 'connection failed']);
    // Nor does the moment the failure is logged: a refused port's is held as long as a timeout (400 ms here).
    const sentAt = Date.now();
    await firstError(t, `http://127.0.0.1:${await closedPort()}/`);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(400);
    // An answer is the receiver's own, and the merchant needs it.
    expect(await firstError(t, receiver.url)).toBe('HTTP 500');
  });
});

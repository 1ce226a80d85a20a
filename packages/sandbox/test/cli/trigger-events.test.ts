/**
 * `soxara trigger` for each of the 27 event types, and `soxara events` with its filters, against a
 * running `soxara dev`, from the folder it keeps its keys in.
 */
import { rmSync } from 'node:fs';
import { EVENT_TYPES } from '@soxara/protocol';
import { Soxara } from '@soxara/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli-in-process.ts';
import { PROCESS_TIMEOUT_MS, projectFolder, runCli, startDev, type DevSandbox } from '../support/cli-process.ts';

let cwd: string;
let dev: DevSandbox;
let soxara: Soxara;

beforeAll(async () => {
  cwd = projectFolder();
  dev = await startDev({ cwd });
  soxara = new Soxara(dev.secretKey, { baseUrl: dev.apiUrl });
}, PROCESS_TIMEOUT_MS);

afterAll(async () => {
  await dev?.cli.interrupt();
  rmSync(cwd, { recursive: true, force: true });
}, PROCESS_TIMEOUT_MS);

const EVENT_LINE = /^(\S+)  (\S+) *  (evt_\w+)  (\S+)$/;

describe('soxara trigger', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it('emits an event of every one of the 27 types, each then in the API with its type', async () => {
    expect(EVENT_TYPES).toHaveLength(27);
    for (const type of EVENT_TYPES) {
      const run = await runInProcess(['trigger', type], { cwd });
      expect(run, type).toMatchObject({ code: 0, err: [] });
      const id = new RegExp(`^Triggered ${type.replace('.', '\\.')}: (evt_\\w+)$`).exec(run.out.join('\n'))?.[1];
      expect(id, run.out.join('\n')).toBeDefined();
      expect((await soxara.events.retrieve(id!)).type).toBe(type);
    }
  });

  it('works as a process too, with the key given by flag and the URL by environment', async () => {
    const elsewhere = projectFolder();
    try {
      const run = await runCli(['trigger', 'transfer.claimed', '--api-key', dev.secretKey], { cwd: elsewhere, env: { SOXARA_API_URL: dev.apiUrl } });
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Triggered transfer\.claimed: evt_\w+\n$/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('soxara events', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it('lists the latest events, newest first, one line each, with --limit', async () => {
    const created = [];
    for (const type of ['payment.created', 'refund.created', 'payment.succeeded'] as const) created.push(await soxara.testHelpers.events.create(type));
    const run = await runInProcess(['events', '--limit', '3'], { cwd });
    expect(run.code).toBe(0);
    const lines = run.out.map((line) => EVENT_LINE.exec(line));
    expect(lines.map((match) => match?.[3])).toEqual(created.map((event) => event.id).reverse());
    expect(lines.map((match) => match?.[2])).toEqual(['payment.succeeded', 'refund.created', 'payment.created']);
    // The last column is the object the event is about.
    expect(lines[0]?.[4]).toBe(created[2]!.data.object.id);
  });

  it('--type filters by one type, or by a family', async () => {
    const refund = await soxara.testHelpers.events.create('refund.succeeded');
    await soxara.testHelpers.events.create('payment.failed');

    const exact = await runInProcess(['events', '--type', 'refund.succeeded', '--limit', '100'], { cwd });
    expect(exact.code).toBe(0);
    expect(exact.out.length).toBeGreaterThan(0);
    expect(new Set(exact.out.map((line) => EVENT_LINE.exec(line)?.[2]))).toEqual(new Set(['refund.succeeded']));
    expect(EVENT_LINE.exec(exact.out[0]!)?.[3]).toBe(refund.id);

    const family = await runInProcess(['events', '--type', 'payment.*', '--limit', '100'], { cwd });
    const types = new Set(family.out.map((line) => EVENT_LINE.exec(line)?.[2]));
    expect([...types].every((type) => type?.startsWith('payment.'))).toBe(true);
    expect(types.has('payment.failed')).toBe(true);
  });

  it('says so on stderr when there is nothing to list', async () => {
    const { secret_key } = await soxara.testHelpers.accounts.create();
    const run = await runInProcess(['events'], { cwd, env: { SOXARA_SECRET_KEY: secret_key } });
    expect(run).toEqual({ code: 0, out: [], err: ['soxara events: no events yet'] });
  });
});

/**
 * What a mistake on the command line looks like: one line on stderr, nothing on stdout, exit code 2,
 * for a bad flag, a missing or extra argument, a bad value, no key and an unreachable sandbox. And
 * `--help` for every command.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_TYPES } from '@soxara/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../package.json' with { type: 'json' };
import { runInProcess } from '../support/cli-in-process.ts';
import { PROCESS_TIMEOUT_MS, projectFolder, runCli } from '../support/cli-process.ts';
import { freePort } from '../support/child-sandbox.ts';

let cwd: string;
let deadUrl: string;
const KEY = { SOXARA_SECRET_KEY: 'sxs_test_usageUsageUsage1' };

beforeAll(async () => {
  cwd = projectFolder();
  deadUrl = `http://127.0.0.1:${await freePort()}`;
});

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const USAGE_ERRORS: Array<{ argv: string[]; env?: Record<string, string>; line: RegExp }> = [
  { argv: [], line: /^soxara: missing a command \(dev, listen, trigger, events, payments\); see soxara --help$/ },
  { argv: ['deploy'], line: /^soxara: unknown command "deploy"/ },
  { argv: ['dev', '--bogus'], line: /^soxara dev: Unknown option '--bogus' \(see soxara dev --help\)$/ },
  { argv: ['dev', '--api-port'], line: /^soxara dev: Option '--api-port <value>' argument missing/ },
  { argv: ['dev', '--api-port', '99999'], line: /^soxara dev: --api-port must be a port number \(0 to 65535\), got "99999"$/ },
  { argv: ['dev', '--js-port', 'http'], line: /^soxara dev: --js-port must be a port number/ },
  { argv: ['dev', 'now'], line: /^soxara dev: Unexpected argument 'now'/ },
  { argv: ['dev'], env: { SOXARA_SECRET_KEY: 'sxs_live_notATestKey1' }, line: /^soxara dev: SOXARA_SECRET_KEY must be a secret test key/ },
  { argv: ['dev'], env: { SOXARA_MOMO_DELAY_MS: 'soon' }, line: /^soxara dev: SOXARA_MOMO_DELAY_MS must be a non-negative integer/ },
  { argv: ['listen'], env: KEY, line: /^soxara listen: missing --forward-to <url>/ },
  { argv: ['listen', '--forward-to', 'localhost:3000/hooks'], env: KEY, line: /^soxara listen: --forward-to must be an http:\/\/ or https:\/\/ URL/ },
  { argv: ['listen', '--forward-to', 'http://localhost:3000/hooks', '--events', 'payment.done'], env: KEY, line: /^soxara listen: --events: "payment.done" is not one of the 27 event types/ },
  { argv: ['listen', '--forward-to', 'http://localhost:3000/hooks', '--events', ','], env: KEY, line: /^soxara listen: --events needs at least one event type/ },
  { argv: ['trigger'], env: KEY, line: /^soxara trigger: missing the event type, e.g. soxara trigger payment.succeeded$/ },
  { argv: ['trigger', 'payment.exploded'], env: KEY, line: /^soxara trigger: event type: "payment.exploded" is not one of the 27 event types \(see soxara trigger --help\)$/ },
  { argv: ['trigger', 'payment.created', 'payment.failed'], env: KEY, line: /^soxara trigger: one event type at a time/ },
  { argv: ['events', '--limit', '0'], env: KEY, line: /^soxara events: --limit must be an integer from 1 to 100, got "0"$/ },
  { argv: ['events', '--type', 'payments.*'], env: KEY, line: /^soxara events: --type: "payments.\*" is not one of the 27 event types/ },
  { argv: ['payments'], env: KEY, line: /^soxara payments: missing approve or decline/ },
  { argv: ['payments', 'refund', 'pi_1'], env: KEY, line: /^soxara payments: "refund" is not approve or decline$/ },
  { argv: ['payments', 'approve'], env: KEY, line: /^soxara payments: missing the payment id/ },
  { argv: ['payments', 'approve', 're_123'], env: KEY, line: /^soxara payments: "re_123" is not a payment id \(pi_…\)$/ },
  { argv: ['trigger', 'payment.created'], line: /^soxara trigger: no secret key: pass --api-key, set SOXARA_SECRET_KEY/ },
  { argv: ['trigger', 'payment.created', '--api-key', 'sxm_test_publishable1'], line: /^soxara trigger: the API key must be a secret test key/ },
  { argv: ['events', '--api-url', 'ftp://localhost'], env: KEY, line: /^soxara events: the API URL must be an http:\/\/ or https:\/\/ URL/ },
];

describe('usage errors', { timeout: PROCESS_TIMEOUT_MS }, () => {
  it.each(USAGE_ERRORS)('soxara $argv → exit 2 and one line', async ({ argv, env, line }) => {
    const run = await runInProcess(argv, { cwd, env: env ?? {} });
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([expect.stringMatching(line)]);
    expect(run.code).toBe(2);
  });

  it('an unreachable sandbox is exit 2 and one line, for every command that calls it', async () => {
    const calls = [
      ['trigger', 'payment.created'],
      ['events'],
      ['payments', 'approve', 'pi_123'],
      ['listen', '--forward-to', 'http://127.0.0.1:9/hooks'],
    ];
    for (const argv of calls) {
      const run = await runInProcess([...argv, '--api-url', deadUrl], { cwd, env: KEY });
      expect(run.err, argv.join(' ')).toEqual([`soxara ${argv[0]}: cannot reach the sandbox at ${deadUrl} (is soxara dev running? --api-url names another)`]);
      expect(run.code).toBe(2);
    }
  });

  it('a key file that is not one is named, not guessed around', async () => {
    const broken = projectFolder();
    try {
      mkdirSync(path.join(broken, '.soxara'));
      writeFileSync(path.join(broken, '.soxara', 'keys.json'), '{"secret_key": 42}');
      const run = await runInProcess(['events'], { cwd: broken });
      expect(run.err).toEqual([expect.stringMatching(/^soxara events: .*keys\.json is not a key file of soxara dev: delete it, or run soxara dev --reset$/)]);
      expect(run.code).toBe(2);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('as a process: exit code 2, one line on stderr, no stack trace', async () => {
    for (const argv of [['dev', '--bogus'], ['payments', 'approve'], ['events', '--api-url', deadUrl]]) {
      const run = await runCli(argv, { cwd, env: KEY });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^soxara \w+: [^\n]+\n$/);
    }
  });
});

describe('--help', () => {
  it.each(['dev', 'listen', 'trigger', 'events', 'payments'])('soxara %s --help', async (name) => {
    const run = await runInProcess([name, '--help'], { cwd });
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out[0]).toMatch(new RegExp(`^Usage: soxara ${name}`));
    expect(run.out.join('\n')).toContain('-h, --help');
    expect(await runInProcess([name, '-h'], { cwd })).toEqual(run);
    expect(await runInProcess(['help', name], { cwd })).toEqual(run);
  });

  it('soxara --help lists every command; --version prints the package version', async () => {
    const run = await runInProcess(['--help'], { cwd });
    expect(run.code).toBe(0);
    for (const name of ['dev', 'listen', 'trigger', 'events', 'payments']) expect(run.out.join('\n')).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(await runInProcess(['--version'], { cwd })).toEqual({ code: 0, out: [manifest.version], err: [] });
  });

  it('trigger --help lists the 27 event types', async () => {
    const help = (await runInProcess(['trigger', '--help'], { cwd })).out.join('\n');
    for (const type of EVENT_TYPES) expect(help).toContain(type);
  });
});

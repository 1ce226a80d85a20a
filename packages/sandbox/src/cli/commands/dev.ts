/**
 * `soxara dev`: the sandbox API and the JS origin (the merchant script at /v1 and the frames) in this
 * process, with the data of the folder it runs in. The default account's keys are, in order: the
 * environment's (SOXARA_PUBLISHABLE_KEY / SOXARA_SECRET_KEY, as with `pnpm start` of the repository),
 * the ones the folder's key file kept, or a new pair; whichever they are, they are printed and written
 * back to the key file, which is how the other commands find the running sandbox.
 */
import { startJsServer, type JsServer } from '@soxara/frames/server';
import { configFromEnv, SandboxConfigError, type SandboxConfig } from '../../config.ts';
import { startSandbox } from '../../server.ts';
import { HELP_OPTION, parseCommandLine, parsePort } from '../args.ts';
import type { Command } from '../command.ts';
import { CliError, usageError } from '../errors.ts';
import { jsOriginFiles } from '../js-origin-files.ts';
import { projectFolder, readKeyFile, resetProjectFolder, writeKeyFile, type KeyFile } from '../project-folder.ts';

export const devCommand: Command = {
  name: 'dev',
  summary: 'run the sandbox API and the JS origin (script + frames) on this machine',
  help: `Usage: soxara dev [--api-port <port>] [--js-port <port>] [--reset]

Runs the Soxara sandbox (the test-mode API, with its 3-D Secure, MoMo and wallet pages) and the JS
origin that serves the merchant script at /v1 and the card frames, offline. Prints the default
account's keys and keeps them, with the sandbox's data, in ./.soxara/ (or SOXARA_DATA_DIR).

Options:
  --api-port <port>  the API's port (default: SOXARA_API_PORT, else 4010; 0 picks a free one)
  --js-port <port>   the JS origin's port (default: SOXARA_JS_PORT, else 4020; 0 picks a free one)
  --reset            forget this folder's sandbox first: its payments, events, webhooks and keys
  -h, --help         this help

Environment: SOXARA_PUBLISHABLE_KEY / SOXARA_SECRET_KEY (the default account's keys, when set),
SOXARA_API_URL / SOXARA_JS_URL (the URLs browsers use, when not http://localhost:<port>), HOST
(the address both servers bind, 127.0.0.1), SOXARA_DATA_DIR, and the sandbox's timers
(SOXARA_MOMO_DELAY_MS, SOXARA_MOMO_EXPIRY_MS, SOXARA_WEBHOOK_RETRY_MS, …).`,

  async run(argv, io) {
    const { values } = parseCommandLine({
      args: argv,
      options: { 'api-port': { type: 'string' }, 'js-port': { type: 'string' }, reset: { type: 'boolean' }, help: HELP_OPTION },
    });
    if (values.help) return io.out(devCommand.help);

    const folder = projectFolder(io);
    const apiPort = parsePort('--api-port', values['api-port'] ?? (io.env['SOXARA_API_PORT'] || '4010'));
    const jsPort = parsePort('--js-port', values['js-port'] ?? (io.env['SOXARA_JS_PORT'] || '4020'));
    const running = await runningSandboxOf(previousKeys(folder, values.reset === true));
    if (running) throw usageError(`the sandbox of ${folder} already runs at ${running}: stop it first`);
    if (values.reset) resetProjectFolder(folder);
    const kept = readKeyFile(folder);
    const config = sandboxConfig({
      ...io.env,
      SOXARA_API_PORT: String(apiPort),
      SOXARA_DATA_DIR: folder,
      SOXARA_PUBLISHABLE_KEY: io.env['SOXARA_PUBLISHABLE_KEY'] || kept?.publishable_key,
      SOXARA_SECRET_KEY: io.env['SOXARA_SECRET_KEY'] || kept?.secret_key,
    });

    // Listening for Ctrl-C from here on: one that comes while the servers start stops them once started.
    const stopped = io.untilStopped();
    const sandbox = await listenOn('API', '--api-port', apiPort, () => startSandbox(config));
    const apiUrl = sandbox.deps.publicUrl?.() ?? sandbox.url;
    let js: JsServer;
    try {
      js = await listenOn('JS origin', '--js-port', jsPort, () =>
        startJsServer({ ...jsOriginFiles(), port: jsPort, host: config.host, apiUrl, publicUrl: io.env['SOXARA_JS_URL'] || undefined }),
      );
    } catch (error) {
      await sandbox.close();
      throw error;
    }
    const jsUrl = (io.env['SOXARA_JS_URL'] || `http://localhost:${js.port}`).replace(/\/+$/, '');
    const { publishable_key, secret_key } = sandbox.defaultAccount;
    writeKeyFile(folder, { publishable_key, secret_key, api_url: apiUrl, js_url: jsUrl });
    io.out(`Soxara sandbox (test mode, on this machine)
  API           ${apiUrl}
  JS origin     ${jsUrl}/v1  (frames under ${jsUrl}/frames/)
  publishable   ${publishable_key}
  secret        ${secret_key}
  data          ${folder}  (soxara dev --reset forgets it)
Ready. Ctrl-C stops it.`);

    await stopped;
    await Promise.all([js.close(), sandbox.close()]);
    io.err('soxara dev: stopped');
  },
};

/** The folder's key file; with --reset, a broken one is as good as none, since it is about to go. */
function previousKeys(folder: string, reset: boolean): KeyFile | null {
  try {
    return readKeyFile(folder);
  } catch (error) {
    if (reset && error instanceof CliError) return null;
    throw error;
  }
}

function sandboxConfig(env: NodeJS.ProcessEnv): SandboxConfig {
  try {
    return configFromEnv(env);
  } catch (error) {
    if (error instanceof SandboxConfigError) throw usageError(error.message);
    throw error;
  }
}

/**
 * The URL of a sandbox that already serves this folder (it answers the folder's secret key), or null.
 * Two processes on one database would both run its timers and deliveries, and --reset would delete the
 * files under a running one.
 */
async function runningSandboxOf(kept: KeyFile | null): Promise<string | null> {
  if (!kept?.api_url) return null;
  try {
    const response = await fetch(new URL('/v1/events?limit=1', kept.api_url), {
      headers: { Authorization: `Bearer ${kept.secret_key}` },
      signal: AbortSignal.timeout(2_000),
    });
    await response.body?.cancel();
    return response.ok ? kept.api_url : null;
  } catch {
    // Nothing answers there: the usual case, the last soxara dev of this folder has stopped.
    return null;
  }
}

/** A port taken (or forbidden) is a one-line error that names the flag to change, not a stack trace. */
async function listenOn<T>(what: string, flag: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new CliError('unreachable', `the ${what}'s port ${port} is in use (another soxara dev?): choose another with ${flag}`);
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new CliError('unreachable', `cannot listen for the ${what} on port ${port} (${code}): choose another with ${flag}, or another HOST`);
    throw error;
  }
}

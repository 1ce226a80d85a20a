/**
 * Starts one sandbox in-process: database, default account, event bus, scheduler, HTTP server.
 * main.ts uses it with settings from the environment; tests use it on port 0 with a temporary data dir.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.ts';
import { webhookAddressPolicy, type SandboxConfig } from './config.ts';
import type { ResolveAll } from './webhooks/send.ts';
import { createEventBus } from './events/bus.ts';
import type { Deps } from './http/env.ts';
import { createPaymentNotifier } from './payments/notifier.ts';
import { createScheduler } from './scheduler.ts';
import { ensureDefaultAccount, type AccountRow } from './store/accounts.ts';
import { startCheckpointer } from './store/checkpointer.ts';
import { DATABASE_FILE, openDatabase } from './store/database.ts';

export interface RunningSandbox {
  url: string;
  port: number;
  defaultAccount: AccountRow;
  deps: Deps;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** The rate limiters' clock (tests); Date.now otherwise. */
  rateLimitClock?: () => number;
  /** The webhook sender's resolver and per-attempt timeout (tests); the system's and 10 s otherwise. */
  webhooks?: { resolve?: ResolveAll; timeoutMs?: number };
}

export async function startSandbox(config: SandboxConfig, options: SandboxOptions = {}): Promise<RunningSandbox> {
  const db = openDatabase(config.dataDir);
  const checkpointer = startCheckpointer(join(config.dataDir, DATABASE_FILE));
  const defaultAccount = ensureDefaultAccount(db, config.defaultKeys);
  const events = createEventBus(db, {
    retryBaseMs: config.webhookRetryMs,
    policy: webhookAddressPolicy(config),
    ...options.webhooks,
  });
  const notifier = createPaymentNotifier();
  let port = config.port;
  const deps: Deps = {
    db,
    events,
    config,
    notifier,
    publicUrl: () => (config.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    ...(options.rateLimitClock && { rateLimitClock: options.rateLimitClock }),
  };
  const app = createApp(deps);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // The port is taken (EADDRINUSE): leave nothing open behind the error, so the caller can report it and exit.
    await checkpointer.stop();
    db.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const scheduler = createScheduler(deps);
  scheduler.start();
  events.start();

  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    defaultAccount,
    deps,
    close() {
      closing ??= (async () => {
        scheduler.stop();
        notifier.closeAll();
        await events.stop();
        await closeServer(server);
        await checkpointer.stop();
        db.close();
      })();
      return closing;
    },
  };
}

/**
 * Keep-alive connections that were busy when close() began (a long poll) would hold the server open until
 * their idle timeout; sweep them as they go idle, and cut whatever is left after CLOSE_GRACE_MS.
 */
const CLOSE_GRACE_MS = 2000;

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 25);
    const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseKey, type KeyKind } from '@soxara/protocol';
import { isLoopbackHost, type WebhookAddressPolicy } from './webhooks/address-policy.ts';
import { DEFAULT_RETRY_BASE_MS } from './webhooks/backoff.ts';

/** Runtime settings of one sandbox instance, read once from the environment by main.ts (or given by tests). */
export interface SandboxConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The origin browsers use to reach the sandbox (simulator links are built on it). */
  publicUrl: string | null;
  defaultKeys: { publishableKey: string | null; secretKey: string | null };
  /** Until a MoMo or wallet outcome (SOXARA_MOMO_DELAY_MS). */
  momoDelayMs: number;
  /** A PIN prompt's or wallet approval's life (SOXARA_MOMO_EXPIRY_MS). */
  momoExpiryMs: number;
  /** Until a pending refund settles. */
  refundDelayMs: number;
  /** Base of the webhook retry schedule (SOXARA_WEBHOOK_RETRY_MS); the whole three days scale with it. */
  webhookRetryMs: number;
  /** One line per request on stdout (method, path without query, status, time). */
  logRequests: boolean;
  /**
   * Declined card confirms one client (account + connection address) may make per window before its
   * card confirms get a 429 `rate_limit_error` (SOXARA_CARD_TESTING_LIMIT; 0 turns the limit off).
   */
  cardTestingLimit: number;
  /** That window (SOXARA_CARD_TESTING_WINDOW_MS). */
  cardTestingWindowMs: number;
  /**
   * SOXARA_ADMIN_TOKEN: the Bearer token `POST /v1/test_helpers/accounts` asks for while the sandbox
   * listens beyond loopback (without it, no account can be made then).
   */
  adminToken: string | null;
  /** SOXARA_WEBHOOK_ALLOW_PRIVATE: webhooks to loopback and private ranges even when listening beyond loopback. */
  webhookAllowPrivate: boolean;
}

export const DEFAULT_CONFIG: Omit<SandboxConfig, 'dataDir'> = {
  port: 4010,
  host: '127.0.0.1',
  publicUrl: null,
  defaultKeys: { publishableKey: null, secretKey: null },
  momoDelayMs: 5000,
  momoExpiryMs: 300_000,
  refundDelayMs: 500,
  webhookRetryMs: DEFAULT_RETRY_BASE_MS,
  logRequests: false,
  // Far above any honest checkout (a customer retries a handful of cards) and above every suite of this
  // repository: the e2e suite declines 8 cards per run from one account and address, the busiest sandbox
  // test file about 25; the bench load test declines none. A scripted burst reaches it in seconds.
  cardTestingLimit: 50,
  cardTestingWindowMs: 600_000,
  adminToken: null,
  webhookAllowPrivate: false,
};

/** In this repository the default data folder is `.data/sandbox` at its root (git-ignored). */
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** A setting in the environment the sandbox cannot start with; `variable` names it. */
export class SandboxConfigError extends Error {
  override readonly name = 'SandboxConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new SandboxConfigError(name, `${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** A flag is set by any value but empty, `0` or `false`. */
function flagFromEnv(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  return raw !== undefined && raw !== '' && raw !== '0' && raw !== 'false';
}

/** Where webhooks may go, from where the sandbox listens (webhooks/address-policy.ts). */
export function webhookAddressPolicy(config: Pick<SandboxConfig, 'host' | 'webhookAllowPrivate'>): WebhookAddressPolicy {
  return { exposed: !isLoopbackHost(config.host), allowPrivate: config.webhookAllowPrivate };
}

/** A key given in the environment must be a test key of the right kind, or the sandbox refuses to start. */
function keyFromEnv(env: NodeJS.ProcessEnv, name: string, kind: KeyKind): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  const parsed = parseKey(raw);
  if (!parsed || parsed.kind !== kind || parsed.mode !== 'test') {
    const prefix = kind === 'publishable' ? 'sxm_test_' : 'sxs_test_';
    throw new SandboxConfigError(name, `${name} must be a ${kind} test key (${prefix} and at least 8 letters or digits)`);
  }
  return raw;
}

/**
 * `defaultDataDir` is where the database goes when SOXARA_DATA_DIR is unset: `.data/sandbox` of this
 * repository for `pnpm sandbox`, `./.soxara` of the merchant's project for `soxara dev`.
 */
export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  defaultDataDir: string = resolve(REPO_ROOT, '.data/sandbox'),
): SandboxConfig {
  const port = intFromEnv(env, 'SOXARA_API_PORT', DEFAULT_CONFIG.port);
  return {
    ...DEFAULT_CONFIG,
    port,
    host: env['HOST'] || DEFAULT_CONFIG.host,
    dataDir: resolve(env['SOXARA_DATA_DIR'] || defaultDataDir),
    publicUrl: env['SOXARA_API_URL'] || null,
    defaultKeys: {
      publishableKey: keyFromEnv(env, 'SOXARA_PUBLISHABLE_KEY', 'publishable'),
      secretKey: keyFromEnv(env, 'SOXARA_SECRET_KEY', 'secret'),
    },
    momoDelayMs: intFromEnv(env, 'SOXARA_MOMO_DELAY_MS', DEFAULT_CONFIG.momoDelayMs),
    momoExpiryMs: intFromEnv(env, 'SOXARA_MOMO_EXPIRY_MS', DEFAULT_CONFIG.momoExpiryMs),
    refundDelayMs: intFromEnv(env, 'SOXARA_REFUND_DELAY_MS', DEFAULT_CONFIG.refundDelayMs),
    webhookRetryMs: intFromEnv(env, 'SOXARA_WEBHOOK_RETRY_MS', DEFAULT_CONFIG.webhookRetryMs),
    logRequests: env['SOXARA_LOG_REQUESTS'] === '1',
    cardTestingLimit: intFromEnv(env, 'SOXARA_CARD_TESTING_LIMIT', DEFAULT_CONFIG.cardTestingLimit),
    cardTestingWindowMs: intFromEnv(env, 'SOXARA_CARD_TESTING_WINDOW_MS', DEFAULT_CONFIG.cardTestingWindowMs),
    adminToken: env['SOXARA_ADMIN_TOKEN'] || null,
    webhookAllowPrivate: flagFromEnv(env, 'SOXARA_WEBHOOK_ALLOW_PRIVATE'),
  };
}

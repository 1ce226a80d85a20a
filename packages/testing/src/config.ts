/**
 * Where the sandbox is and which secret key acts as the merchant. Defaults come from the environment
 * `pnpm start` uses (SOXARA_API_URL, SOXARA_SECRET_KEY); `configureSoxaraTesting()` or a per-call
 * option overrides them.
 */
import { Soxara } from '@soxara/node';

export interface SandboxOptions {
  /** The sandbox API's origin, e.g. `http://localhost:4010`. */
  apiUrl?: string;
  /** A test secret key (`sxs_test_…`) of the account the payment belongs to. */
  secretKey?: string;
  /** How long to wait for the payment to reach the step being answered. Default 15 s. */
  timeoutMs?: number;
}

let defaults: SandboxOptions = {};

export function configureSoxaraTesting(options: SandboxOptions): void {
  defaults = { ...defaults, ...options };
}

export function resolveOptions(options: SandboxOptions = {}): Required<SandboxOptions> {
  const apiUrl = options.apiUrl ?? defaults.apiUrl ?? process.env.SOXARA_API_URL ?? 'http://localhost:4010';
  const secretKey = options.secretKey ?? defaults.secretKey ?? process.env.SOXARA_SECRET_KEY;
  if (!secretKey) throw new Error('@soxara/testing: pass secretKey, call configureSoxaraTesting({secretKey}) or set SOXARA_SECRET_KEY');
  if (!secretKey.startsWith('sxs_test_')) throw new Error('@soxara/testing works only with test secret keys (sxs_test_…)');
  return { apiUrl, secretKey, timeoutMs: options.timeoutMs ?? defaults.timeoutMs ?? 15_000 };
}

export function sandboxClient(options: Required<SandboxOptions>): Soxara {
  return new Soxara(options.secretKey, { baseUrl: options.apiUrl, maxNetworkRetries: 1 });
}

/**
 * What a static build of the JS origin must know before it writes anything: the API origin the frames
 * call (baked into every frame page and its CSP) and the JS origin the files will be served from
 * (named in /v1/integrity.json, which merchants copy into their pages). A Node server learns both when
 * it starts; static files cannot, so both are required: a default would ship a CDN that quietly talks
 * to a developer's localhost. Errors are values with a code and a sentence that says what to set.
 */
export interface CdnBuildConfig {
  /** From SOXARA_API_URL, e.g. https://api.soxara.com. */
  apiOrigin: string;
  /** From SOXARA_JS_URL, e.g. https://js.soxara.com. */
  jsOrigin: string;
}

export type CdnBuildErrorCode = 'api_url_missing' | 'api_url_invalid' | 'js_url_missing' | 'js_url_invalid' | 'not_built';

export class CdnBuildError extends Error {
  override readonly name = 'CdnBuildError';
  constructor(
    readonly code: CdnBuildErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const ORIGINS = {
  SOXARA_API_URL: { missing: 'api_url_missing', invalid: 'api_url_invalid', what: 'the API origin the frames call', example: 'https://api.soxara.com, or http://localhost:4010 for the local sandbox' },
  SOXARA_JS_URL: { missing: 'js_url_missing', invalid: 'js_url_invalid', what: 'the origin this build will be served from', example: 'https://js.soxara.com' },
} as const;

export function cdnConfigFromEnv(env: Record<string, string | undefined>): CdnBuildConfig {
  return { apiOrigin: originFromEnv(env, 'SOXARA_API_URL'), jsOrigin: originFromEnv(env, 'SOXARA_JS_URL') };
}

/** An http(s) origin, given with nothing after it but an optional `/`. */
function originFromEnv(env: Record<string, string | undefined>, name: keyof typeof ORIGINS): string {
  const { missing, invalid, what, example } = ORIGINS[name];
  const raw = env[name]?.trim();
  if (!raw) throw new CdnBuildError(missing, `${name} is not set: give ${what}, e.g. ${example}.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CdnBuildError(invalid, `${name} is not a URL ("${raw}"): give ${what}, e.g. ${example}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CdnBuildError(invalid, `${name} must be an http or https URL, got "${raw}".`);
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw new CdnBuildError(invalid, `${name} must be an origin only (scheme, host and port, no path, query or credentials), got "${raw}".`);
  }
  return url.origin;
}

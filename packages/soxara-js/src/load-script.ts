/**
 * Injecting Soxara.js once, the way stripe-js does it: reuse a `<script>` the page already has, inject
 * one otherwise, share one promise between callers, and forget that promise when the load fails so the
 * next call tries again (a flaky network must not break checkout until the page reloads).
 *
 * Unlike stripe-js, the script can be pinned: a versioned build whose bytes never change, loaded with
 * `integrity` and `crossorigin="anonymous"` so that the browser runs it only if its SHA-384 matches
 * (Subresource Integrity; PCI DSS 6.4.3). The evergreen `/v1` cannot be pinned: it changes with every
 * release.
 */
import { SoxaraLoadError } from './load-error.ts';
import type { SoxaraConstructor, SoxaraInstance, SoxaraOptions } from './types.ts';

export const DEFAULT_SCRIPT_URL = 'https://js.soxara.com/v1';

/** The evergreen script: always Soxara's current build. */
export interface EvergreenLoadParameters {
  /**
   * Where Soxara.js is served. Default `https://js.soxara.com/v1`; `http://localhost:4020/v1` for the
   * local stack of this repo. Always the script itself, never a copy: it learns its frames' origin from
   * its own URL.
   */
  scriptUrl?: string;
  integrity?: undefined;
}

/**
 * A pinned build: `url` and `integrity` of `<JS origin>/v1/integrity.json`, copied into your code at
 * build or deploy time (fetching the manifest at page load would trust the very server SRI checks).
 */
export interface PinnedLoadParameters {
  /** The versioned build, e.g. `https://js.soxara.com/v1/soxara.0123456789abcdef.js`. */
  scriptUrl: string;
  /** `sha384-<base64>`: the browser refuses the script unless its bytes have this hash. */
  integrity: `sha384-${string}`;
}

export type LoadParameters = EvergreenLoadParameters | PinnedLoadParameters;

interface SoxaraWindow {
  Soxara?: SoxaraConstructor;
}

interface ScriptSource {
  url: string;
  /** null: evergreen, loaded as a plain `<script src>`. */
  integrity: string | null;
}

const EVERGREEN: ScriptSource = { url: DEFAULT_SCRIPT_URL, integrity: null };
const PINNED_PATH = /^\/v1\/soxara\.[0-9a-f]{16}\.js$/;
// One SHA-384 (48 bytes, 64 base64 characters), the only algorithm /v1/integrity.json gives.
const SHA384 = /^sha384-[A-Za-z0-9+/]{64}$/;

let source: ScriptSource = EVERGREEN;
let soxaraPromise: Promise<SoxaraConstructor | null> | null = null;

export function setLoadParameters(params: LoadParameters): void {
  if (soxaraPromise !== null) {
    throw new Error('setLoadParameters() must be called before Soxara.js starts loading (before the first loadSoxara() call).');
  }
  if (params.integrity !== undefined) {
    source = pinnedSource(params);
  } else if (params.scriptUrl !== undefined) {
    source = { url: validScriptUrl(params.scriptUrl, false), integrity: null };
  }
}

function pinnedSource(params: PinnedLoadParameters): ScriptSource {
  if (!SHA384.test(params.integrity)) throw new Error('integrity must be one sha384-<base64> hash, as <JS origin>/v1/integrity.json gives it');
  if (params.scriptUrl === undefined) throw new Error('integrity needs the scriptUrl of the build it is the hash of (<JS origin>/v1/integrity.json gives both)');
  return { url: validScriptUrl(params.scriptUrl, true), integrity: params.integrity };
}

function validScriptUrl(raw: string, pinned: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`scriptUrl is not a URL: ${raw}`);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('scriptUrl must be https (http is allowed only for localhost)');
  }
  if (url.search || url.hash) throw new Error('scriptUrl must be the script itself, with no query or fragment');
  if (pinned) {
    if (!PINNED_PATH.test(url.pathname)) {
      throw new Error('a pinned scriptUrl must be a versioned build, e.g. https://js.soxara.com/v1/soxara.0123456789abcdef.js, as <JS origin>/v1/integrity.json names it: /v1 itself changes with every release, so no integrity stays true for it');
    }
    return `${url.origin}${url.pathname}`;
  }
  if (PINNED_PATH.test(url.pathname)) throw new Error('a versioned scriptUrl needs its integrity (<JS origin>/v1/integrity.json gives both)');
  if (url.pathname.replace(/\/$/, '') !== '/v1') throw new Error('scriptUrl must be the script itself, e.g. https://js.soxara.com/v1');
  return `${url.origin}/v1`;
}

/** Test hook: back to the state of a fresh page load. */
export function resetLoaderForTests(): void {
  source = EVERGREEN;
  soxaraPromise = null;
}

function isSoxaraScript(script: HTMLScriptElement, url: string): boolean {
  try {
    const src = new URL(script.src);
    return `${src.origin}${src.pathname.replace(/\/$/, '')}` === url;
  } catch {
    return false;
  }
}

/** A tag of the page loading the same script; for a pinned build, only one with the same integrity. */
function findScript({ url, integrity }: ScriptSource): HTMLScriptElement | null {
  for (const script of Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'))) {
    if (isSoxaraScript(script, url) && (integrity === null || script.getAttribute('integrity') === integrity)) return script;
  }
  return null;
}

function injectScript({ url, integrity }: ScriptSource): HTMLScriptElement {
  const script = document.createElement('script');
  if (integrity !== null) {
    // A cross-origin script can be checked only if it is fetched with CORS: an opaque response has
    // no bytes to hash, and the browser refuses it.
    script.crossOrigin = 'anonymous';
    script.integrity = integrity;
  }
  script.src = url;
  const parent = document.head ?? document.body;
  if (!parent) throw new Error('Soxara.js needs a <head> or <body> to load into');
  parent.appendChild(script);
  return script;
}

/** Resolves `window.Soxara` (or null on the server); rejects when the script cannot be loaded. */
export function loadScript(): Promise<SoxaraConstructor | null> {
  if (soxaraPromise !== null) return soxaraPromise;
  const promise = new Promise<SoxaraConstructor | null>((resolve, reject) => {
    if (typeof window === 'undefined' || typeof document === 'undefined') {
      resolve(null);
      return;
    }
    const existing = (window as SoxaraWindow).Soxara;
    if (existing) {
      resolve(existing);
      return;
    }
    const loading = source;
    const { url, integrity } = loading;
    let script: HTMLScriptElement;
    try {
      script = findScript(loading) ?? injectScript(loading);
    } catch (error) {
      reject(error);
      return;
    }
    script.addEventListener('load', () => {
      const loaded = (window as SoxaraWindow).Soxara;
      if (loaded) resolve(loaded);
      else reject(new SoxaraLoadError('soxara_not_defined', url, `Soxara.js loaded from ${url} but window.Soxara is not defined`));
    });
    script.addEventListener('error', () => {
      // Drop the dead tag so that the retry injects a fresh one instead of reusing it.
      script.remove();
      reject(
        integrity === null
          ? new SoxaraLoadError('load_failed', url, `Failed to load Soxara.js from ${url}`)
          : new SoxaraLoadError(
              'integrity_or_load_failed',
              url,
              `Failed to load Soxara.js from ${url} with integrity="${integrity}". The browser reports only an "error" event, not why: ` +
                'either the bytes did not match the integrity hash (Subresource Integrity refused the script) or the request failed ' +
                `(network, CSP, CORS, or a build that is no longer served). The browser console says which; ${new URL(url).origin}/v1/integrity.json gives the current URL and hash.`,
            ),
      );
    });
  });
  soxaraPromise = promise;
  promise.catch(() => {
    if (soxaraPromise === promise) soxaraPromise = null;
  });
  return promise;
}

export function initSoxara(
  Soxara: SoxaraConstructor | null,
  publishableKey: string,
  options: SoxaraOptions | undefined,
): SoxaraInstance | null {
  if (Soxara === null) return null;
  return options === undefined ? Soxara(publishableKey) : Soxara(publishableKey, options);
}

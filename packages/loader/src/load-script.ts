/**
 * Injecting Soxara.js once, the way stripe-js does it: reuse a `<script>` the page already has, inject
 * one otherwise, share one promise between callers, and forget that promise when the load fails so the
 * next call tries again (a flaky network must not break checkout until the page reloads).
 */
import type { SoxaraConstructor, SoxaraInstance, SoxaraOptions } from './types.ts';

export const DEFAULT_SCRIPT_URL = 'https://js.soxara.com/v1';

export interface LoadParameters {
  /**
   * Where Soxara.js is served. Default `https://js.soxara.com/v1`; `http://localhost:4020/v1` for the
   * local stack of this repo. Always the script itself, never a copy: it learns its frames' origin from
   * its own URL.
   */
  scriptUrl?: string;
}

interface SoxaraWindow {
  Soxara?: SoxaraConstructor;
}

let scriptUrl = DEFAULT_SCRIPT_URL;
let soxaraPromise: Promise<SoxaraConstructor | null> | null = null;

export function setLoadParameters(params: LoadParameters): void {
  if (soxaraPromise !== null) {
    throw new Error('setLoadParameters() must be called before Soxara.js starts loading (before the first loadSoxara() call).');
  }
  if (params.scriptUrl !== undefined) scriptUrl = validScriptUrl(params.scriptUrl);
}

function validScriptUrl(raw: string): string {
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
  if (url.pathname.replace(/\/$/, '') !== '/v1' || url.search || url.hash) {
    throw new Error('scriptUrl must be the script itself, e.g. https://js.soxara.com/v1');
  }
  return `${url.origin}/v1`;
}

/** Test hook: back to the state of a fresh page load. */
export function resetLoaderForTests(): void {
  scriptUrl = DEFAULT_SCRIPT_URL;
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

function findScript(url: string): HTMLScriptElement | null {
  for (const script of Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'))) {
    if (isSoxaraScript(script, url)) return script;
  }
  return null;
}

function injectScript(url: string): HTMLScriptElement {
  const script = document.createElement('script');
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
    const url = scriptUrl;
    let script: HTMLScriptElement;
    try {
      script = findScript(url) ?? injectScript(url);
    } catch (error) {
      reject(error);
      return;
    }
    script.addEventListener('load', () => {
      const loaded = (window as SoxaraWindow).Soxara;
      if (loaded) resolve(loaded);
      else reject(new Error(`Soxara.js loaded from ${url} but window.Soxara is not defined`));
    });
    script.addEventListener('error', () => {
      // Drop the dead tag so that the retry injects a fresh one instead of reusing it.
      script.remove();
      reject(new Error(`Failed to load Soxara.js from ${url}`));
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

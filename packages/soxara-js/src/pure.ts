/**
 * `@soxara/soxara-js/pure`: the loader without side effects. Nothing is injected until `loadSoxara()`
 * is called, for pages that should not load Soxara.js before the customer reaches the checkout.
 */
import { initSoxara, loadScript, setLoadParameters, type LoadParameters } from './load-script.ts';
import type { SoxaraInstance, SoxaraOptions } from './types.ts';

export type * from './types.ts';
export { DEFAULT_SCRIPT_URL, type EvergreenLoadParameters, type LoadParameters, type PinnedLoadParameters } from './load-script.ts';
export { SoxaraLoadError, type SoxaraLoadErrorCode } from './load-error.ts';

export interface LoadSoxara {
  /**
   * Loads Soxara.js (once per page) and returns `Soxara(publishableKey, options)`. Resolves `null`
   * where there is no `window` (server-side rendering). Rejects with a `SoxaraLoadError` when the
   * script cannot be loaded (`integrity_or_load_failed` for a pinned build); the next call tries again.
   */
  (publishableKey: string, options?: SoxaraOptions): Promise<SoxaraInstance | null>;
  /**
   * Where to load the script from, and optionally its pinned build and integrity
   * (`{ scriptUrl, integrity }` from `<JS origin>/v1/integrity.json`); call before the first `loadSoxara()`.
   */
  setLoadParameters(params: LoadParameters): void;
}

export const loadSoxara: LoadSoxara = Object.assign(
  async (publishableKey: string, options?: SoxaraOptions): Promise<SoxaraInstance | null> =>
    initSoxara(await loadScript(), publishableKey, options),
  { setLoadParameters },
);

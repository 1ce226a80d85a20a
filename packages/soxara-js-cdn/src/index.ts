/**
 * The script served at `<JS origin>/v1`: defines `window.Soxara` and nothing else (besides watching for a
 * merchant CSP that blocks the frames). The JS origin (where the frames live) is read from this
 * script's own URL, so one build serves every environment.
 */
import { explainBlockedFrames } from './csp-hint.ts';
import { IntegrationError } from './errors.ts';
import { createSoxara } from './soxara.ts';
import type { SoxaraConstructor, SoxaraOptions } from '@soxara/soxara-js';

const VERSION = '0.1.0';

function scriptOrigin(): string | null {
  const script = document.currentScript;
  const src = script instanceof HTMLScriptElement ? script.src : '';
  try {
    return src ? new URL(src).origin : null;
  } catch {
    return null;
  }
}

const jsOrigin = scriptOrigin();

// A plain function, so that `new Soxara(key)` works as well as `Soxara(key)`.
const Soxara = function Soxara(publishableKey: string, options?: SoxaraOptions) {
  if (!jsOrigin) throw new IntegrationError('Soxara.js must be loaded from its own <script src=".../v1"> tag, not bundled or inlined.');
  return createSoxara(jsOrigin, publishableKey, options);
} as SoxaraConstructor;
Object.defineProperty(Soxara, 'version', { value: VERSION });

declare global {
  interface Window {
    Soxara?: SoxaraConstructor;
  }
}

if (!window.Soxara) {
  window.Soxara = Soxara;
  if (jsOrigin) explainBlockedFrames(jsOrigin);
}

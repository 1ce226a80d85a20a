/**
 * What `<Elements soxara={…}>` was given: nothing yet (`null`, e.g. while rendering on the server),
 * a Soxara instance, or a promise of one (`loadSoxara()`'s). Only told apart here, never awaited:
 * a promise derived during render (StrictMode renders twice) could reject with no one listening.
 */
import type { SoxaraInstance } from '@soxara/soxara-js';

export type SoxaraProp = PromiseLike<SoxaraInstance | null> | SoxaraInstance | null;

export type ParsedSoxaraProp =
  | { tag: 'empty' }
  | { tag: 'sync'; soxara: SoxaraInstance }
  | { tag: 'async'; promise: PromiseLike<unknown> };

const INVALID_PROP =
  'Invalid prop `soxara` supplied to <Elements>: pass the promise loadSoxara() returns (from @soxara/soxara-js), a Soxara instance, or null.';

// The types keep TypeScript users right; plain JavaScript can pass anything.
export function isSoxaraInstance(value: unknown): value is SoxaraInstance {
  const candidate = value as Partial<Record<keyof SoxaraInstance, unknown>> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.elements === 'function' && typeof candidate.confirmPayment === 'function';
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Throws for a value that is neither null, an instance nor a promise: a mistake in the page's code. */
export function parseSoxaraProp(raw: unknown): ParsedSoxaraProp {
  if (raw === null || raw === undefined) return { tag: 'empty' };
  if (isPromiseLike(raw)) return { tag: 'async', promise: raw };
  if (isSoxaraInstance(raw)) return { tag: 'sync', soxara: raw };
  throw new Error(INVALID_PROP);
}

/**
 * The instance the prop stands for, or null while there is none. Rejects when the promise rejects
 * (the script could not load) or gives something that is not a Soxara instance.
 */
export async function resolveSoxaraProp(parsed: ParsedSoxaraProp): Promise<SoxaraInstance | null> {
  switch (parsed.tag) {
    case 'empty':
      return null;
    case 'sync':
      return parsed.soxara;
    case 'async': {
      const value = await parsed.promise;
      if (value === null || isSoxaraInstance(value)) return value;
      throw new Error(`The promise given to <Elements soxara={…}> resolved to something else than a Soxara instance. ${INVALID_PROP}`);
    }
  }
}

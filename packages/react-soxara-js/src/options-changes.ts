/**
 * What changed in `<Elements options>` since the form was made, split into what `elements.update()`
 * can apply to the mounted form and what is fixed for the form's life (the client secret is the
 * payment itself). The options are plain data written inline in JSX, so a new object with the same
 * content on every render is no change: values are compared by content.
 */
import { dequal } from 'dequal/lite';
import type { ElementsOptions } from './types.ts';

/** The options `elements.update()` takes; `amount` and `currency` are the deferred form's (`mode: 'payment'`). */
const UPDATABLE = new Set(['appearance', 'locale', 'amount', 'currency']);

export interface OptionsChanges {
  /** For `elements.update()`; null when nothing it can apply changed. */
  update: Record<string, unknown> | null;
  /** Changed options that cannot change once the form is made. */
  fixed: string[];
}

export function optionsChanges(applied: ElementsOptions, next: ElementsOptions): OptionsChanges {
  const before = applied as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  let update: Record<string, unknown> | null = null;
  const fixed: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (dequal(before[key], after[key])) continue;
    if (!UPDATABLE.has(key)) fixed.push(key);
    // A removed option cannot be un-set through update(): the form keeps the last value it had.
    else if (after[key] !== undefined) (update ??= {})[key] = after[key];
  }
  return { update, fixed };
}

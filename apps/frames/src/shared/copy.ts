/**
 * One shape for the strings of every frame: a bundle keeps one dictionary per locale with the same keys
 * (typing it `Copy<typeof en>` makes the compiler check that), and reads `copy[locale].key`. `{name}`
 * holes are filled by `fill`; Preact renders the result as text, never as HTML.
 *
 * Each frame bundles only its own dictionaries (the card frame has a size budget), so there is no
 * one dictionary for all of them.
 */
import type { ErrorInfo, Locale } from '@soxara/protocol';

export type Copy<Strings> = Readonly<Record<Locale, Strings>>;

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => values[name] ?? hole);
}

/**
 * The customer's words for error codes, in one locale. The error registry (@soxara/protocol) and the
 * API speak English; only the codes a customer reads differently in that locale are listed.
 */
export type ErrorCopy = Readonly<Partial<Record<string, string>>>;

/** `error` in the customer's words (by `decline_code`, then `code`), or unchanged when there are none. */
export function inCustomerWords(error: ErrorInfo, copy: ErrorCopy): ErrorInfo {
  const message = (error.decline_code && copy[error.decline_code]) || copy[error.code];
  return message ? { ...error, message } : error;
}

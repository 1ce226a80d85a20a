/**
 * The frames' strings, one dictionary per locale. `t(locale, key, values)` fills `{name}` holes;
 * values are text, and Preact renders them as text, never as HTML.
 */
import type { Locale } from '@soxara/protocol';
import { en } from './i18n/en.ts';
import { fr } from './i18n/fr.ts';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const dictionaries: Record<Locale, Messages> = { en, fr };

export function t(locale: Locale, key: MessageKey, values?: Record<string, string>): string {
  const template = dictionaries[locale][key];
  return values ? template.replace(/\{(\w+)\}/g, (hole, name: string) => values[name] ?? hole) : template;
}

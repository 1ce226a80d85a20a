/** Event types on the command line: exact types of the event reference, `*`, or a family (`payment.*`). */
import { EVENT_TYPES, isEventType, type EventType } from '@soxara/protocol';
import { usageError } from './errors.ts';

export function parseEventType(flag: string, raw: string): EventType {
  if (isEventType(raw)) return raw;
  throw usageError(`${flag}: "${raw}" is not one of the ${EVENT_TYPES.length} event types`, true);
}

/** `payment.succeeded,refund.*`, as `listen --events` takes it; `*` for all. */
export function parseEventList(flag: string, raw: string): Array<EventType | '*'> {
  const types = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (types.length === 0) throw usageError(`${flag} needs at least one event type, or *`);
  return [...new Set(types.flatMap((type) => (type === '*' ? ['*' as const] : expandFamily(flag, type))))];
}

/** One type, or every type of a family (`payment.*`), as `GET /v1/events?type=` accepts it. */
export function expandFamily(flag: string, raw: string): EventType[] {
  if (raw.endsWith('.*')) {
    const family = EVENT_TYPES.filter((type) => type.startsWith(raw.slice(0, -1)));
    if (family.length > 0) return family;
  }
  return [parseEventType(flag, raw)];
}

/** The longest type: lines that show types pad them to it, so the ids after them line up. */
export const TYPE_WIDTH = Math.max(...EVENT_TYPES.map((type) => type.length));

/** The 27 types in columns, for --help. */
export function eventTypeList(indent: string): string {
  const width = TYPE_WIDTH + 2;
  const lines: string[] = [];
  for (let i = 0; i < EVENT_TYPES.length; i += 3) {
    lines.push(indent + EVENT_TYPES.slice(i, i + 3).map((type) => type.padEnd(width)).join('').trimEnd());
  }
  return lines.join('\n');
}

/** Builds the event envelope exactly as the event reference's sample (shared/seeds/001_…) shows it. */
import type { EventType, SoxaraEvent } from '@soxara/protocol';
import { newId } from '../ids.ts';
import { isoSeconds } from '../time.ts';

export function buildEvent(type: EventType, object: object, now: Date = new Date()): SoxaraEvent {
  return {
    id: newId('evt'),
    object: 'event',
    type,
    livemode: false,
    created_at: isoSeconds(now.getTime()),
    data: { object },
  } as SoxaraEvent;
}

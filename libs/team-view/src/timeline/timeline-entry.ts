import { SharedEvent } from '@ips/contracts';
import { summarise } from './timeline-entry.summary';

export interface TimelineEntry {
  readonly eventId: string;
  readonly type: string;
  readonly agency: string;
  readonly occurredAt: string;
  readonly summary: string;
  readonly data: unknown;
}

export const timelineEntryOf = (event: SharedEvent): TimelineEntry => ({
  eventId: event.id,
  type: event.type,
  agency: event.source,
  occurredAt: event.occurredAt,
  summary: summarise(event),
  data: event.data,
});

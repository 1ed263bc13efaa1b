import { RecordedEvent } from '@ips/event-store';
import { Aggregate, DomainEvent, fold } from '@ips/kernel';

/** A stored event as the domain's event type: the store keeps type and data as they were appended. */
export const asDomainEvent = <E extends DomainEvent>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as unknown as E;

export const foldRecorded = <S, E extends DomainEvent>(aggregate: Aggregate<S, E>, events: readonly RecordedEvent[]): S =>
  fold(
    aggregate,
    events.map((event) => asDomainEvent<E>(event)),
  );

/** Whether a stored event belongs to one of `aggregate`'s streams. */
export const isOf = (aggregate: { readonly category: string }, event: RecordedEvent): boolean => event.streamId.startsWith(`${aggregate.category}-`);

import { DomainEvent } from '@ips/kernel';
import { RecordedEvent } from './event-store.port';

/** Whether a stored event belongs to one of `aggregate`'s streams. */
export const isOf = (aggregate: { readonly category: string }, event: RecordedEvent): boolean => event.streamId.startsWith(`${aggregate.category}-`);

/** Every type of an aggregate's events, named once: the compiler checks the list is whole and holds nothing else. */
export type EventTypes<E extends DomainEvent> = { readonly [T in E['type']]: true };

/**
 * A type guard for read models and checks that fold stored events as they are: a stored event of one of `aggregate`'s streams whose type is one of `types` is
 * that domain event, as the store keeps type and data as the aggregate appended them (personal fields still sealed).
 *
 *     const isPlacementStarted = recordedOf<PlacementStarted>(participantEmploymentAggregate, { PlacementStarted: true });
 */
export const recordedOf =
  <E extends DomainEvent>(aggregate: { readonly category: string }, types: EventTypes<E>) =>
  (event: RecordedEvent): event is RecordedEvent & E =>
    isOf(aggregate, event) && Object.hasOwn(types, event.type);

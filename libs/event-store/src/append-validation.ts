import { InvalidAppendError } from './event-store.errors';
import { AppendRequest } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What every adapter refuses before touching its engine: the same InvalidAppendError on PostgreSQL and KurrentDB. */
export function validateAppend(request: AppendRequest): void {
  if (typeof request.streamId !== 'string' || request.streamId.length === 0) throw new InvalidAppendError('streamId must be a non-empty string');
  const expected = request.expectedVersion;
  if (expected !== 'any' && !(Number.isSafeInteger(expected) && expected >= 0))
    throw new InvalidAppendError('expectedVersion must be a whole number from 0, or "any"');
  if (!Array.isArray(request.events) || request.events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  const ids = new Set<string>();
  for (const event of request.events) {
    if (!UUID.test(event.eventId)) throw new InvalidAppendError(`eventId ${event.eventId} is not a UUID`);
    if (ids.has(event.eventId)) throw new InvalidAppendError(`eventId ${event.eventId} appears twice`);
    ids.add(event.eventId);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppendError('event type is empty');
  }
  for (const message of request.outbox ?? []) {
    if (!UUID.test(message.messageId)) throw new InvalidAppendError(`messageId ${message.messageId} is not a UUID`);
    if (!message.key) throw new InvalidAppendError('outbox message key is empty');
  }
}

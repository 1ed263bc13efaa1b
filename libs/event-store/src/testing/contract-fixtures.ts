import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@ips/utils';
import { EventStore, EventToAppend, OutboxMessage, RecordedEvent, RecordedOutboxMessage } from '../event-store.port';

/** What the event-store contracts append and read, shared by the port suite and the PostgreSQL one. */

/** Every event after `after`, paged. */
export async function readAllAfter(store: EventStore, after: number, pageSize = 500): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll(all.at(-1)?.globalPosition ?? after, pageSize);
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/** Every outbox message after `after`, paged. */
export async function readOutboxAfter(store: EventStore, after: number): Promise<RecordedOutboxMessage[]> {
  const all: RecordedOutboxMessage[] = [];
  for (;;) {
    const page = await store.readOutbox(all.at(-1)?.position ?? after, 500);
    if (page.length === 0) return all;
    all.push(...page);
  }
}

export const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );

export const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

/** A stream of the test's own: `<suite>-<label>-<uuid>`. */
export const newStreamId = (suite: string, label: string): string => `${suite}-${label}-${randomUUID()}`;

export function someEvents(count: number, source: string): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({ eventId: uuidv7(), type: 'ThingHappened', data: { n: i + 1 }, metadata: { source } }));
}

export function message(): OutboxMessage {
  return { messageId: uuidv7(), key: `key-${randomUUID()}`, type: 'ThingShared', payload: { at: new Date().toISOString() } };
}

export function someMessages(count: number): OutboxMessage[] {
  return Array.from({ length: count }, () => message());
}

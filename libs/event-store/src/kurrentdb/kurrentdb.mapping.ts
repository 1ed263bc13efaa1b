import { InvalidAppendError, StreamVersionConflictError } from '../event-store.errors';
import { AppendRequest, ExpectedVersion, JsonObject, OutboxMessage, RecordedEvent, RecordedOutboxMessage } from '../event-store.port';

/**
 * The port's positions on KurrentDB (decision 17): the commit position of an append's last event, times
 * SLOTS, plus the index of the event (or outbox message) within the append. Commit positions are byte
 * offsets into the transaction log, so they grow but are not consecutive, and the events of one append may
 * share one; the index makes each event's number unique and keeps $all order.
 */
export const SLOTS = 1024;

/** Past this commit position (8 TiB of log) a position would not be a safe integer: refused, never rounded. */
export const MAX_COMMIT = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / SLOTS));

/** Streams the adapter keeps for itself (checkpoints); never the port's streams, never read as events. */
export const INTERNAL_PREFIX = 'ips-internal-';

export function toPosition(commit: bigint, index: number): number {
  if (commit < 0n || commit > MAX_COMMIT) throw new RangeError(`commit position ${commit} does not fit the port's positions`);
  if (!Number.isInteger(index) || index < 0 || index >= SLOTS) throw new RangeError(`index ${index} is outside 0..${SLOTS - 1}`);
  return Number(commit) * SLOTS + index;
}

/** The commit position to read $all from to see everything after `position` again (the caller skips what it saw). */
export const commitOf = (position: number): bigint => BigInt(Math.floor(position / SLOTS));

/** The client's stream state for the port's expected version: the stream's event count n is revision n - 1. */
export type StreamStateFor = 'any' | 'no_stream' | bigint;

export function streamStateFor(expected: ExpectedVersion): StreamStateFor {
  if (expected === 'any') return 'any';
  return expected === 0 ? 'no_stream' : BigInt(expected - 1);
}

/** The port's version (event count) of a stream state the server reports. */
export function versionOf(state: 'no_stream' | bigint | undefined): number {
  return state === undefined || state === 'no_stream' ? 0 : Number(state) + 1;
}

export function conflict(streamId: string, expected: ExpectedVersion, actual: 'no_stream' | bigint | undefined): StreamVersionConflictError {
  return new StreamVersionConflictError(streamId, expected, versionOf(actual));
}

/** Checks the KurrentDB-only limits on top of the shared validation. */
export function validateForKurrent(request: AppendRequest): void {
  if (request.streamId.startsWith('$') || request.streamId.startsWith(INTERNAL_PREFIX)) {
    throw new InvalidAppendError(`streamId ${request.streamId} is reserved on KurrentDB`);
  }
  if (request.events.length > SLOTS) throw new InvalidAppendError(`at most ${SLOTS} events per append on KurrentDB`);
  if ((request.outbox?.length ?? 0) > SLOTS) throw new InvalidAppendError(`at most ${SLOTS} outbox messages per append on KurrentDB`);
}

export type Idempotency = 'new' | 'repeat' | 'partial';

/**
 * The port's durable idempotency, decided on the stream's stored ids rather than the server's short
 * de-duplication window: every id already there is a repeat (nothing is written), some is a client bug.
 */
export function idempotencyOf(storedIds: ReadonlySet<string>, request: AppendRequest): Idempotency {
  const found = request.events.filter((event) => storedIds.has(event.eventId)).length;
  if (found === 0) return 'new';
  return found === request.events.length ? 'repeat' : 'partial';
}

/** What the adapter stores as an event's metadata: the caller's metadata, its place in the append, and the outbox. */
export interface Envelope {
  readonly metadata: JsonObject;
  readonly index: number;
  readonly count: number;
  /** The append's outbox messages, on its last event only: written with the events, atomically, or not at all. */
  readonly outbox?: readonly OutboxMessage[];
}

export function envelopesOf(request: AppendRequest): Envelope[] {
  const count = request.events.length;
  return request.events.map((event, index) => ({
    metadata: event.metadata ?? {},
    index,
    count,
    ...(index === count - 1 && request.outbox && request.outbox.length > 0 ? { outbox: request.outbox } : {}),
  }));
}

export function envelopeOf(stored: unknown): Envelope | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { metadata, index, count, outbox } = stored as Partial<Envelope>;
  if (typeof metadata !== 'object' || metadata === null || !Number.isInteger(index) || !Number.isInteger(count)) return undefined;
  return { metadata, index: index as number, count: count as number, ...(Array.isArray(outbox) ? { outbox } : {}) };
}

/** One stored event as the adapter sees it, whatever the client's types. */
export interface StoredEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly envelope: Envelope;
  readonly created: Date;
  /** Commit position in $all; undefined when the server did not report one. */
  readonly commit: bigint | undefined;
}

/**
 * Collects stored events into whole appends: an append's events are contiguous in $all and in their stream,
 * and all of them take their position from the last one's commit position.
 */
export class AppendAssembler {
  private pending: StoredEvent[] = [];

  /** Whether an append has begun and not ended: a position here would split it. */
  get partial(): boolean {
    return this.pending.length > 0;
  }

  /** The append this event completes, or undefined while it is still incomplete. */
  push(event: StoredEvent): StoredEvent[] | undefined {
    if (event.envelope.index === 0) this.pending = [];
    this.pending.push(event);
    if (event.envelope.index < event.envelope.count - 1) return undefined;
    const whole = this.pending;
    this.pending = [];
    return whole.length === event.envelope.count ? whole : undefined;
  }
}

export function toRecordedEvents(append: readonly StoredEvent[]): RecordedEvent[] {
  const commit = append.at(-1)?.commit;
  return append.map((event) => ({
    streamId: event.streamId,
    streamPosition: Number(event.revision) + 1,
    // 0 only where the server gave no $all position (decision 17): stream reads on servers that omit it.
    globalPosition: commit === undefined ? 0 : toPosition(commit, event.envelope.index),
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: event.envelope.metadata,
    recordedAt: event.created.toISOString(),
  }));
}

export function toOutboxMessages(append: readonly StoredEvent[]): RecordedOutboxMessage[] {
  const carrier = append.at(-1);
  if (!carrier?.envelope.outbox || carrier.commit === undefined) return [];
  const commit = carrier.commit;
  return carrier.envelope.outbox.map((message, index) => ({
    ...message,
    position: toPosition(commit, index),
    recordedAt: carrier.created.toISOString(),
  }));
}

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: Backoff = { initialMs: 250, maxMs: 30_000 };

/** Delay before resubscription attempt `attempt` (1-based): doubling from `initialMs`, at most `maxMs`. */
export function backoffDelay(attempt: number, backoff: Backoff = defaultBackoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

import { RecordedEvent } from './event-store.port';

/** Where a record sits in its source: one of the source's streams (a store's log, a Kafka partition) and a position that grows in it. */
export interface Cursor {
  readonly stream: string;
  readonly position: number;
}

export interface FollowOptions<T> {
  /** Names the follower: its checkpoints, its consumer group. */
  readonly name: string;
  /** Where the follower's stored checkpoint of a stream stands (0: none); the source starts after it where it can. */
  readonly resumeAfter: (stream: string) => Promise<number>;
  /**
   * One stream's records, in order. Delivery is at least once: a run may come again (after a failure, a restart, a
   * lagging broker offset), so the follower skips what its checkpoint says it already applied.
   */
  readonly handle: (run: readonly T[]) => Promise<void>;
  /** How long a source that polls waits when it found nothing (sources that are told of new records may ignore it). */
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

export interface Following {
  stop(): Promise<void>;
}

/**
 * A checkpointed source of recorded items, delivered in runs (decision 5): a store's events or a bus's messages.
 * The follower keeps its checkpoints itself, in its own SQL database, moved in the transaction that applies a run.
 */
export interface RecordSource<T> {
  cursorOf(record: T): Cursor;
  follow(options: FollowOptions<T>): Promise<Following>;
  /** Where each stream ends now: a follower whose checkpoints reach these has seen everything committed before the call. */
  ends(): Promise<ReadonlyMap<string, number>>;
}

/** The one stream of a store's events as a source: all of them, in global order, at their global positions. */
export const ALL_EVENTS = '$all';

/** An event store whose events can be followed. */
export interface EventFeed {
  readonly events: RecordSource<RecordedEvent>;
}

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
   *
   * `through` comes only from a source that filters (`categories`): the source has read its stream up to that cursor and
   * every record up to it that passes the filter is in this run or an earlier one, so the follower may move its
   * checkpoint there with the run (the run may then be empty). Without it a follower stuck behind a long stretch of
   * other categories' records would read that stretch again on every start, and never reach `ends()`.
   */
  readonly handle: (run: readonly T[], through?: Cursor) => Promise<void>;
  /**
   * Only the records of streams in these categories (see `streamCategoryOf`), e.g. `['employer']`: the source filters
   * where it reads (an indexed query on PostgreSQL, a server-side stream-prefix filter on KurrentDB), the cursor stays
   * the stream's global position, so checkpoints taken with or without a filter mean the same. Absent: every record.
   * A source with no notion of categories (the bus) may ignore it and deliver everything, so a follower that depends on
   * the filter keeps checking `streamCategoryOf` itself.
   */
  readonly categories?: readonly string[];
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

/**
 * A stream's category for a filtered follow: its id up to the first '.', the service that owns it (stream ids are
 * `<service>.<aggregate>-<id>`, see `streamId`), so `employer` for `employer.contact-request-…`. Coarser than an
 * aggregate's own `category` (`employer.contact-request`). An id without '.' has no category and matches no filter.
 */
export const streamCategoryOf = (streamId: string): string | undefined => {
  const dot = streamId.indexOf('.');
  return dot > 0 ? streamId.slice(0, dot) : undefined;
};

/** Whether a stream passes a follow's category filter (none: every stream). */
export const inCategories = (streamId: string, categories: readonly string[] | undefined): boolean => {
  if (categories === undefined) return true;
  const category = streamCategoryOf(streamId);
  return category !== undefined && categories.includes(category);
};

/** The one stream of a store's events as a source: all of them, in global order, at their global positions. */
export const ALL_EVENTS = '$all';

/** An event store whose events can be followed. */
export interface EventFeed {
  readonly events: RecordSource<RecordedEvent>;
}

import { EventEmitter } from 'node:events';
import { SqlDriver, SqlExecutor, SqlRow, lookupsInFlight, migrate } from '@ips/postgres';
import { BatchOutcome, BatchedLookup, GroupCommit, PollingWorker } from '@ips/utils';
import { appendTraced } from '../append-tracing';
import { validateAppend } from '../append-validation';
import { DuplicateEventIdsError, StreamVersionConflictError } from '../event-store.errors';
import { APPEND_BATCH_SQL, eventStoreMigrations } from './event-store.migrations';
import {
  AppendRequest,
  AppendResult,
  EventStore,
  JsonObject,
  OutboxFeed,
  RecordedEvent,
  RecordedOutboxMessage,
  StreamRead,
  Subscription,
} from '../event-store.port';
import { ALL_EVENTS, EventFeed, FollowOptions, Following, RecordSource } from '../record-source.port';

type AppendRow = {
  r_i: number;
  r_version: unknown;
  r_found: unknown;
  r_streams: unknown;
  r_seen_stream: string | null;
  r_last: unknown;
  r_event_base: unknown;
};

export interface SubscriptionOptions<T> {
  /** Names the stored checkpoint; one active reader per name across all processes. */
  readonly name: string;
  /**
   * Runs in the transaction that also moves the checkpoint: its effects and the checkpoint commit together.
   * With `transactional: false` it runs outside any transaction and the checkpoint moves after it
   * succeeds (at-least-once): for handlers whose effect is elsewhere, like publishing to a bus.
   */
  readonly handle: (items: readonly T[], executor: SqlExecutor) => Promise<void>;
  readonly transactional?: boolean;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Told after a batch's effects and checkpoint have committed: what follows the read models is woken here. */
  readonly onCommitted?: () => void;
  /**
   * The least time between the end of one step and the start of the next (default 30 ms): under load, what
   * commits meanwhile gathers into one larger batch, fewer statements and transactions an event; a step after a
   * quieter spell starts at once.
   */
  readonly settleMs?: number;
}

export interface PostgresEventStoreOptions {
  readonly maxBatch?: number;
  readonly maxInFlight?: number;
  /** Told of each group commit's statement (metrics); optional. */
  readonly observer?: AppendObserver;
}

/** What a group commit did: appends sent together, the events they wrote, and the time it took. */
export interface AppendObserver {
  appendBatchCommitted(requests: number, events: number, seconds: number): void;
}

/** The outbox beyond a relay's checkpoint: messages waiting, and the oldest's age in seconds (0 when none waits). */
export interface OutboxBacklog {
  readonly waiting: number;
  readonly oldestSeconds: number;
}

const EVENT_COLUMNS = `global_position, stream_id, stream_position, event_id, type, data, metadata, recorded_at`;
const OUTBOX_COLUMNS = `position, message_id, partition_key, type, payload, trace_parent, recorded_at`;

type EventRow = {
  global_position: unknown;
  stream_id: string;
  stream_position: unknown;
  event_id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  recorded_at: unknown;
};
type OutboxRow = {
  position: unknown;
  message_id: string;
  partition_key: string;
  type: string;
  payload: JsonObject;
  trace_parent: string | null;
  recorded_at: unknown;
};

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();

const toEvent = (row: EventRow): RecordedEvent => ({
  globalPosition: Number(row.global_position),
  streamId: row.stream_id,
  streamPosition: Number(row.stream_position),
  eventId: row.event_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: iso(row.recorded_at),
});

const toOutboxMessage = (row: OutboxRow): RecordedOutboxMessage => ({
  position: Number(row.position),
  messageId: row.message_id,
  key: row.partition_key,
  type: row.type,
  payload: row.payload,
  ...(row.trace_parent ? { traceparent: row.trace_parent } : {}),
  recordedAt: iso(row.recorded_at),
});

/** A table read in position order, from a position on: the events, or the outbox. */
interface Log<T, R extends SqlRow> {
  readonly table: string;
  readonly position: string;
  readonly columns: string;
  readonly map: (row: R) => T;
  readonly positionOf: (item: T) => number;
}

const EVENT_LOG: Log<RecordedEvent, EventRow> = {
  table: 'es_events',
  position: 'global_position',
  columns: EVENT_COLUMNS,
  map: toEvent,
  positionOf: (event) => event.globalPosition,
};

const OUTBOX_LOG: Log<RecordedOutboxMessage, OutboxRow> = {
  table: 'es_outbox',
  position: 'position',
  columns: OUTBOX_COLUMNS,
  map: toOutboxMessage,
  positionOf: (message) => message.position,
};

/** The next `$2` items of a log after the position `after` (a parameter or a subquery), in order. */
const readAfterSql = (log: Pick<Log<unknown, never>, 'table' | 'position' | 'columns'>, after: string): string =>
  `select ${log.columns} from ${log.table} where ${log.position} > ${after} order by ${log.position} limit $2`;

/**
 * The event store on PostgreSQL: the same SQL on a server (`pg`) and in-process (PGlite).
 * Call `PostgresEventStore.open`, which applies the schema migrations first.
 */
export class PostgresEventStore implements EventStore, OutboxFeed, EventFeed {
  private readonly committed = new EventEmitter();
  private readonly appends: GroupCommit<AppendRequest, AppendResult>;
  private readonly streams: BatchedLookup<string, RecordedEvent[]>;

  private readonly observer: AppendObserver | undefined;

  private constructor(
    readonly driver: SqlDriver,
    options: PostgresEventStoreOptions,
  ) {
    this.observer = options.observer;
    this.committed.setMaxListeners(0);
    this.appends = new GroupCommit((batch) => this.appendBatch(batch), {
      maxBatch: options.maxBatch ?? 500,
      maxInFlight: options.maxInFlight ?? 1,
      keyOf: (request) => request.streamId,
    });
    this.streams = new BatchedLookup((ids) => this.readStreams(ids), [], {
      maxInFlight: lookupsInFlight(driver),
    });
  }

  static async open(driver: SqlDriver, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    await migrate(driver, eventStoreMigrations);
    return new PostgresEventStore(driver, options);
  }

  append(request: AppendRequest): Promise<AppendResult> {
    try {
      validateAppend(request);
    } catch (error) {
      return Promise.reject(error);
    }
    return appendTraced(request, 'postgresql', (traced) => this.appends.submit(traced));
  }

  /** Reads asked at the same time share one query (a busy service reads many small streams at once). */
  async readStream(streamId: string): Promise<StreamRead> {
    const events = await this.streams.get(streamId);
    return { streamId, version: events.at(-1)?.streamPosition ?? 0, events };
  }

  private async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, RecordedEvent[]>> {
    const rows = await this.driver.query<EventRow>(`select ${EVENT_COLUMNS} from es_read_streams($1::text[])`, [streamIds]);
    const byStream = new Map<string, RecordedEvent[]>();
    for (const row of rows) {
      const event = toEvent(row);
      const events = byStream.get(event.streamId);
      if (events) events.push(event);
      else byStream.set(event.streamId, [event]);
    }
    return byStream;
  }

  readAll(afterPosition: number, limit: number, executor: SqlExecutor = this.driver): Promise<readonly RecordedEvent[]> {
    return executor.query<EventRow>(readAfterSql(EVENT_LOG, '$1'), [afterPosition, limit]).then((rows) => rows.map(toEvent));
  }

  readOutbox(afterPosition: number, limit: number, executor: SqlExecutor = this.driver): Promise<readonly RecordedOutboxMessage[]> {
    return executor.query<OutboxRow>(readAfterSql(OUTBOX_LOG, '$1'), [afterPosition, limit]).then((rows) => rows.map(toOutboxMessage));
  }

  /** Hands every event, in global order, to `handle`, resuming after the stored checkpoint. */
  subscribe(options: SubscriptionOptions<RecordedEvent>): Subscription {
    return this.follow(options, EVENT_LOG);
  }

  /** The same for outbox messages: the relay to the bus is built on this. */
  subscribeToOutbox(options: SubscriptionOptions<RecordedOutboxMessage>): Subscription {
    return this.follow(options, OUTBOX_LOG);
  }

  /** Its events as a source for projections that keep their checkpoints in their own database (decision 5). */
  readonly events: RecordSource<RecordedEvent> = {
    cursorOf: (event) => ({ stream: ALL_EVENTS, position: event.globalPosition }),
    follow: async (options) => this.followEvents(options),
    ends: async () => new Map([[ALL_EVENTS, await this.head()]]),
  };

  /**
   * Reads the events after where the follower stands, in global order, woken by this store's commits and polling for
   * other processes'. A failed run is read again from the follower's checkpoint. Global positions are handed out in
   * commit order (decision 2), so reading outside the follower's transaction never skips an event.
   *
   * With `categories`, only those categories' events, through an index (es_read_categories), and each run says how far
   * the log was read (`through`): the head as the read began when the page was not full. So when other categories'
   * events are all that was committed, the follower's checkpoint still moves to the head (decision 37).
   */
  private followEvents(options: FollowOptions<RecordedEvent>, batchSize = 500): Following {
    let after: number | undefined;
    const { categories } = options;
    const { stop } = this.stepOnCommits(options, 30, async () => {
      after ??= await options.resumeAfter(ALL_EVENTS);
      const { events, through } = categories
        ? await this.readCategories(after, batchSize, categories)
        : { events: await this.readAll(after, batchSize), through: undefined };
      const last = events.at(-1)?.globalPosition ?? after;
      const reached = Math.max(last, through ?? 0);
      if (reached <= after) return false;
      try {
        await options.handle(events, through !== undefined && through > last ? { stream: ALL_EVENTS, position: through } : undefined);
      } catch (error) {
        after = undefined;
        throw error;
      }
      after = reached;
      return events.length === batchSize;
    });
    return { stop };
  }

  /**
   * The next `limit` events of `categories` after `afterPosition`, and how far that read the log: every matching event up
   * to `through` is among them (the head when the page is not full, else the page's last).
   */
  async readCategories(
    afterPosition: number,
    limit: number,
    categories: readonly string[],
    executor: SqlExecutor = this.driver,
  ): Promise<{ readonly events: readonly RecordedEvent[]; readonly through: number }> {
    const rows = await executor.query<EventRow & { head: unknown }>('select * from es_read_categories($1, $2, $3::text[])', [afterPosition, limit, categories]);
    const events = rows.filter((row) => row.global_position !== null).map(toEvent);
    const head = Number(rows[0]?.head ?? 0);
    const through = events.length === limit ? (events.at(-1) as RecordedEvent).globalPosition : Math.max(head, afterPosition);
    return { events, through };
  }

  /**
   * Runs `step` when this store commits and every `pollIntervalMs` for other processes' commits, at most once per
   * `settleMs`: under load what commits meanwhile gathers into one larger run (decision 20).
   */
  private stepOnCommits(
    options: { readonly pollIntervalMs?: number; readonly onError?: (error: unknown) => void },
    settleMs: number,
    step: () => Promise<boolean>,
  ): { idle(): Promise<void>; stop(): Promise<void> } {
    let lastStepEnded = -Infinity;
    const worker = new PollingWorker({
      idleDelayMs: options.pollIntervalMs ?? 500,
      onError: options.onError,
      step: async () => {
        const since = performance.now() - lastStepEnded;
        if (since < settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs - since));
        try {
          return await step();
        } finally {
          lastStepEnded = performance.now();
        }
      },
    });
    const wake = (): void => worker.wake();
    this.committed.on('commit', wake);
    worker.start();
    return {
      idle: () => worker.idle(),
      stop: async () => {
        this.committed.off('commit', wake);
        await worker.stop();
      },
    };
  }

  /** How many events of `categories` there are up to `upTo` (a rebuild's progress): counted in the category index. */
  async countCategories(upTo: number, categories: readonly string[], executor: SqlExecutor = this.driver): Promise<number> {
    const [row] = await executor.query<{ n: unknown }>(
      `select count(*) as n from es_events
        where split_part(stream_id, '.', 1) = any($2::text[]) and strpos(stream_id, '.') > 1 and global_position <= $1`,
      [upTo, categories],
    );
    return Number(row?.n ?? 0);
  }

  /** The global position of the last committed event (0 when empty): how far a subscription must get to be caught up. */
  async head(): Promise<number> {
    const [row] = await this.driver.query<{ head: unknown }>('select coalesce(max(global_position), 0) as head from es_events');
    return Number(row?.head ?? 0);
  }

  /** The position of the last committed outbox message (0 when empty): where "everything written so far" ends. */
  async outboxHead(): Promise<number> {
    const [row] = await this.driver.query<{ head: unknown }>('select coalesce(max(position), 0) as head from es_outbox');
    return Number(row?.head ?? 0);
  }

  async rewindOutbox(name: string): Promise<void> {
    await this.driver.query('update es_checkpoints set position = 0, updated_at = now() where name = $1', [name]);
  }

  /** What waits in the outbox beyond the subscription `name` (the relay): outbox positions have no gaps (es_counters). */
  async outboxBacklog(name: string): Promise<OutboxBacklog> {
    const [row] = await this.driver.query<{ waiting: unknown; oldest: unknown }>(
      `with cp as (select coalesce((select position from es_checkpoints where name = $1), 0) as position)
       select greatest((select coalesce(max(position), 0) from es_outbox) - cp.position, 0) as waiting,
              coalesce(extract(epoch from now() - (select recorded_at from es_outbox where position > cp.position order by position limit 1)), 0) as oldest
         from cp`,
      [name],
    );
    return { waiting: Number(row?.waiting ?? 0), oldestSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
  }

  async checkpoint(name: string): Promise<number> {
    const [row] = await this.driver.query<{ position: unknown }>('select position from es_checkpoints where name = $1', [name]);
    return row ? Number(row.position) : 0;
  }

  private follow<T, R extends SqlRow>(options: SubscriptionOptions<T>, log: Log<T, R>): Subscription {
    const batchSize = options.batchSize ?? 500;
    let registered = false;
    const stepOnce = async (): Promise<boolean> => {
      if (!registered) {
        await this.driver.query('insert into es_checkpoints (name, position) values ($1, 0) on conflict (name) do nothing', [options.name]);
        registered = true;
      }
      /** How many items it handled (0: none, or another process holds the checkpoint). */
      const step = async (executor: SqlExecutor, lock: string): Promise<number> => {
        // The checkpoint and what follows it in one statement. The checkpoint is a scalar subquery (an InitPlan),
        // so the read is an index range scan; as a join it scans from the start.
        const rows = await executor.query<R>(readAfterSql(log, `(select position from es_checkpoints where name = $1 ${lock})`), [options.name, batchSize]);
        if (rows.length === 0) return 0;
        const items = rows.map(log.map);
        await options.handle(items, executor);
        await executor.query('update es_checkpoints set position = $2, updated_at = now() where name = $1', [
          options.name,
          log.positionOf(items[items.length - 1] as T),
        ]);
        return items.length;
      };
      const handled =
        options.transactional === false
          ? await step(this.driver, '')
          : // SKIP LOCKED: another process holding this checkpoint is the active reader; we stand by.
            await this.driver.transaction((tx) => step(tx, 'for update skip locked'));
      if (handled > 0) options.onCommitted?.();
      // A short batch reached the head as it was read: no second look (in PGlite a whole transaction). A commit
      // since then has woken this worker, which then steps again at once; other processes' commits are polled.
      return handled === batchSize;
    };
    const { idle, stop } = this.stepOnCommits(options, options.settleMs ?? 30, stepOnce);
    return { caughtUp: idle, stop };
  }

  private async appendBatch(batch: readonly AppendRequest[]): Promise<readonly BatchOutcome<AppendResult>[]> {
    const started = performance.now();
    try {
      const outcomes = await this.callAppend(batch);
      this.observed(batch.length, outcomes, started);
      return outcomes;
    } catch (error) {
      if (batch.length === 1 && !lostRace(error)) throw error;
      // One request broke the whole statement (a race with another process on a stream or an event id):
      // decide each alone, so one conflict never fails the others.
      const outcomes: BatchOutcome<AppendResult>[] = [];
      for (const request of batch) outcomes.push(await this.appendAlone(request));
      this.observed(batch.length, outcomes, started);
      return outcomes;
    }
  }

  /** The batch's size, the events it wrote (not duplicates, conflicts or failures) and the time it took. */
  private observed(requests: number, outcomes: readonly BatchOutcome<AppendResult>[], started: number): void {
    if (!this.observer) return;
    const committed = outcomes.filter((outcome) => outcome.ok && !outcome.value.duplicate) as { value: AppendResult }[];
    const events = committed.reduce((sum, { value }) => sum + ((value.lastPosition ?? 0) - (value.firstPosition ?? 1) + 1), 0);
    this.observer.appendBatchCommitted(requests, events, (performance.now() - started) / 1000);
  }

  /** A lost race is decided again on the winner's committed state: a conflict, a duplicate, or success. */
  private async appendAlone(request: AppendRequest): Promise<BatchOutcome<AppendResult>> {
    for (let attempt = 1; ; attempt++) {
      try {
        const [outcome] = await this.callAppend([request]);
        return outcome as BatchOutcome<AppendResult>;
      } catch (error) {
        if (!lostRace(error) || attempt >= 5) return { ok: false, error };
      }
    }
  }

  private async callAppend(batch: readonly AppendRequest[]): Promise<BatchOutcome<AppendResult>[]> {
    const events = batch.flatMap((request, i) => request.events.map((event) => ({ i, event })));
    const outbox = batch.flatMap((request, i) => (request.outbox ?? []).map((message) => ({ i, message })));
    const rows = await this.driver.query<AppendRow>(APPEND_BATCH_SQL, [
      batch.map((_, i) => i),
      batch.map((request) => request.streamId),
      batch.map((request) => (request.expectedVersion === 'any' ? null : request.expectedVersion)),
      batch.map((request) => request.events.length),
      batch.map((request) => request.outbox?.length ?? 0),
      events.map(({ i }) => i),
      events.map(({ event }) => event.eventId),
      events.map(({ event }) => event.type),
      events.map(({ event }) => JSON.stringify(event.data)),
      events.map(({ event }) => JSON.stringify(event.metadata ?? {})),
      outbox.map(({ i }) => i),
      outbox.map(({ message }) => message.messageId),
      outbox.map(({ message }) => message.key),
      outbox.map(({ message }) => message.type),
      outbox.map(({ message }) => JSON.stringify(message.payload)),
      outbox.map(({ message }) => message.traceparent ?? null),
    ]);
    const byIndex = new Map(rows.map((row) => [Number(row.r_i), row]));
    let nextPosition = Number(rows[0]?.r_event_base ?? 0) + 1;
    const outcomes = batch.map((request, i): BatchOutcome<AppendResult> => {
      const row = byIndex.get(i);
      if (!row) return { ok: false, error: new Error(`no result for append ${i}`) };
      const version = Number(row.r_version);
      if (row.r_found !== null) {
        const whole = Number(row.r_found) === request.events.length && Number(row.r_streams) === 1 && row.r_seen_stream === request.streamId;
        return whole
          ? {
              ok: true,
              value: { nextExpectedVersion: Number(row.r_last), firstPosition: null, lastPosition: null, duplicate: true },
            }
          : { ok: false, error: new DuplicateEventIdsError(request.streamId) };
      }
      if (request.expectedVersion !== 'any' && request.expectedVersion !== version) {
        return { ok: false, error: new StreamVersionConflictError(request.streamId, request.expectedVersion, version) };
      }
      const firstPosition = nextPosition;
      nextPosition += request.events.length;
      return {
        ok: true,
        value: {
          nextExpectedVersion: version + request.events.length,
          firstPosition,
          lastPosition: nextPosition - 1,
          duplicate: false,
        },
      };
    });
    if (outcomes.some((outcome) => outcome.ok && !outcome.value.duplicate)) this.committed.emit('commit');
    return outcomes;
  }
}

/** Unique violation (another transaction took the stream position or event id first) or deadlock. */
const lostRace = (error: unknown): boolean => ['23505', '40P01'].includes((error as { code?: string }).code ?? '');

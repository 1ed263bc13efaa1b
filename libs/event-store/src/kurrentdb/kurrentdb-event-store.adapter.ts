import {
  ANY,
  AppendStreamState,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  Position,
  ResolvedEvent,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import { PollingWorker } from '@ips/utils';
import { validateAppend } from '../append-validation';
import { DuplicateEventIdsError } from '../event-store.errors';
import {
  AppendRequest,
  AppendResult,
  EventStore,
  JsonObject,
  OutboxFeed,
  OutboxSubscriptionOptions,
  RecordedEvent,
  RecordedOutboxMessage,
  StreamRead,
  Subscription,
} from '../event-store.port';
import { ALL_EVENTS, EventFeed, RecordSource, inCategories } from '../record-source.port';
import { Feed, Passed, startCatchUp } from './catch-up-subscription';
import {
  AppendAssembler,
  INTERNAL_PREFIX,
  StoredEvent,
  StreamStateFor,
  commitOf,
  conflict,
  envelopeOf,
  envelopesOf,
  idempotencyOf,
  streamStateFor,
  toOutboxMessages,
  toPosition,
  toRecordedEvents,
  SLOTS,
  validateForKurrent,
  versionOf,
} from './kurrentdb.mapping';
import { appendTraced } from '../append-tracing';

/** How many $all events one read asks for while looking for a page. */
const READ_CHUNK = 500;

/** The port's stream state on the client's constants (the only place that knows them). */
const toClientState = (state: StreamStateFor): AppendStreamState => (state === 'any' ? ANY : state === 'no_stream' ? NO_STREAM : state);

const toClientActual = (state: unknown): 'no_stream' | bigint | undefined =>
  typeof state === 'bigint' ? state : state === NO_STREAM ? 'no_stream' : undefined;

/**
 * The event store on KurrentDB (decision 17), the only file that imports `@kurrent/kurrentdb-client`.
 * Streams are KurrentDB streams of the same name; outbox messages ride in the metadata of their append's
 * last event, so they are written atomically with the events; positions are derived from $all.
 */
export class KurrentDbEventStore implements EventStore, OutboxFeed, EventFeed {
  private constructor(private readonly client: KurrentDBClient) {}

  /** Connects lazily: the first call reaches the server. */
  static connect(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  /** Over a client made elsewhere: a test's in-memory stand-in for a server (`@ips/event-store/testing`). */
  static withClient(client: KurrentDBClient): KurrentDbEventStore {
    return new KurrentDbEventStore(client);
  }

  append(request: AppendRequest): Promise<AppendResult> {
    return appendTraced(request, 'kurrentdb', (traced) => this.appendNow(traced));
  }

  private async appendNow(request: AppendRequest): Promise<AppendResult> {
    validateAppend(request);
    validateForKurrent(request);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readStored(request.streamId);
      const version = stored.length;
      const idempotency = idempotencyOf(new Set(stored.map((event) => event.id)), request);
      if (idempotency === 'repeat') {
        // As on PostgreSQL: the version the original append left the stream at.
        const ids = new Set(request.events.map((event) => event.eventId));
        const last = stored.filter((event) => ids.has(event.id)).at(-1) as StoredEvent;
        return { nextExpectedVersion: versionOf(last.revision), firstPosition: null, lastPosition: null, duplicate: true };
      }
      if (idempotency === 'partial') throw new DuplicateEventIdsError(request.streamId);
      if (request.expectedVersion !== 'any' && request.expectedVersion !== version) {
        throw conflict(request.streamId, request.expectedVersion, version === 0 ? 'no_stream' : BigInt(version - 1));
      }
      // The version just read, also for 'any': a writer in between makes this attempt fail, and the
      // next one checks the ids again, so a repeat is never written twice.
      const envelopes = envelopesOf(request);
      try {
        const result = await this.client.appendToStream(
          request.streamId,
          request.events.map((event, i) => jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: { ...envelopes[i] } })),
          { streamState: toClientState(streamStateFor(version)) },
        );
        const commit = result.position?.commit;
        return {
          nextExpectedVersion: versionOf(result.nextExpectedRevision),
          firstPosition: commit === undefined ? null : toPosition(commit, 0),
          lastPosition: commit === undefined ? null : toPosition(commit, request.events.length - 1),
          duplicate: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (request.expectedVersion !== 'any' || attempt >= 5) {
          throw conflict(request.streamId, request.expectedVersion === 'any' ? 'any' : request.expectedVersion, toClientActual(error.actualState));
        }
      }
    }
  }

  async readStream(streamId: string): Promise<StreamRead> {
    const assembler = new AppendAssembler();
    const events: RecordedEvent[] = [];
    for (const event of await this.readStored(streamId)) {
      const append = assembler.push(event);
      if (append) events.push(...toRecordedEvents(append));
    }
    return { streamId, version: events.at(-1)?.streamPosition ?? 0, events };
  }

  /** Whole appends after `afterPosition`; a page ends between appends, so it exceeds `limit` only for one append larger than it. */
  async readAll(afterPosition: number, limit: number): Promise<readonly RecordedEvent[]> {
    const page: RecordedEvent[] = [];
    await this.scanAll(afterPosition, (append) => {
      const events = toRecordedEvents(append).filter((event) => event.globalPosition > afterPosition);
      if (events.length === 0) return true;
      if (page.length > 0 && page.length + events.length > limit) return false;
      page.push(...events);
      return page.length < limit;
    });
    return page;
  }

  async readOutbox(afterPosition: number, limit: number): Promise<readonly RecordedOutboxMessage[]> {
    const page: RecordedOutboxMessage[] = [];
    await this.scanAll(afterPosition, (append) => {
      for (const message of toOutboxMessages(append)) {
        if (message.position <= afterPosition) continue;
        if (page.length >= limit) return false;
        page.push(message);
      }
      return page.length < limit;
    });
    return page;
  }

  /** The last event's position, 0 when there is none: how far a subscription must get to be caught up. */
  async head(): Promise<number> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: READ_CHUNK })) {
      const event = toStored(resolved);
      if (event && event.envelope.index === event.envelope.count - 1 && event.commit !== undefined) {
        return toPosition(event.commit, event.envelope.index);
      }
    }
    return 0;
  }

  async checkpoint(name: string): Promise<number> {
    try {
      for await (const resolved of this.client.readStream(checkpointStream(name), { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
        const position = (resolved.event?.data as { position?: unknown } | undefined)?.position;
        if (typeof position === 'number') return position;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return 0;
  }

  async rewindOutbox(name: string): Promise<void> {
    await this.saveCheckpoint(name, 0);
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    const stream = checkpointStream(name);
    const result = await this.client.appendToStream(stream, jsonEvent({ type: 'CheckpointMoved', data: { position } }), { streamState: ANY });
    // Only the last one is read: keep the stream short (the server scavenges the rest).
    if (result.nextExpectedRevision === 0n) await this.client.setStreamMetadata(stream, { maxCount: 10 });
  }

  /**
   * Its events as a source (decision 5): a catch-up subscription to $all after the follower's checkpoint, handing whole
   * appends in order; it subscribes again after a dropped connection, with back-off, from where the follower's
   * checkpoint then stands (see `startCatchUp`). The checkpoint is the follower's, kept in its own database.
   *
   * With `categories` the server filters by stream-name prefix (`<category>.`) and sends checkpoints as it reads past
   * what it filtered out; each becomes a run's `through`, so the follower's checkpoint moves past other categories.
   */
  readonly events: RecordSource<RecordedEvent> = {
    cursorOf: (event) => ({ stream: ALL_EVENTS, position: event.globalPosition }),
    follow: async (options) => {
      const catchUp = startCatchUp<RecordedEvent>({
        loadCheckpoint: () => options.resumeAfter(ALL_EVENTS),
        saveCheckpoint: async () => undefined,
        positionOf: (event) => event.globalPosition,
        handle: (batch, through) => (through === undefined ? options.handle(batch) : options.handle(batch, { stream: ALL_EVENTS, position: through })),
        onError: (error) => options.onError?.(error),
        open: (after) => this.feedAfter(after, options.categories),
      });
      return { stop: () => catchUp.stop() };
    },
    ends: async () => new Map([[ALL_EVENTS, await this.head()]]),
  };

  private feedAfter(after: number, categories?: readonly string[]): Feed<RecordedEvent> {
    const fromPosition = after === 0 ? START : { commit: commitOf(after), prepare: 0n };
    // A server checkpoint arrives through a callback the client awaits before it reads on, while the events before it
    // may still wait in the subscription's buffer: each is queued here and released once those are handled.
    const checkpoints: { readonly commit: bigint; readonly release: () => void }[] = [];
    let checkpointArrived: (() => void) | undefined;
    const subscription = this.client.subscribeToAll({
      fromPosition,
      ...(categories
        ? {
            filter: streamNameFilter({
              prefixes: categories.map((category) => `${category}.`),
              // Times the server's search window (32 events): a checkpoint, so a transaction of the follower's, per
              // 1,024 events of other streams. Embedded, the store is PostgreSQL; distributed, the employer's KurrentDB
              // holds the employer's streams, so little is filtered out there.
              checkpointInterval: 32,
              checkpointReached: (_, position) =>
                new Promise<void>((release) => {
                  checkpoints.push({ commit: position.commit, release });
                  checkpointArrived?.();
                }),
            }),
          }
        : {}),
    });
    const assembler = new AppendAssembler();
    const iterator = subscription[Symbol.asyncIterator]() as AsyncIterator<ResolvedEvent>;
    const batches = (async function* (): AsyncGenerator<readonly RecordedEvent[] | Passed> {
      let next: Promise<IteratorResult<ResolvedEvent>> | undefined;
      const settled = (result: IteratorResult<ResolvedEvent>) => ({ result });
      for (;;) {
        next ??= iterator.next();
        const arrived =
          checkpoints.length > 0 ? Promise.resolve(undefined) : new Promise<undefined>((resolve) => (checkpointArrived = () => resolve(undefined)));
        let outcome = await Promise.race([next.then(settled), arrived]);
        // An event already taken from the buffer settles within a turn: it came before the checkpoint.
        outcome ??= await Promise.race([next.then(settled), new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)))]);
        if (outcome) {
          next = undefined;
          if (outcome.result.done) return;
          const event = toStored(outcome.result.value);
          const append = event && assembler.push(event);
          if (append && inCategories(append[0]?.streamId ?? '', categories)) {
            yield toRecordedEvents(append).filter((recorded) => recorded.globalPosition > after);
          }
          continue;
        }
        // Nothing is waiting: everything before the checkpoints has been handled. Whole appends only: a resumed
        // subscription starts at a commit, so a checkpoint inside an append is passed over.
        for (const checkpoint of checkpoints.splice(0)) {
          if (!assembler.partial) yield { through: toPosition(checkpoint.commit, SLOTS - 1) };
          checkpoint.release();
        }
      }
    })();
    return { batches, close: () => subscription.unsubscribe() };
  }

  /** The relay's feed: polls `readOutbox` after a checkpoint kept in KurrentDB, moved after `handle` succeeded. */
  subscribeToOutbox(options: OutboxSubscriptionOptions): Subscription {
    const worker = new PollingWorker({
      idleDelayMs: options.pollIntervalMs ?? 500,
      ...(options.onError ? { onError: options.onError } : {}),
      step: async () => {
        const messages = await this.readOutbox(await this.checkpoint(options.name), options.batchSize ?? 500);
        if (messages.length === 0) return false;
        await options.handle(messages);
        await this.saveCheckpoint(options.name, (messages[messages.length - 1] as RecordedOutboxMessage).position);
        return true;
      },
    });
    worker.start();
    return { caughtUp: () => worker.idle(), stop: () => worker.stop() };
  }

  close(): Promise<void> {
    return this.client.dispose();
  }

  private async readStored(streamId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: START, direction: FORWARDS })) {
        const event = toStored(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  /** Whole appends of the port's streams in $all order from `afterPosition`'s commit, until `take` says enough. */
  private async scanAll(afterPosition: number, take: (append: StoredEvent[]) => boolean): Promise<void> {
    const assembler = new AppendAssembler();
    let from: Position | undefined = afterPosition === 0 ? undefined : { commit: commitOf(afterPosition), prepare: 0n };
    for (;;) {
      let read = 0;
      let last: Position | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: from ?? START, direction: FORWARDS, maxCount: READ_CHUNK })) {
        read++;
        last = resolved.event?.position ?? last;
        // A read from a position includes the event there: the previous chunk's last, already taken.
        if (from && last && last.commit === from.commit && last.prepare === from.prepare) continue;
        const event = toStored(resolved);
        const append = event && assembler.push(event);
        if (append && !take(append)) return;
      }
      if (read < READ_CHUNK || !last) return;
      from = last;
    }
  }
}

const checkpointStream = (name: string): string => `${INTERNAL_PREFIX}checkpoint-${name}`;

/** A port event of $all or a stream; undefined for system events, the adapter's own streams and foreign events. */
function toStored(resolved: ResolvedEvent | { event?: ResolvedEvent['event'] }): StoredEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || event.streamId.startsWith('$') || event.streamId.startsWith(INTERNAL_PREFIX)) return undefined;
  const envelope = envelopeOf(event.metadata);
  if (!envelope) return undefined;
  return {
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data as JsonObject,
    envelope,
    created: event.created,
    commit: event.position?.commit,
  };
}

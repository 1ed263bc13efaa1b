import { ANY, BACKWARDS, END, KurrentDBClient, NO_STREAM, START, StreamNotFoundError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store.adapter';

interface LogEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
  readonly position: { readonly commit: bigint; readonly prepare: bigint };
}

type Direction = typeof BACKWARDS | 'forwards';

/** The part of the client's `Filter` the stand-in honours: on stream names. */
interface StreamFilter {
  readonly prefixes?: readonly string[];
  readonly regex?: string;
  readonly checkpointInterval?: number;
  readonly checkpointReached?: (subscription: never, position: { readonly commit: bigint; readonly prepare: bigint }) => unknown;
}
type From = typeof START | typeof END | { readonly commit: bigint; readonly prepare: bigint };

interface EventData {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
}

const resolved = (event: LogEvent) => ({ event: { ...event, isJson: true as const } });

/**
 * A KurrentDB server's behaviour as far as the adapter uses it, in memory: streams with revisions and expected-state
 * checks, $all in commit order at growing, non-consecutive byte positions, reads from a position (which include the
 * event there), and catch-up subscriptions to $all that go live. For tests on machines where no server can run; what
 * a real server does differently is listed in decision 17 and checked with `deploy/compose.yaml`.
 */
class InMemoryKurrentDbClient {
  private readonly log: LogEvent[] = [];
  private commit = 0n;
  private readonly appended: (() => void)[] = [];

  async appendToStream(streamId: string, events: EventData | readonly EventData[], options: { streamState?: unknown } = {}) {
    const batch = Array.isArray(events) ? (events as readonly EventData[]) : [events as EventData];
    const stored = this.log.filter((event) => event.streamId === streamId);
    const current = stored.length === 0 ? NO_STREAM : BigInt(stored.length - 1);
    const expected = options.streamState ?? ANY;
    if (expected !== ANY && expected !== current) {
      throw new WrongExpectedVersionError(undefined, { streamName: streamId, expected: expected as bigint, current });
    }
    let position = { commit: this.commit, prepare: this.commit };
    batch.forEach((event, i) => {
      this.commit += 137n; // byte offsets: growing, not consecutive
      position = { commit: this.commit, prepare: this.commit };
      this.log.push({
        streamId,
        revision: BigInt(stored.length + i),
        id: event.id,
        type: event.type,
        // As over the wire: what is stored is a copy.
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: event.metadata === undefined ? undefined : JSON.parse(JSON.stringify(event.metadata)),
        created: new Date(),
        position,
      });
    });
    for (const wake of this.appended.splice(0)) wake();
    return { success: true, nextExpectedRevision: BigInt(stored.length + batch.length - 1), position };
  }

  async setStreamMetadata(): Promise<void> {}

  readStream(streamId: string, options: { fromRevision?: typeof START | typeof END; direction?: Direction; maxCount?: number } = {}) {
    const log = this.log;
    return (async function* () {
      const events = log.filter((event) => event.streamId === streamId);
      if (events.length === 0) throw new StreamNotFoundError(undefined, streamId);
      const ordered = options.direction === BACKWARDS ? [...events].reverse() : events;
      for (const event of ordered.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield resolved(event);
    })();
  }

  readAll(options: { fromPosition?: From; direction?: Direction; maxCount?: number } = {}) {
    const from = options.fromPosition ?? START;
    const backwards = options.direction === BACKWARDS;
    const at = (event: LogEvent) => (typeof from === 'string' ? true : backwards ? event.position.commit <= from.commit : event.position.commit >= from.commit);
    const ordered = (backwards ? [...this.log].reverse() : this.log).filter(at);
    return (async function* () {
      for (const event of ordered.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield resolved(event);
    })();
  }

  /**
   * Everything after the position (all from START), then what is appended, until unsubscribed. With a stream-name
   * filter (prefixes or a regex) only the matching events, and `checkpointReached` as the server sends it: after every
   * `checkpointInterval` × 32 events read, and, more eagerly than a server, whenever it has read to the end having
   * filtered something out since the last checkpoint (so tests need not append 1,024 events to see one).
   */
  subscribeToAll(options: { fromPosition?: From; filter?: StreamFilter } = {}) {
    const from = options.fromPosition ?? START;
    const filter = options.filter;
    const matches = (event: LogEvent): boolean =>
      !filter ||
      (('prefixes' in filter && filter.prefixes ? filter.prefixes.some((prefix) => event.streamId.startsWith(prefix)) : true) &&
        ('regex' in filter && filter.regex ? new RegExp(filter.regex).test(event.streamId) : true));
    const window = 32 * (filter?.checkpointInterval ?? 1);
    let next = typeof from === 'string' ? 0 : this.log.findIndex((event) => event.position.commit > from.commit);
    if (next < 0) next = this.log.length;
    let stopped = false;
    let stop: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (stop = resolve));
    const { log, appended } = this;
    let subscription: object = {};
    const events = (async function* () {
      let read = 0;
      let skipped = false;
      const checkpoint = async (at: LogEvent): Promise<void> => {
        read = 0;
        skipped = false;
        await filter?.checkpointReached?.(subscription as never, at.position);
      };
      while (!stopped) {
        while (next < log.length) {
          const event = log[next++] as LogEvent;
          if (matches(event)) yield resolved(event);
          else skipped = true;
          if (filter && ++read >= window) await checkpoint(event);
        }
        if (skipped && next > 0) await checkpoint(log[next - 1] as LogEvent);
        if (next < log.length) continue;
        await Promise.race([new Promise<void>((resolve) => appended.push(resolve)), ended]);
      }
    })();
    subscription = events;
    return Object.assign(events, {
      unsubscribe: async () => {
        stopped = true;
        stop();
      },
    });
  }

  async dispose(): Promise<void> {}
}

/** An in-memory stand-in for a KurrentDB server: each `store()` is another adapter instance on the same data. */
export class InMemoryKurrentDb {
  private readonly server = new InMemoryKurrentDbClient();

  store(): KurrentDbEventStore {
    return KurrentDbEventStore.withClient(this.server as unknown as KurrentDBClient);
  }
}

import { randomBytes, randomUUID } from 'node:crypto';
import { SqlDriver, SqlExecutor, migrate } from '@ips/postgres';
import { newStreamId, range, readAllAfter, readOutboxAfter, rejectionOf, someEvents, someMessages } from './contract-fixtures';
import { DuplicateEventIdsError, StreamVersionConflictError } from '../event-store.errors';
import { APPEND_BATCH_SQL, eventStoreMigrations } from '../postgres/event-store.migrations';
import { AppendRequest, AppendResult, EventToAppend, RecordedEvent, RecordedOutboxMessage, Subscription } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store.adapter';

export interface EventStoreContractOptions {
  /**
   * True when every `openDriver()` call returns a new, independent connection (pool) to the SAME database,
   * as with a PostgreSQL server. Enables the tests that need transactions on several connections at once
   * (concurrent writers on separate drivers, a held-open transaction, reopening on a second driver).
   * Leave it off when each call makes a new database (in-memory PGlite): then `openDriver` is called once.
   */
  readonly concurrentDrivers?: boolean;
}

/**
 * What `PostgresEventStore` promises beyond the port (whose contract, `describeEventStorePortContract`, every adapter
 * runs): concurrent appends committed together in one transaction, call order on one store, subscriptions whose
 * handlers write through the checkpoint's transaction, migrations, and global order under lock waits. Run on every
 * PostgreSQL engine (PGlite, a server). The tests of one run share one database
 * (opening one can take seconds), so each test uses its own streams, subscription names and tables, and
 * checks global positions relative to the head it found when it started.
 */
export function describePostgresEventStoreContract(engine: string, openDriver: () => Promise<SqlDriver>, options: EventStoreContractOptions = {}): void {
  const concurrentDrivers = options.concurrentDrivers ?? false;
  const withConcurrentDrivers = concurrentDrivers ? it : it.skip;

  describe(`PostgreSQL event store beyond the port, on ${engine}`, () => {
    let driver: SqlDriver;
    let store: PostgresEventStore;
    const extraDrivers: SqlDriver[] = [];
    const subscriptions: Subscription[] = [];
    const readers: Reader[] = [];
    const heldAppends: HeldAppend[] = [];

    /** A new connection to the same database; only where `concurrentDrivers` holds. */
    const openAnotherDriver = async (): Promise<SqlDriver> => {
      if (!concurrentDrivers) throw new Error('openAnotherDriver needs concurrentDrivers');
      const another = await openDriver();
      extraDrivers.push(another);
      return another;
    };

    const track = (subscription: Subscription): Subscription => {
      subscriptions.push(subscription);
      return subscription;
    };

    const startReader = (reading: PostgresEventStore, start: number, expected: number): Reader => {
      const reader = pollReader(reading, start, expected);
      readers.push(reader);
      return reader;
    };

    const holdAppend = async (streamId: string, expectedVersion: number | null, events: readonly EventToAppend[]): Promise<HeldAppend> => {
      const held = await holdAppendOpen(await openAnotherDriver(), streamId, expectedVersion, events);
      heldAppends.push(held);
      return held;
    };

    const head = async (): Promise<number> => {
      const [row] = await driver.query<{ head: unknown }>('select coalesce(max(global_position), 0) as head from es_events');
      return Number(row?.head ?? 0);
    };

    const outboxHead = async (): Promise<number> => {
      const [row] = await driver.query<{ head: unknown }>('select coalesce(max(position), 0) as head from es_outbox');
      return Number(row?.head ?? 0);
    };

    beforeAll(async () => {
      driver = await openDriver();
      store = await PostgresEventStore.open(driver);
    });

    afterEach(async () => {
      // A failed test must not leave a reader polling or a transaction open: closing its pool would wait forever.
      for (const reader of readers.splice(0)) await reader.stop();
      for (const held of heldAppends.splice(0)) await held.rollback();
      for (const subscription of subscriptions.splice(0)) await subscription.stop();
      for (const extra of extraDrivers.splice(0)) await extra.close();
    });

    afterAll(async () => {
      await driver?.close();
    });

    describe('optimistic concurrency', () => {
      it('given several concurrent appends of which one is stale, when they are committed together, then only the stale one fails and the others are written gap-free', async () => {
        // given
        const staleStream = newStreamId('contract', 'stale-in-batch');
        await store.append({ streamId: staleStream, expectedVersion: 0, events: someEvents(2, 'contract') });
        const staleBefore = await store.readStream(staleStream);
        const before = await head();
        const freshStreams = [
          newStreamId('contract', 'ok-1'),
          newStreamId('contract', 'ok-2'),
          newStreamId('contract', 'ok-3'),
          newStreamId('contract', 'ok-4'),
        ];
        const requests: AppendRequest[] = [
          { streamId: freshStreams[0] as string, expectedVersion: 0, events: someEvents(2, 'contract') },
          { streamId: freshStreams[1] as string, expectedVersion: 0, events: someEvents(1, 'contract') },
          { streamId: staleStream, expectedVersion: 1, events: someEvents(3, 'contract') },
          { streamId: freshStreams[2] as string, expectedVersion: 'any', events: someEvents(2, 'contract') },
          { streamId: freshStreams[3] as string, expectedVersion: 0, events: someEvents(1, 'contract') },
        ];

        // when: all submitted in the same tick, so one store instance sends them as one batch
        const outcomes = await Promise.allSettled(requests.map((request) => store.append(request)));

        // then
        expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
        expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflictError);
        expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
        expect(await store.readStream(staleStream)).toEqual(staleBefore);

        const written = await readAllAfter(store, before);
        const expectedIds = requests.filter((_, i) => i !== 2).flatMap((request) => request.events.map((e) => e.eventId));
        expect(written.map((event) => event.eventId).sort()).toEqual([...expectedIds].sort());
        expect(written.map((event) => event.globalPosition)).toEqual(range(before + 1, expectedIds.length));
        // The positions reported to each caller are the ones stored.
        for (const [i, outcome] of outcomes.entries()) {
          if (outcome.status !== 'fulfilled') continue;
          expectReportedPositions(outcome.value, requests[i] as AppendRequest, written);
        }
        // Precondition of this test: they really shared one transaction (one now()), so the conflict was in the batch.
        expect(new Set(written.map((event) => event.recordedAt)).size).toBe(1);
      });

      it('given concurrent appends to the same stream on one store, when they race, then they are applied one after the other in call order', async () => {
        // given
        const ordered = newStreamId('contract', 'serial');
        const contested = newStreamId('contract', 'contested');
        const first = someEvents(1, 'contract');
        const second = someEvents(2, 'contract');

        // when
        const outcomes = await Promise.allSettled([
          store.append({ streamId: ordered, expectedVersion: 0, events: first }),
          store.append({ streamId: contested, expectedVersion: 0, events: someEvents(1, 'contract') }),
          store.append({ streamId: ordered, expectedVersion: 1, events: second }),
          store.append({ streamId: contested, expectedVersion: 0, events: someEvents(1, 'contract') }),
        ]);

        // then
        expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
        expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflictError);
        const stream = await store.readStream(ordered);
        expect(stream.events.map((event) => event.eventId)).toEqual([...first, ...second].map((event) => event.eventId));
        expect(stream.events.map((event) => event.streamPosition)).toEqual([1, 2, 3]);
        expect((await store.readStream(contested)).version).toBe(1);
      });
    });

    describe('idempotency', () => {
      it('given a batch mixing new, repeated, partially repeated and stale appends, when they are committed together, then each gets its own outcome', async () => {
        // given
        const repeated: AppendRequest = { streamId: newStreamId('contract', 'repeated'), expectedVersion: 0, events: someEvents(2, 'contract') };
        const repeatedFirst = await store.append(repeated);
        const partialStream = newStreamId('contract', 'partial-in-batch');
        const partialStored = someEvents(1, 'contract');
        await store.append({ streamId: partialStream, expectedVersion: 0, events: partialStored });
        const staleStream = newStreamId('contract', 'stale-in-mixed-batch');
        await store.append({ streamId: staleStream, expectedVersion: 0, events: someEvents(2, 'contract') });
        const before = await head();
        const fresh: AppendRequest = { streamId: newStreamId('contract', 'fresh'), expectedVersion: 0, events: someEvents(3, 'contract') };
        const partial: AppendRequest = {
          streamId: partialStream,
          expectedVersion: 1,
          events: [...partialStored, ...someEvents(1, 'contract')],
        };
        const stale: AppendRequest = { streamId: staleStream, expectedVersion: 1, events: someEvents(1, 'contract') };
        const alsoFresh: AppendRequest = { streamId: newStreamId('contract', 'fresh-2'), expectedVersion: 'any', events: someEvents(1, 'contract') };

        // when
        const [a, b, c, d, e] = await Promise.allSettled([
          store.append(fresh),
          store.append(repeated),
          store.append(partial),
          store.append(stale),
          store.append(alsoFresh),
        ]);

        // then
        expect(a).toMatchObject({ status: 'fulfilled', value: { duplicate: false, firstPosition: before + 1, lastPosition: before + 3 } });
        expect(b).toEqual({
          status: 'fulfilled',
          value: { nextExpectedVersion: repeatedFirst.nextExpectedVersion, firstPosition: null, lastPosition: null, duplicate: true },
        });
        expect((c as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdsError);
        expect((d as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflictError);
        expect(e).toMatchObject({ status: 'fulfilled', value: { duplicate: false, firstPosition: before + 4, lastPosition: before + 4 } });
        const written = await readAllAfter(store, before);
        expect(written.map((event) => event.eventId)).toEqual([...fresh.events, ...alsoFresh.events].map((event) => event.eventId));
        expect((await store.readStream(partialStream)).version).toBe(1);
        expect((await store.readStream(repeated.streamId)).version).toBe(2);
        expect((await store.readStream(staleStream)).version).toBe(2);
      });

      it('given two concurrent appends to different streams that reuse one event id, when committed together, then the first wins, the second gets DuplicateEventIdsError and the rest of the batch is written', async () => {
        // given
        const shared = someEvents(1, 'contract')[0] as EventToAppend;
        const before = await head();
        const winner: AppendRequest = { streamId: newStreamId('contract', 'winner'), expectedVersion: 0, events: [shared] };
        const loser: AppendRequest = { streamId: newStreamId('contract', 'loser'), expectedVersion: 0, events: [shared, ...someEvents(1, 'contract')] };
        const bystander: AppendRequest = { streamId: newStreamId('contract', 'bystander'), expectedVersion: 0, events: someEvents(2, 'contract') };

        // when
        const [w, l, b] = await Promise.allSettled([store.append(winner), store.append(loser), store.append(bystander)]);

        // then
        expect(w.status).toBe('fulfilled');
        expect((l as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdsError);
        expect(b.status).toBe('fulfilled');
        const written = await readAllAfter(store, before);
        expect(written.map((event) => event.eventId)).toEqual([shared, ...bystander.events].map((event) => event.eventId));
        expect(written.map((event) => event.globalPosition)).toEqual(range(before + 1, 3));
        expect((await store.readStream(loser.streamId)).version).toBe(0);
      });
    });

    describe('outbox', () => {
      it('given a conflicting append with outbox messages, when it fails, then no outbox row is written, and the other appends of its batch keep theirs', async () => {
        // given
        const streamId = newStreamId('contract', 'ob-conflict');
        await store.append({ streamId, expectedVersion: 0, events: someEvents(1, 'contract') });
        const before = await outboxHead();
        const kept = someMessages(2);

        // when
        const [conflicting, other] = await Promise.allSettled([
          store.append({ streamId, expectedVersion: 0, events: someEvents(1, 'contract'), outbox: someMessages(2) }),
          store.append({ streamId: newStreamId('contract', 'ob-other'), expectedVersion: 0, events: someEvents(1, 'contract'), outbox: kept }),
        ]);

        // then
        expect((conflicting as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflictError);
        expect(other.status).toBe('fulfilled');
        const read = await readOutboxAfter(store, before);
        expect(read.map((m) => m.messageId)).toEqual(kept.map((m) => m.messageId));
        expect(read.map((m) => m.position)).toEqual(range(before + 1, 2));
      });
    });

    describe('migrations', () => {
      it('given a migrated database with data, when the store is opened again, then migrations are not re-applied and the data is kept', async () => {
        // given
        const streamId = newStreamId('contract', 'migrate');
        await store.append({ streamId, expectedVersion: 0, events: someEvents(2, 'contract') });
        const before = await head();
        const streamBefore = await store.readStream(streamId);

        // when
        const again = await PostgresEventStore.open(driver);
        await PostgresEventStore.open(driver);
        if (concurrentDrivers) {
          const others = await Promise.all([openAnotherDriver(), openAnotherDriver(), openAnotherDriver()]);
          await Promise.all(others.map((other) => PostgresEventStore.open(other)));
        }

        // then
        const [applied] = await driver.query<{ n: unknown }>('select count(*) as n from schema_migrations where component = $1', [
          eventStoreMigrations.component,
        ]);
        expect(Number(applied?.n)).toBe(eventStoreMigrations.migrations.length);
        const [counter] = await driver.query<{ n: unknown; events: unknown }>('select count(*) over () as n, events from es_counters');
        expect(Number(counter?.n)).toBe(1);
        expect(Number(counter?.events)).toBe(before);
        expect(await again.readStream(streamId)).toEqual(streamBefore);
        const next = await again.append({ streamId, expectedVersion: 2, events: someEvents(1, 'contract') });
        expect(next.firstPosition).toBe(before + 1);
      });
    });

    describe('reading by category', () => {
      it('given events of a category among others, when read in pages, then each page holds the next ones in global order, a full page reaches its last, and the last page reaches the head', async () => {
        // given
        const category = `cat${randomUUID().replace(/-/g, '').slice(0, 12)}`;
        const before = await head();
        const wanted: string[] = [];
        for (let i = 0; i < 5; i++) {
          const events = someEvents(1, 'contract');
          await store.append({ streamId: `${category}.thing-${randomUUID()}`, expectedVersion: 0, events });
          await store.append({ streamId: newStreamId('contract', 'other'), expectedVersion: 0, events: someEvents(2, 'contract') });
          wanted.push(...events.map((event) => event.eventId));
        }
        const end = await head();

        // when
        const pages: { events: readonly RecordedEvent[]; through: number }[] = [];
        let after = before;
        for (;;) {
          const page = await store.readCategories(after, 2, [category]);
          pages.push(page);
          if (page.events.length < 2) break;
          after = page.through;
        }

        // then
        expect(pages.flatMap((page) => page.events.map((event) => event.eventId))).toEqual(wanted);
        expect(pages.map((page) => page.events.length)).toEqual([2, 2, 1]);
        expect(pages.slice(0, 2).map((page) => page.through)).toEqual(pages.slice(0, 2).map((page) => page.events.at(-1)?.globalPosition));
        expect(pages.at(-1)?.through).toBe(end);
        expect(await store.readCategories(end, 2, [category])).toEqual({ events: [], through: end });
      });

      it('given the category read, when planned as the function runs it, then it is a range of the category index, not a scan of the log', async () => {
        const plan = await driver.transaction(async (tx) => {
          await tx.query('set local enable_seqscan = off');
          const rows = await tx.query<Record<string, unknown>>(
            `explain select e.* from es_events e
              where split_part(e.stream_id, '.', 1) = $1 and strpos(e.stream_id, '.') > 1 and e.global_position > $2
              order by split_part(e.stream_id, '.', 1), e.global_position limit 500`,
            ['employer', 0],
          );
          return rows.map((row) => Object.values(row).join(' ')).join('\n');
        });
        expect(plan).toContain('es_events_by_category');
        expect(plan).not.toMatch(/Sort/);
      });
    });

    describe('subscriptions', () => {
      it('given events in several streams, when a subscription runs, then it handles every event exactly once in global order and stores its checkpoint', async () => {
        // given
        const streams = [newStreamId('contract', 'sub-a'), newStreamId('contract', 'sub-b')];
        for (const streamId of streams) await store.append({ streamId, expectedVersion: 0, events: someEvents(3, 'contract') });
        const name = newName('all-events');
        const handled: RecordedEvent[] = [];
        const batches: number[] = [];

        // when
        const subscription = track(
          store.subscribe({
            name,
            batchSize: 10,
            handle: async (events) => {
              batches.push(events.length);
              handled.push(...events);
            },
          }),
        );
        await subscription.caughtUp();
        // and more arrive while it runs
        await Promise.all(streams.map((streamId) => store.append({ streamId, expectedVersion: 3, events: someEvents(2, 'contract') })));
        await subscription.caughtUp();

        // then
        const everything = await readAllAfter(store, 0);
        expect(handled.map((event) => event.globalPosition)).toEqual(everything.map((event) => event.globalPosition));
        expect(handled).toEqual(everything);
        expect(handled.map((event) => event.globalPosition)).toEqual(range(1, everything.length));
        expect(Math.max(...batches)).toBeLessThanOrEqual(10);
        expect(await store.checkpoint(name)).toBe(await head());
      });

      it('given a subscription that settles between steps, when events are committed one after another while it settles, then they come in one batch', async () => {
        // given: the first event handled, so the next step waits out the settling time
        const name = newName('settle');
        const batches: number[] = [];
        const subscription = track(store.subscribe({ name, settleMs: 500, handle: async (events) => void batches.push(events.length) }));
        await subscription.caughtUp();
        const streamId = newStreamId('contract', 'settle');
        await store.append({ streamId, expectedVersion: 0, events: someEvents(1, 'contract') });
        await subscription.caughtUp();
        const before = batches.length;

        // when: ten commits, each one waking the subscription
        for (let version = 1; version <= 10; version++) await store.append({ streamId, expectedVersion: version, events: someEvents(1, 'contract') });
        await subscription.caughtUp();

        // then
        expect(batches.slice(before)).toEqual([10]);
        expect(await store.checkpoint(name)).toBe(await head());
      });

      it('given appended events, when the head is asked, then it is the last global position, which a caught-up checkpoint reaches', async () => {
        // given
        const before = await store.head();
        const name = newName('head');
        const subscription = track(store.subscribe({ name, handle: async () => undefined }));
        await subscription.caughtUp();
        expect(await store.checkpoint(name)).toBe(before);

        // when
        const appended = await store.append({ streamId: newStreamId('contract', 'head'), expectedVersion: 0, events: someEvents(2, 'contract') });

        // then
        expect(await store.head()).toBe(appended.lastPosition);
        expect(await store.head()).toBe(await head());
        await subscription.caughtUp();
        expect(await store.checkpoint(name)).toBe(await store.head());
      });

      it('given a subscription that stopped, when it starts again (on another store instance), then it resumes after its checkpoint without re-delivery', async () => {
        // given
        const name = newName('resume');
        const firstRun: RecordedEvent[] = [];
        const first = track(store.subscribe({ name, handle: async (events) => void firstRun.push(...events) }));
        await first.caughtUp();
        await first.stop();
        const checkpoint = await store.checkpoint(name);
        expect(checkpoint).toBe(await head());
        expect(firstRun.at(-1)?.globalPosition).toBe(checkpoint);
        // and events arrive while it is stopped
        const streamId = newStreamId('contract', 'resume');
        const missed = someEvents(3, 'contract');
        await store.append({ streamId, expectedVersion: 0, events: missed });

        // when
        const reopened = await PostgresEventStore.open(driver);
        const secondRun: RecordedEvent[] = [];
        const second = track(reopened.subscribe({ name, handle: async (events) => void secondRun.push(...events) }));
        await second.caughtUp();

        // then
        expect(secondRun.map((event) => event.eventId)).toEqual(missed.map((event) => event.eventId));
        expect(secondRun.map((event) => event.globalPosition)).toEqual(range(checkpoint + 1, 3));
        expect(await store.checkpoint(name)).toBe(checkpoint + 3);
      });

      it('given a handler that throws after writing through tx, when it fails, then neither its effects nor the checkpoint are committed, and it is retried until it succeeds', async () => {
        // given
        const table = `contract_marker_${randomBytes(6).toString('hex')}`;
        await driver.exec(`create table ${table} (global_position bigint not null, attempt int not null)`);
        await store.append({ streamId: newStreamId('contract', 'throws'), expectedVersion: 0, events: someEvents(3, 'contract') });
        const name = newName('throws');
        let failing = true;
        let attempts = 0;
        const errors: unknown[] = [];
        let failedTwice!: () => void;
        const retried = new Promise<void>((resolve) => (failedTwice = resolve));
        const deliveredOnSuccess: number[] = [];

        // when
        const subscription = track(
          store.subscribe({
            name,
            handle: async (events, tx: SqlExecutor) => {
              attempts++;
              await tx.query(`insert into ${table} (global_position, attempt) select unnest($1::bigint[]), $2::int`, [
                events.map((event) => event.globalPosition),
                attempts,
              ]);
              if (failing) throw new Error('handler fails on purpose');
              deliveredOnSuccess.push(...events.map((event) => event.globalPosition));
            },
            onError: (error) => {
              errors.push(error);
              if (errors.length >= 2) failedTwice();
            },
          }),
        );
        await withTimeout(retried, 10_000, 'the failing handler to be retried');

        // then: nothing of the failed attempts is committed
        expect(errors.every((error) => error instanceof Error && error.message === 'handler fails on purpose')).toBe(true);
        const [markers] = await driver.query<{ n: unknown }>(`select count(*) as n from ${table}`);
        expect(Number(markers?.n)).toBe(0);
        expect(await store.checkpoint(name)).toBe(0);

        // when the handler recovers
        failing = false;
        await withTimeout(subscription.caughtUp(), 10_000, 'the recovered subscription to catch up');

        // then: exactly the successful attempts' effects, one per event, together with the checkpoint
        const last = await head();
        const rows = await driver.query<{ global_position: unknown; attempt: unknown }>(
          `select global_position, attempt from ${table} order by global_position`,
        );
        expect(rows.map((row) => Number(row.global_position))).toEqual(range(1, last));
        expect(deliveredOnSuccess).toEqual(range(1, last));
        expect(Math.min(...rows.map((row) => Number(row.attempt)))).toBeGreaterThan(errors.length);
        expect(await store.checkpoint(name)).toBe(last);
        await driver.exec(`drop table ${table}`);
      });

      it('given appends with outbox messages, when an outbox subscription runs, then it handles every message once in order and stores its checkpoint', async () => {
        // given
        const sent = someMessages(4);
        await store.append({ streamId: newStreamId('contract', 'ob-sub'), expectedVersion: 0, events: someEvents(1, 'contract'), outbox: sent.slice(0, 3) });
        await store.append({ streamId: newStreamId('contract', 'ob-sub'), expectedVersion: 0, events: someEvents(1, 'contract'), outbox: sent.slice(3) });
        const name = newName('outbox');
        const handled: RecordedOutboxMessage[] = [];

        // when
        const subscription = track(store.subscribeToOutbox({ name, batchSize: 2, handle: async (messages) => void handled.push(...messages) }));
        await subscription.caughtUp();

        // then
        const everything = await readOutboxAfter(store, 0);
        expect(handled).toEqual(everything);
        expect(handled.map((m) => m.position)).toEqual(range(1, everything.length));
        expect(handled.slice(-4).map((m) => m.messageId)).toEqual(sent.map((m) => m.messageId));
        expect(await store.checkpoint(name)).toBe(await outboxHead());
        expect(await store.outboxHead()).toBe(everything.at(-1)?.position);
      });
    });

    describe('global order under concurrency', () => {
      const writers = 8;
      const eventsPerWriter = concurrentDrivers ? 200 : 100;

      it(`given a reader polling readAll from before they start, when ${writers} writers append ${eventsPerWriter} events each concurrently, then it sees every event exactly once with consecutive global positions`, async () => {
        // given
        const start = await head();
        const total = writers * eventsPerWriter;
        const writerStores: PostgresEventStore[] = [];
        for (let w = 0; w < writers; w++) {
          // A store per writer; on a server each on its own pool, so the transactions really overlap.
          writerStores.push(await PostgresEventStore.open(concurrentDrivers ? await openAnotherDriver() : driver));
        }
        const readerStore = concurrentDrivers ? await PostgresEventStore.open(await openAnotherDriver()) : store;
        const reader = startReader(readerStore, start, total);

        // when: each writer runs two lanes (streams) at once, appending 1 to 3 events per append
        const appended: Array<{ request: AppendRequest; result: AppendResult }> = [];
        const lane = async (writer: PostgresEventStore, streamId: string, count: number): Promise<void> => {
          let version = 0;
          for (let k = 0; version < count; k++) {
            const events = someEvents(Math.min(1 + (k % 3), count - version), 'contract');
            const request: AppendRequest = { streamId, expectedVersion: version, events };
            appended.push({ request, result: await writer.append(request) });
            version += events.length;
          }
        };
        await Promise.all(
          writerStores.flatMap((writer, w) => [
            lane(writer, newStreamId('contract', `writer-${w}-a`), eventsPerWriter / 2),
            lane(writer, newStreamId('contract', `writer-${w}-b`), eventsPerWriter / 2),
          ]),
        );
        const { seen, violations } = await reader.result(10_000);

        // then
        expect(violations).toEqual([]);
        expect(seen.map((event) => event.globalPosition)).toEqual(range(start + 1, total));
        const written = appended.flatMap(({ request }) => request.events.map((event) => event.eventId));
        expect(new Set(seen.map((event) => event.eventId)).size).toBe(total);
        expect(seen.map((event) => event.eventId).sort()).toEqual(written.sort());
        expect(await readerStore.readAll(start + total, 50)).toEqual([]);
        // each stream reads in stream order, and each caller was told the positions that were stored
        const streamPositions = new Map<string, number>();
        for (const event of seen) {
          expect(event.streamPosition).toBe((streamPositions.get(event.streamId) ?? 0) + 1);
          streamPositions.set(event.streamId, event.streamPosition);
        }
        for (const { request, result } of appended) expectReportedPositions(result, request, seen);
      });

      withConcurrentDrivers(
        'given a transaction on another connection that appended and has not committed, when this store appends meanwhile, then a reader sees neither until it commits, and then both in order with consecutive positions',
        async () => {
          // given
          const start = await head();
          const reader = startReader(store, start, 2);
          const heldStream = newStreamId('contract', 'held');
          const heldEvents = someEvents(1, 'contract');
          const held = await holdAppend(heldStream, 0, heldEvents);

          // when
          const laterStream = newStreamId('contract', 'later');
          const laterEvents = someEvents(1, 'contract');
          let settled = false;
          const later = store.append({ streamId: laterStream, expectedVersion: 0, events: laterEvents });
          later.then(
            () => (settled = true),
            () => (settled = true),
          );
          await waitForLockWait(driver);

          // then: nothing is visible while the first transaction is open, not even after a while
          expect(await store.readAll(start, 50)).toEqual([]);
          await pause(300);
          expect(await store.readAll(start, 50)).toEqual([]);
          expect(settled).toBe(false);

          // when it commits
          await held.commit();
          const result = await later;

          // then
          const read = await store.readAll(start, 50);
          expect(read.map((event) => [event.eventId, event.globalPosition])).toEqual([
            [heldEvents[0]?.eventId, start + 1],
            [laterEvents[0]?.eventId, start + 2],
          ]);
          expect(result).toMatchObject({ firstPosition: start + 2, lastPosition: start + 2 });
          const { seen, violations } = await reader.result(10_000);
          expect(violations).toEqual([]);
          expect(seen).toEqual(read);
        },
      );

      withConcurrentDrivers(
        'given another connection holding an uncommitted append to a stream, when this store appends to it expecting the same version, then after the other commits it gets a typed conflict and writes nothing',
        async () => {
          // given
          const streamId = newStreamId('contract', 'race');
          const held = await holdAppend(streamId, 0, someEvents(1, 'contract'));
          const start = await head();

          // when
          const racing = rejectionOf(store.append({ streamId, expectedVersion: 0, events: someEvents(1, 'contract') }));
          await waitForLockWait(driver);
          await held.commit();
          const error = await racing;

          // then
          expect(error).toBeInstanceOf(StreamVersionConflictError);
          expect(error).toMatchObject({ code: 'STREAM.VERSION_CONFLICT', expectedVersion: 0, actualVersion: 1 });
          expect((await store.readStream(streamId)).version).toBe(1);
          expect(await head()).toBe(start + 1);
        },
      );

      withConcurrentDrivers(
        "given another connection holding an uncommitted append to a stream, when this store appends to it with expectedVersion 'any', then after the other commits it is appended after it",
        async () => {
          // given
          const streamId = newStreamId('contract', 'race-any');
          const held = await holdAppend(streamId, 0, someEvents(1, 'contract'));

          // when
          const racing = store.append({ streamId, expectedVersion: 'any', events: someEvents(1, 'contract') });
          racing.catch(() => undefined); // awaited below, after the commit
          await waitForLockWait(driver);
          await held.commit();
          const result = await racing;

          // then
          expect(result).toMatchObject({ nextExpectedVersion: 2, duplicate: false });
          expect((await store.readStream(streamId)).events.map((event) => event.streamPosition)).toEqual([1, 2]);
        },
      );

      withConcurrentDrivers(
        'given another connection holding an uncommitted append of some events, when this store repeats that append, then after the other commits it reports a duplicate',
        async () => {
          // given
          const streamId = newStreamId('contract', 'race-retry');
          const events = someEvents(2, 'contract');
          const held = await holdAppend(streamId, 0, events);

          // when
          const racing = store.append({ streamId, expectedVersion: 0, events });
          racing.catch(() => undefined); // awaited below, after the commit
          await waitForLockWait(driver);
          await held.commit();
          const result = await racing;

          // then
          expect(result).toMatchObject({ duplicate: true, nextExpectedVersion: 2 });
          expect((await store.readStream(streamId)).version).toBe(2);
        },
      );
    });
  });
}

interface ReaderResult {
  readonly seen: RecordedEvent[];
  readonly violations: string[];
}

interface Reader {
  /** What it saw once it has seen all it expected; fails when that takes longer than `timeoutMs` from now. */
  result(timeoutMs: number): Promise<ReaderResult>;
  stop(): Promise<void>;
}

/** Polls `readAll(lastSeen, 50)` until it has seen `expected` events, noting any position that is not previous + 1. */
function pollReader(store: PostgresEventStore, start: number, expected: number): Reader {
  let deadline = Number.POSITIVE_INFINITY;
  let stopped = false;
  const done = (async (): Promise<ReaderResult> => {
    const seen: RecordedEvent[] = [];
    const violations: string[] = [];
    let last = start;
    while (seen.length < expected && !stopped) {
      if (Date.now() > deadline) {
        const skips = violations.length > 0 ? `; out of order: ${violations.slice(0, 5).join(', ')}` : '';
        throw new Error(`the reader saw ${seen.length} of ${expected} events before giving up${skips}`);
      }
      const page = await store.readAll(last, 50);
      if (page.length === 0) {
        await pause(1);
        continue;
      }
      for (const event of page) {
        if (event.globalPosition !== last + 1) violations.push(`${event.globalPosition} came after ${last}`);
        last = event.globalPosition;
        seen.push(event);
      }
    }
    return { seen, violations };
  })();
  done.catch(() => undefined); // observed through result(); a reader stopped after a failed test must not crash the run
  return {
    result: (timeoutMs) => {
      deadline = Date.now() + timeoutMs;
      return done;
    },
    stop: async () => {
      stopped = true;
      await done.catch(() => undefined);
    },
  };
}

interface HeldAppend {
  commit(): Promise<void>;
  /** Ends the transaction without its append, unless it was committed. */
  rollback(): Promise<void>;
}

/**
 * Another process's append, left uncommitted: `BEGIN; select * from es_append(...)` on a connection of its own.
 * It holds the counter row (and its new rows' keys) until `commit()`.
 */
async function holdAppendOpen(holder: SqlDriver, streamId: string, expectedVersion: number | null, events: readonly EventToAppend[]): Promise<HeldAppend> {
  let finish!: (commit: boolean) => void;
  const finished = new Promise<boolean>((resolve) => (finish = resolve));
  let appended!: () => void;
  const isAppended = new Promise<void>((resolve) => (appended = resolve));
  const transaction = holder.transaction(async (tx) => {
    const rows = await tx.query<{ r_written: unknown }>(APPEND_BATCH_SQL, [
      [0],
      [streamId],
      [expectedVersion],
      [events.length],
      [0],
      events.map(() => 0),
      events.map((event) => event.eventId),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata ?? {})),
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    if (Number(rows[0]?.r_written) !== events.length) throw new Error('the held append wrote nothing');
    appended();
    if (!(await finished)) throw new RolledBack();
  });
  await Promise.race([isAppended, transaction]);
  return {
    commit: async () => {
      finish(true);
      await transaction;
    },
    rollback: async () => {
      finish(false);
      await transaction.catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    },
  };
}

class RolledBack extends Error {}

/** Waits until some statement of this database waits for a lock: the store's append queued behind a held one. */
async function waitForLockWait(driver: SqlDriver): Promise<void> {
  await waitFor(async () => {
    const [row] = await driver.query<{ n: unknown }>(
      `select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%es_append%'`,
    );
    return Number(row?.n) > 0;
  }, 'the append to wait for the held transaction');
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(5);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function expectReportedPositions(result: AppendResult, request: AppendRequest, stored: readonly RecordedEvent[]): void {
  const positionOf = new Map(stored.map((event) => [event.eventId, event.globalPosition]));
  expect(result.duplicate).toBe(false);
  expect(request.events.map((event) => positionOf.get(event.eventId))).toEqual(range(result.firstPosition ?? Number.NaN, request.events.length));
  expect(result.lastPosition).toBe((result.firstPosition ?? Number.NaN) + request.events.length - 1);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const newName = (label: string): string => `contract-${label}-${randomUUID()}`;

/**
 * The category index added to a store that already holds events (migration 3 on an existing table): run once per engine
 * on a fresh, empty database of the caller's (`open`), which `close` disposes of.
 */
export function describeCategoryIndexUpgrade(engine: string, open: () => Promise<{ readonly driver: SqlDriver; close(): Promise<void> }>): void {
  describe(`the category index added to a store with events, on ${engine}`, () => {
    it('given a store at the migration before it, holding events of several categories, when opened, then the index is built over them and following by category finds theirs', async () => {
      const { driver, close } = await open();
      try {
        // given
        await migrate(driver, { ...eventStoreMigrations, migrations: eventStoreMigrations.migrations.filter((m) => m.version < 3) });
        await driver.query(
          `insert into es_events (global_position, stream_id, stream_position, event_id, type, data, metadata)
           select n, case when n % 10 = 0 then 'employer.thing-' || n else 'welfare-office.thing-' || n end, 1,
                  gen_random_uuid(), 'ThingHappened', '{}'::jsonb, '{}'::jsonb
             from generate_series(1, 5000) n`,
        );
        await driver.query('update es_counters set events = 5000 where id = 1');

        // when
        const store = await PostgresEventStore.open(driver);

        // then
        const [index] = await driver.query<{ n: number }>(`select count(*)::int as n from pg_indexes where indexname = 'es_events_by_category'`);
        expect(index?.n).toBe(1);
        const page = await store.readCategories(0, 1_000, ['employer']);
        expect(page.events.map((event) => event.globalPosition)).toEqual(range(1, 500).map((i) => i * 10));
        expect(page.through).toBe(5000);
        expect(await store.countCategories(5000, ['employer'])).toBe(500);
      } finally {
        await close();
      }
    });
  });
}

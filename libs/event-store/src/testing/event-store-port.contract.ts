import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@ips/utils';
import { message, newStreamId, range, readAllAfter, readOutboxAfter, rejectionOf, someEvents, someMessages } from './contract-fixtures';
import { DuplicateEventIdsError, InvalidAppendError, StreamVersionConflictError } from '../event-store.errors';
import { AppendRequest, EventStore, EventToAppend, RecordedEvent, RecordedOutboxMessage } from '../event-store.port';
import { ALL_EVENTS, Cursor, EventFeed, Following, RecordSource } from '../record-source.port';

/** One adapter under test: a store, and a second instance on the same backend (no memory of the first). */
export interface PortContractSubject {
  readonly store: EventStore & EventFeed;
  reopen(): Promise<EventStore>;
  /** Closes the store and every reopened one. */
  close(): Promise<void>;
}

export interface PortContractOptions {
  /** PostgreSQL numbers events 1, 2, 3… with no gaps; KurrentDB's positions only grow (decision 17). */
  readonly consecutivePositions: boolean;
}

/**
 * The behaviour of the `EventStore` port, whatever the engine: run once per adapter. Tests share one
 * backend, so each uses its own streams and looks only at what it wrote after the position it started at.
 */
export function describeEventStorePortContract(engine: string, open: () => Promise<PortContractSubject>, options: PortContractOptions): void {
  describe(`event store port contract on ${engine}`, () => {
    let subject: PortContractSubject;
    let store: EventStore & EventFeed;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });

    afterAll(async () => {
      await subject?.close();
    });

    const head = async (): Promise<number> => (await readAllAfter(store, 0)).at(-1)?.globalPosition ?? 0;
    const outboxHead = async (): Promise<number> => (await readOutboxAfter(store, 0)).at(-1)?.position ?? 0;

    /** Positions after `before`: consecutive where the engine promises it, strictly increasing everywhere. */
    const expectPositions = (positions: readonly number[], before: number): void => {
      if (options.consecutivePositions) {
        expect(positions).toEqual(range(before + 1, positions.length));
        return;
      }
      positions.forEach((position, i) => expect(position).toBeGreaterThan(i === 0 ? before : (positions[i - 1] as number)));
    };

    describe('appending and reading', () => {
      it('given a new stream, when events are appended expecting version 0, then they read back in order with their data, in the stream and in the global order', async () => {
        // given
        const streamId = newStreamId('port', 'order');
        const before = await head();
        const data = {
          text: 'Ærlig talt, på Østlandet 🚀 "quoted" \\ backslash',
          empty: '',
          n: 42,
          ratio: 3.25,
          negative: -7,
          largest: Number.MAX_SAFE_INTEGER,
          yes: true,
          no: false,
          nothing: null,
          list: [1, 'two', { three: [3] }],
          nested: { deeper: { deepest: 'bottom' } },
        };
        const events: EventToAppend[] = [
          { eventId: uuidv7(), type: 'OrderPlaced', data, metadata: { correlationId: randomUUID() } },
          { eventId: uuidv7(), type: 'OrderPaid', data: { amount: 100 } },
        ];

        // when
        const result = await store.append({ streamId, expectedVersion: 0, events });

        // then
        expect(result).toMatchObject({ nextExpectedVersion: 2, duplicate: false });
        const stream = await store.readStream(streamId);
        expect(stream.version).toBe(2);
        expect(stream.events.map((event) => event.streamPosition)).toEqual([1, 2]);
        expect(stream.events.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata }))).toEqual([
          { ...events[0] },
          { ...events[1], metadata: {} },
        ]);
        expectPositions(
          stream.events.map((event) => event.globalPosition),
          before,
        );
        expect([result.firstPosition, result.lastPosition]).toEqual([stream.events[0]?.globalPosition, stream.events[1]?.globalPosition]);
        for (const event of stream.events) expect(event.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(await readAllAfter(store, before)).toEqual(stream.events);
      });

      it('given no events in a stream, when it is read, then it is empty at version 0', async () => {
        expect(await store.readStream(newStreamId('port', 'unknown'))).toEqual(expect.objectContaining({ version: 0, events: [] }));
      });

      it("given any stream state, when appending with expectedVersion 'any', then it always appends at the end", async () => {
        const streamId = newStreamId('port', 'any');
        const first = await store.append({ streamId, expectedVersion: 'any', events: someEvents(2, 'port') });
        const second = await store.append({ streamId, expectedVersion: 'any', events: someEvents(1, 'port') });
        expect([first.nextExpectedVersion, second.nextExpectedVersion]).toEqual([2, 3]);
        expect((await store.readStream(streamId)).events.map((event) => event.streamPosition)).toEqual([1, 2, 3]);
      });

      it('given many appends to several streams, when readAll pages through them in small batches, then every event comes once, in append order', async () => {
        // given
        const before = await head();
        const written: string[] = [];
        for (let round = 0; round < 4; round++) {
          for (const streamId of [newStreamId('port', 'page-a'), newStreamId('port', 'page-b')]) {
            const events = someEvents(round % 2 === 0 ? 1 : 2, 'port');
            await store.append({ streamId, expectedVersion: 'any', events });
            written.push(...events.map((event) => event.eventId));
          }
        }

        // when
        const read: RecordedEvent[] = [];
        for (;;) {
          const page = await store.readAll(read.at(-1)?.globalPosition ?? before, 5);
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(5);
          read.push(...page);
        }

        // then
        expect(read.map((event) => event.eventId)).toEqual(written);
        expectPositions(
          read.map((event) => event.globalPosition),
          before,
        );
      });
    });

    describe('optimistic concurrency', () => {
      it.each([
        ['behind the stream', 1],
        ['0 (create) on an existing stream', 0],
        ['ahead of the stream', 5],
      ])(
        'given a stream at version 2, when appending expecting %s, then a typed conflict is raised and nothing is written',
        async (_label, expectedVersion) => {
          // given
          const streamId = newStreamId('port', 'stale');
          await store.append({ streamId, expectedVersion: 0, events: someEvents(2, 'port') });
          const before = await head();
          const outboxBefore = await outboxHead();

          // when
          const error = await rejectionOf(store.append({ streamId, expectedVersion, events: someEvents(1, 'port'), outbox: someMessages(1) }));

          // then
          expect(error).toBeInstanceOf(StreamVersionConflictError);
          expect(error).toMatchObject({ code: 'STREAM.VERSION_CONFLICT', streamId, expectedVersion, actualVersion: 2 });
          expect((await store.readStream(streamId)).version).toBe(2);
          expect(await head()).toBe(before);
          expect(await outboxHead()).toBe(outboxBefore);
        },
      );

      it('given two concurrent appends creating the same stream, when they race, then exactly one wins and the other gets a typed conflict', async () => {
        const streamId = newStreamId('port', 'race');
        const outcomes = await Promise.allSettled([
          store.append({ streamId, expectedVersion: 0, events: someEvents(1, 'port') }),
          store.append({ streamId, expectedVersion: 0, events: someEvents(1, 'port') }),
        ]);
        expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
        const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(StreamVersionConflictError);
        expect((await store.readStream(streamId)).version).toBe(1);
      });

      it("given concurrent 'any' appends to one stream, when they race, then all are written, each once", async () => {
        const streamId = newStreamId('port', 'any-race');
        const requests = Array.from({ length: 4 }, () => ({ streamId, expectedVersion: 'any' as const, events: someEvents(2, 'port') }));
        await Promise.all(requests.map((request) => store.append(request)));
        const stream = await store.readStream(streamId);
        expect(stream.events.map((event) => event.eventId).sort()).toEqual(requests.flatMap((r) => r.events.map((e) => e.eventId)).sort());
        expect(stream.events.map((event) => event.streamPosition)).toEqual(range(1, 8));
      });
    });

    describe('idempotency', () => {
      it('given an append that was stored, when it is repeated after the stream moved on and from another store instance, then it reports a duplicate and writes nothing', async () => {
        // given
        const streamId = newStreamId('port', 'retry');
        const original: AppendRequest = { streamId, expectedVersion: 0, events: someEvents(2, 'port'), outbox: someMessages(1) };
        const first = await store.append(original);
        await store.append({ streamId, expectedVersion: 2, events: someEvents(1, 'port') });
        const before = await head();
        const outboxBefore = await outboxHead();
        const expected = { nextExpectedVersion: first.nextExpectedVersion, firstPosition: null, lastPosition: null, duplicate: true };

        // when
        const again = await store.append(original);
        const reopened = await subject.reopen();
        const elsewhere = await reopened.append(original);

        // then
        expect(again).toEqual(expected);
        expect(elsewhere).toEqual(expected);
        expect((await store.readStream(streamId)).version).toBe(3);
        expect(await head()).toBe(before);
        expect(await outboxHead()).toBe(outboxBefore);
      });

      it('given stored events, when an append repeats some of their ids with new ones, then DuplicateEventIdsError is raised and nothing is written', async () => {
        const streamId = newStreamId('port', 'partial');
        const stored = someEvents(2, 'port');
        await store.append({ streamId, expectedVersion: 0, events: stored });
        const before = await head();
        const error = await rejectionOf(store.append({ streamId, expectedVersion: 2, events: [stored[1] as EventToAppend, ...someEvents(1, 'port')] }));
        expect(error).toBeInstanceOf(DuplicateEventIdsError);
        expect((await store.readStream(streamId)).version).toBe(2);
        expect(await head()).toBe(before);
      });
    });

    describe('invalid input', () => {
      const valid = (): AppendRequest => ({ streamId: newStreamId('port', 'invalid'), expectedVersion: 0, events: someEvents(1, 'port') });
      const twice = someEvents(1, 'port')[0] as EventToAppend;
      it.each<[string, () => AppendRequest]>([
        ['no events', () => ({ ...valid(), events: [] })],
        ['an event id that is not a UUID', () => ({ ...valid(), events: [{ eventId: 'not-a-uuid', type: 'T', data: {} }] })],
        ['the same event id twice', () => ({ ...valid(), events: [twice, twice] })],
        ['an empty event type', () => ({ ...valid(), events: [{ eventId: uuidv7(), type: '', data: {} }] })],
        ['an empty stream id', () => ({ ...valid(), streamId: '' })],
        ['a negative expected version', () => ({ ...valid(), expectedVersion: -1 })],
        ['a fractional expected version', () => ({ ...valid(), expectedVersion: 1.5 })],
        ['an outbox message id that is not a UUID', () => ({ ...valid(), outbox: [{ ...message(), messageId: 'nope' }] })],
        ['an outbox message without key', () => ({ ...valid(), outbox: [{ ...message(), key: '' }] })],
      ])('given an append with %s, when appended, then InvalidAppendError is raised and nothing is written', async (_label, make) => {
        const request = make();
        const before = await head();
        const outboxBefore = await outboxHead();
        const error = await rejectionOf(store.append(request));
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(error).toMatchObject({ code: 'STREAM.INVALID_APPEND' });
        expect(await head()).toBe(before);
        expect(await outboxHead()).toBe(outboxBefore);
        if (request.streamId) expect((await store.readStream(request.streamId)).version).toBe(0);
      });
    });

    describe('outbox', () => {
      it('given appends carrying outbox messages, when the outbox is read in pages, then the messages come in append order, once each, and a failed append left none', async () => {
        // given
        const before = await outboxHead();
        const first = someMessages(2);
        const second = someMessages(3);
        const conflicting = newStreamId('port', 'ob-conflict');
        await store.append({ streamId: conflicting, expectedVersion: 0, events: someEvents(1, 'port') });

        // when
        await store.append({ streamId: newStreamId('port', 'ob-1'), expectedVersion: 0, events: someEvents(2, 'port'), outbox: first });
        await rejectionOf(store.append({ streamId: conflicting, expectedVersion: 0, events: someEvents(1, 'port'), outbox: someMessages(2) }));
        await store.append({ streamId: newStreamId('port', 'ob-2'), expectedVersion: 0, events: someEvents(1, 'port') });
        await store.append({ streamId: newStreamId('port', 'ob-3'), expectedVersion: 'any', events: someEvents(1, 'port'), outbox: second });

        // then
        const read: RecordedOutboxMessage[] = [];
        for (;;) {
          const page = await store.readOutbox(read.at(-1)?.position ?? before, 2);
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(2);
          read.push(...page);
        }
        expect(read.map(({ messageId, key, type, payload }) => ({ messageId, key, type, payload }))).toEqual([...first, ...second]);
        expectPositions(
          read.map((m) => m.position),
          before,
        );
        for (const m of read) expect(m.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      });

      it('given an outbox message carrying the trace context of its command, when the outbox is read, then it carries the same, and one without carries none', async () => {
        const before = await outboxHead();
        const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
        const [traced, untraced] = [{ ...message(), traceparent }, message()];
        await store.append({ streamId: newStreamId('port', 'ob-trace'), expectedVersion: 0, events: someEvents(1, 'port'), outbox: [traced, untraced] });
        const read = await store.readOutbox(before, 10);
        expect(read.map((m) => m.traceparent)).toEqual([traceparent, undefined]);
        expect(read[1]).not.toHaveProperty('traceparent');
      });
    });

    describe('following its events by category', () => {
      /** A category of the test's own, so other tests' events in the shared backend are "other categories". */
      const newCategory = (): string => `c${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const appendTo = async (streamId: string, count: number): Promise<string[]> => {
        const events = someEvents(count, 'port');
        await store.append({ streamId, expectedVersion: 'any', events });
        return events.map((event) => event.eventId);
      };
      const end = async (): Promise<number> => (await store.events.ends()).get(ALL_EVENTS) ?? 0;

      const following: Following[] = [];
      afterEach(async () => {
        for (const follower of following.splice(0)) await follower.stop();
      });

      /** A follower as CheckpointedProjection is one, its checkpoint in memory: records beyond it, then `through`. */
      const follow = async (source: RecordSource<RecordedEvent>, categories: readonly string[], after: number) => {
        const state = { checkpoint: after, records: [] as RecordedEvent[], runs: 0 };
        following.push(
          await source.follow({
            name: `contract-${randomUUID()}`,
            categories,
            pollIntervalMs: 20,
            resumeAfter: async () => state.checkpoint,
            handle: async (run: readonly RecordedEvent[], through?: Cursor) => {
              state.runs++;
              const fresh = run.filter((event) => event.globalPosition > state.checkpoint);
              state.records.push(...fresh);
              state.checkpoint = Math.max(state.checkpoint, ...fresh.map((event) => event.globalPosition), through?.position ?? 0);
            },
          }),
        );
        return state;
      };
      const reached = async (state: { checkpoint: number }, position: number): Promise<void> => {
        const until = Date.now() + 10_000;
        while (state.checkpoint < position) {
          if (Date.now() > until) throw new Error(`the checkpoint stays at ${state.checkpoint}, short of ${position}`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };

      it('given events of several categories interleaved, when followed by two of them, then exactly theirs come, in global order, once each, and the checkpoint reaches the end of the log', async () => {
        // given
        const [a, b, c] = [newCategory(), newCategory(), newCategory()];
        const before = await end();
        const wanted: string[] = [];
        wanted.push(...(await appendTo(`${a}.thing-${randomUUID()}`, 1)));
        await appendTo(`${b}.thing-${randomUUID()}`, 2);
        wanted.push(...(await appendTo(`${c}.thing-${randomUUID()}`, 2)));
        await appendTo(`${a}x.thing-${randomUUID()}`, 1); // another category that starts with the same letters
        await appendTo(`${a}-plain-${randomUUID()}`, 1); // no '.': no category
        wanted.push(...(await appendTo(`${a}.other-${randomUUID()}`, 3)));
        await appendTo(`${b}.thing-${randomUUID()}`, 1);

        // when
        const follower = await follow(store.events, [a, c], before);
        await reached(follower, await end());

        // then
        expect(follower.records.map((event) => event.eventId)).toEqual(wanted);
        expect(follower.records.map((event) => store.events.cursorOf(event).stream)).toEqual(wanted.map(() => ALL_EVENTS));
        const positions = follower.records.map((event) => event.globalPosition);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
      });

      it("given only other categories' events after a follower's checkpoint, when it follows and the log grows with more of them, then its checkpoint moves to each new end without a record, a resumed follower reads nothing again, and its own next event still comes", async () => {
        // given
        const [mine, others] = [newCategory(), newCategory()];
        const before = await end();
        for (let i = 0; i < 3; i++) await appendTo(`${others}.thing-${randomUUID()}`, 10);

        // when
        const follower = await follow(store.events, [mine], before);
        await reached(follower, await end());
        for (let i = 0; i < 2; i++) await appendTo(`${others}.thing-${randomUUID()}`, 5);
        const grown = await end();
        await reached(follower, grown);

        // then
        expect(follower.records).toEqual([]);
        await following.splice(0)[0]?.stop();
        const resumed = await follow(store.events, [mine], follower.checkpoint);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(resumed.runs).toBe(0);
        const own = await appendTo(`${mine}.thing-${randomUUID()}`, 2);
        await reached(resumed, await end());
        expect(resumed.records.map((event) => event.eventId)).toEqual(own);
        expect(Math.min(...resumed.records.map((event) => event.globalPosition))).toBeGreaterThan(grown);
      });
    });
  });
}

import { DuplicateEventIdsError, InvalidAppendError, StreamVersionConflictError } from '../event-store.errors';
import { AppendRequest } from '../event-store.port';
import {
  AppendAssembler,
  SLOTS,
  MAX_COMMIT,
  StoredEvent,
  backoffDelay,
  commitOf,
  conflict,
  envelopeOf,
  envelopesOf,
  idempotencyOf,
  streamStateFor,
  toOutboxMessages,
  toPosition,
  toRecordedEvents,
  validateForKurrent,
  versionOf,
} from './kurrentdb.mapping';

const id = (n: number): string => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const request = (events: number, outbox = 0): AppendRequest => ({
  streamId: 'welfare-office.participant-1',
  expectedVersion: 0,
  events: Array.from({ length: events }, (_, i) => ({ eventId: id(i + 1), type: 'ThingHappened', data: { n: i }, metadata: { actor: 'cw' } })),
  outbox: Array.from({ length: outbox }, (_, i) => ({ messageId: id(100 + i), key: 'p-1', type: 'Shared.v1', payload: { i } })),
});

/** The stored events of an append, as the server would give them back: `commits` per event. */
const stored = (append: AppendRequest, firstRevision: bigint, commits: readonly bigint[]): StoredEvent[] =>
  envelopesOf(append).map((envelope, i) => ({
    streamId: append.streamId,
    revision: firstRevision + BigInt(i),
    id: append.events[i]?.eventId as string,
    type: 'ThingHappened',
    data: append.events[i]?.data ?? {},
    envelope: envelopeOf(JSON.parse(JSON.stringify(envelope))) as NonNullable<ReturnType<typeof envelopeOf>>,
    created: new Date('2025-03-01T10:00:00.000Z'),
    commit: commits[i],
  }));

describe('KurrentDB positions', () => {
  it('given a commit position and an index in the append, when mapped, then the port position orders by commit, then index', () => {
    expect(toPosition(0n, 0)).toBe(0);
    expect(toPosition(5_000n, 2)).toBe(5_000 * SLOTS + 2);
    expect(toPosition(5_000n, SLOTS - 1)).toBeLessThan(toPosition(5_001n, 0));
  });

  it('given a port position, when resuming, then the read starts at its commit position', () => {
    expect(commitOf(toPosition(123_456n, 7))).toBe(123_456n);
    expect(commitOf(0)).toBe(0n);
  });

  it('given a commit position past what a safe integer holds, when mapped, then it is refused rather than rounded', () => {
    expect(Number.isSafeInteger(toPosition(MAX_COMMIT, SLOTS - 1))).toBe(true);
    expect(() => toPosition(MAX_COMMIT + 1n, 0)).toThrow(RangeError);
    expect(() => toPosition(1n, SLOTS)).toThrow(RangeError);
  });

  it("given the events of one append, when they are recorded, then each takes the last event's commit position and its index, whether the server gave them one commit position or one each", () => {
    const append = request(3);
    const shared = toRecordedEvents(stored(append, 4n, [900n, 900n, 900n]));
    const own = toRecordedEvents(stored(append, 4n, [700n, 800n, 900n]));
    for (const events of [shared, own]) {
      expect(events.map((event) => event.globalPosition)).toEqual([900 * SLOTS, 900 * SLOTS + 1, 900 * SLOTS + 2]);
      expect(events.map((event) => event.streamPosition)).toEqual([5, 6, 7]);
      expect(events.map((event) => event.metadata)).toEqual([{ actor: 'cw' }, { actor: 'cw' }, { actor: 'cw' }]);
      expect(events[0]?.recordedAt).toBe('2025-03-01T10:00:00.000Z');
    }
  });
});

describe('KurrentDB revisions', () => {
  it.each<[number | 'any', 'any' | 'no_stream' | bigint]>([
    ['any', 'any'],
    [0, 'no_stream'],
    [1, 0n],
    [42, 41n],
  ])('given the expected version %p, when appending, then the client is asked for stream state %p', (expected, state) => {
    expect(streamStateFor(expected)).toBe(state);
  });

  it("given the stream state the server reports, when mapped back, then it is the stream's event count", () => {
    expect(versionOf('no_stream')).toBe(0);
    expect(versionOf(undefined)).toBe(0);
    expect(versionOf(0n)).toBe(1);
    expect(versionOf(41n)).toBe(42);
  });

  it("given the server's wrong-expected-version details, when translated, then the port's typed conflict carries the versions", () => {
    const error = conflict('s-1', 0, 2n);
    expect(error).toBeInstanceOf(StreamVersionConflictError);
    expect(error).toMatchObject({ code: 'STREAM.VERSION_CONFLICT', streamId: 's-1', expectedVersion: 0, actualVersion: 3 });
    expect(conflict('s-2', 3, 'no_stream')).toMatchObject({ expectedVersion: 3, actualVersion: 0 });
  });
});

describe('KurrentDB idempotency', () => {
  it('given none of the ids stored, when checked, then the append is new', () => {
    expect(idempotencyOf(new Set([id(9)]), request(2))).toBe('new');
  });

  it('given every id stored, however long ago, when checked, then it is a repeat and nothing is written', () => {
    expect(idempotencyOf(new Set([id(0), id(1), id(2), id(3)]), request(2))).toBe('repeat');
  });

  it('given some ids stored, when checked, then it is partial, which the adapter refuses with DuplicateEventIdsError', () => {
    expect(idempotencyOf(new Set([id(2)]), request(2))).toBe('partial');
    expect(new DuplicateEventIdsError('s')).toMatchObject({ code: 'STREAM.DUPLICATE_EVENT_IDS' });
  });
});

describe('KurrentDB envelopes and the outbox', () => {
  it("given an append with outbox messages, when enveloped, then only the last event carries them, with each event's place in the append", () => {
    const envelopes = envelopesOf(request(3, 2));
    expect(envelopes.map(({ index, count }) => [index, count])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(envelopes.map((envelope) => envelope.outbox?.length ?? 0)).toEqual([0, 0, 2]);
  });

  it('given metadata that is not an envelope (an event written by another client), when read, then it is not taken for a port event', () => {
    expect(envelopeOf(undefined)).toBeUndefined();
    expect(envelopeOf({ actor: 'someone' })).toBeUndefined();
    expect(envelopeOf({ metadata: {}, index: 0, count: 1 })).toEqual({ metadata: {}, index: 0, count: 1 });
  });

  it("given a stored append with outbox messages, when read as outbox, then each message has its own position after the carrier's commit", () => {
    const append = request(2, 3);
    const messages = toOutboxMessages(stored(append, 0n, [50n, 60n]));
    expect(messages.map((m) => m.messageId)).toEqual(append.outbox?.map((m) => m.messageId));
    expect(messages.map((m) => m.position)).toEqual([60 * SLOTS, 60 * SLOTS + 1, 60 * SLOTS + 2]);
    expect(toOutboxMessages(stored(request(2), 0n, [50n, 60n]))).toEqual([]);
  });

  it('given events arriving one by one, when assembled, then whole appends come out, and an append read from its middle is dropped', () => {
    const assembler = new AppendAssembler();
    const first = stored(request(2), 0n, [10n, 10n]);
    const second = stored(request(3), 2n, [20n, 20n, 20n]);
    expect(assembler.push(first[0] as StoredEvent)).toBeUndefined();
    expect(assembler.push(first[1] as StoredEvent)).toEqual(first);
    expect(assembler.push(second[1] as StoredEvent)).toBeUndefined();
    expect(assembler.push(second[2] as StoredEvent)).toBeUndefined();
  });

  it.each<[string, AppendRequest]>([
    ['a system stream', { ...request(1), streamId: '$all' }],
    ["the adapter's own streams", { ...request(1), streamId: 'ips-internal-checkpoint-x' }],
    ['more events than positions per append', request(SLOTS + 1)],
    ['more outbox messages than positions per append', request(1, SLOTS + 1)],
  ])('given an append to %s, when validated for KurrentDB, then InvalidAppendError', (_label, append) => {
    expect(() => validateForKurrent(append)).toThrow(InvalidAppendError);
  });
});

describe('KurrentDB resubscription backoff', () => {
  it('given repeated drops, when the delays are computed, then they double from the initial delay up to the maximum', () => {
    const backoff = { initialMs: 100, maxMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, backoff))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(backoffDelay(1_000, backoff)).toBe(1_000);
  });
});

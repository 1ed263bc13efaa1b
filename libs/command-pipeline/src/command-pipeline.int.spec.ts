import { randomUUID } from 'node:crypto';
import { ContractRegistry, EventContract, isSealed } from '@ips/contracts';
import { AppendRequest, EventStore, StreamVersionConflictError } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { ERASED, PersonalData, PostgresKeyStore } from '@ips/personal-data';
import { PgliteDriver } from '@ips/postgres';
import { Command, DomainEvent, accept, streamId } from '@ips/kernel';
import { CommandPipeline, PARTICIPANT_ERASED, Slice } from './command-pipeline';
import { ConcurrentWriteError } from '@ips/kernel';

type Noted = DomainEvent<'Noted', { participantId: string; text: string | null; count: number }>;
type NoteState = { readonly texts: readonly (string | null)[] };
type Note = Command<'Note', { text: string | null; echo?: boolean }>;

const notedV1 = {
  type: 'Noted',
  version: 1,
  publisher: 'welfare-office',
  audience: 'sharing-circle',
  description: 'a note, for this test',
  fields: {
    text: { rule: { kind: 'text', maxLength: 100 }, optional: true, personal: true, description: 'free text' },
    count: { rule: { kind: 'number' }, description: 'how many notes so far' },
  },
} as const satisfies EventContract;

const slice: Slice<NoteState, Noted> = {
  aggregate: { category: 'test.notes', initialState: { texts: [] }, evolve: (state, event) => ({ texts: [...state.texts, event.data.text] }) },
  toShared: (event, envelope) => [
    {
      ...envelope,
      type: 'Noted',
      version: 1,
      source: 'welfare-office',
      participantId: event.data.participantId,
      occurredAt: '2026-03-02T09:00:00.000Z',
      data: { ...(event.data.text === null ? {} : { text: event.data.text }), count: event.data.count },
    },
  ],
  personal: { Noted: ['text'] },
};

/** Notes the text, or (echo) the texts noted so far as the decider saw them. */
const decide = (participantId: string) => (command: Note, state: NoteState) =>
  accept<Noted>({
    type: 'Noted',
    data: { participantId, text: command.data.echo ? state.texts.join(' | ') : command.data.text, count: state.texts.length + 1 },
  });

const note = (text: string | null, echo = false): Note => ({
  type: 'Note',
  data: { text, echo },
  metadata: { actor: { sub: 'es-1', agency: 'welfare-office', role: 'employment-specialist' }, correlationId: randomUUID(), now: '2026-03-02T09:00:00.000Z' },
});

describe('the command pipeline with personal fields', () => {
  let db: PgliteDriver;
  let store: PostgresEventStore;
  let personalData: PersonalData;
  let pipeline: CommandPipeline;

  beforeAll(async () => {
    db = await PgliteDriver.open();
    store = await PostgresEventStore.open(db);
    personalData = new PersonalData(await PostgresKeyStore.open(db));
    pipeline = new CommandPipeline(store, personalData, { registry: new ContractRegistry([notedV1]) });
  });
  afterAll(() => db.close());

  const streamOf = async (participantId: string) => (await store.readStream(streamId('test.notes', participantId))).events;
  const outboxOf = async (participantId: string) =>
    (await store.readOutbox(0, 10_000))
      .filter((message) => message.key === participantId)
      .map((message) => message.payload as { data: Record<string, unknown> });

  it('stores the personal fields of events and shared events sealed, and the rest in the clear', async () => {
    const participantId = randomUUID();
    expect(await pipeline.run(slice, participantId, note('Kari rang at nine'), decide(participantId))).toMatchObject({ ok: true });
    const [stored] = await streamOf(participantId);
    expect(isSealed(stored?.data['text'])).toBe(true);
    expect(stored?.data['count']).toBe(1);
    const [published] = await outboxOf(participantId);
    expect(isSealed(published?.data['text'])).toBe(true);
    expect(published?.data['count']).toBe(1);
    expect(JSON.stringify([stored, published])).not.toContain('Kari');
  });

  it('lets the decider see the plain values', async () => {
    const participantId = randomUUID();
    await pipeline.run(slice, participantId, note('first'), decide(participantId));
    await pipeline.run(slice, participantId, note(null), decide(participantId));
    await pipeline.run(slice, participantId, note(null, true), decide(participantId));
    const events = await personalData.open(
      participantId,
      (await streamOf(participantId)).map((event) => event.data),
    );
    expect(events.map((data) => data['text'])).toEqual(['first', null, 'first | ']);
  });

  it('after erasure: the decider sees [erased]; a personal value is refused and nothing is stored; the rest is recorded', async () => {
    const participantId = randomUUID();
    await pipeline.run(slice, participantId, note('Kari rang at nine'), decide(participantId));
    await personalData.erase(participantId);

    const refused = await pipeline.run(slice, participantId, note('more about Kari'), decide(participantId));
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: PARTICIPANT_ERASED, kind: 'conflict' }) });
    expect(await streamOf(participantId)).toHaveLength(1);
    expect(await outboxOf(participantId)).toHaveLength(1);

    expect(await pipeline.run(slice, participantId, note(null), decide(participantId))).toMatchObject({ ok: true });
    const echoed = await pipeline.run(slice, participantId, note(null, true), decide(participantId));
    expect(echoed).toEqual({ ok: false, error: expect.objectContaining({ code: PARTICIPANT_ERASED }) });
    const opened = await personalData.open(
      participantId,
      (await streamOf(participantId)).map((event) => event.data),
    );
    expect(opened.map((data) => data['text'])).toEqual([ERASED, null]);
  });

  it('runs beforeAppend once the decision is taken, and not when it is refused', async () => {
    const participantId = randomUUID();
    const calls: number[] = [];
    await pipeline.run(slice, participantId, note('x'), decide(participantId), {
      beforeAppend: async () => void calls.push((await streamOf(participantId)).length),
    });
    expect(calls).toEqual([0]);
    await personalData.erase(participantId);
    await pipeline.run(slice, participantId, note('y'), decide(participantId), { beforeAppend: async () => void calls.push(-1) });
    expect(calls).toEqual([0]);
  });

  it('decides a new stream without reading it, and when it was not new after all, decides again on what is there', async () => {
    const participantId = randomUUID();
    expect(await pipeline.run(slice, participantId, note('first'), decide(participantId), { newStream: true })).toMatchObject({ ok: true, streamVersion: 1 });
    // The same id again, claimed new: the append conflicts, the retry reads the stream and the decider sees 'first'.
    expect(await pipeline.run(slice, participantId, note(null, true), decide(participantId), { newStream: true })).toMatchObject({
      ok: true,
      streamVersion: 2,
    });
    const events = await personalData.open(
      participantId,
      (await streamOf(participantId)).map((event) => event.data),
    );
    expect(events.map((data) => [data['text'], data['count']])).toEqual([
      ['first', 1],
      ['first', 2],
    ]);
  });
});

describe('the command pipeline with commands on one stream at the same moment', () => {
  let db: PgliteDriver;
  let store: PostgresEventStore;
  let personalData: PersonalData;
  const registry = new ContractRegistry([notedV1]);

  beforeAll(async () => {
    db = await PgliteDriver.open();
    store = await PostgresEventStore.open(db);
    personalData = new PersonalData(await PostgresKeyStore.open(db));
  });
  afterAll(() => db.close());

  const countsOf = async (participantId: string) =>
    (
      await personalData.open(
        participantId,
        (await store.readStream(streamId('test.notes', participantId))).events.map((event) => event.data),
      )
    ).map((data) => data['count']);

  it('in one process: 20 at once all succeed, each decided on the state the one before left', async () => {
    const pipeline = new CommandPipeline(store, personalData, { registry });
    const participantId = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, n) => pipeline.run(slice, participantId, note(`n${n}`), decide(participantId))));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(await countsOf(participantId)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
  });

  it('across two pipelines on one store (two processes): a conflict is decided again after a back-off, nothing lost or doubled', async () => {
    const first = new CommandPipeline(store, personalData, { registry });
    const second = new CommandPipeline(store, personalData, { registry });
    const participantId = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, n) => (n % 2 === 0 ? first : second).run(slice, participantId, note(`n${n}`), decide(participantId))),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(await countsOf(participantId)).toEqual(Array.from({ length: 10 }, (_, n) => n + 1));
  });

  it('when another writer wins every attempt: ConcurrentWriteError after the last one, with jittered, growing waits between, nothing stored', async () => {
    const draws: number[] = [];
    const alwaysBehind: EventStore = {
      readStream: (id) => store.readStream(id),
      readAll: (after, limit) => store.readAll(after, limit),
      readOutbox: (after, limit) => store.readOutbox(after, limit),
      append: async (request: AppendRequest) => {
        throw new StreamVersionConflictError(request.streamId, request.expectedVersion, 99);
      },
    };
    const pipeline = new CommandPipeline(alwaysBehind, personalData, {
      registry,
      retry: { attempts: 4, baseDelayMs: 20, maxDelayMs: 50 },
      random: () => {
        draws.push(Date.now());
        return 0.5;
      },
    });
    const participantId = randomUUID();
    const started = Date.now();
    await expect(pipeline.run(slice, participantId, note('x'), decide(participantId))).rejects.toBeInstanceOf(ConcurrentWriteError);
    // waits of 0.5 × 20, 40, 50 (capped) ms between 4 attempts
    expect(draws).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10 + 20 + 25 - 5);
    expect(await countsOf(participantId)).toEqual([]);
  });
});

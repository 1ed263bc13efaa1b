import { randomUUID } from 'node:crypto';
import { AppendRequest, EventStore, StreamVersionConflictError } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { PersonalData, PostgresKeyStore } from '@ips/personal-data';
import { PgliteDriver } from '@ips/postgres';
import { Command, DomainEvent, accept, refuse } from '@ips/kernel';
import { CommandObserver, CommandPipeline, Slice } from './command-pipeline';
import { ConcurrentWriteError } from '@ips/kernel';

type Counted = DomainEvent<'Counted', { participantId: string }>;
type Count = Command<'Count', { refuse?: boolean }>;

const slice: Slice<number, Counted> = {
  aggregate: { category: 'test.counts', initialState: 0, evolve: (state) => state + 1 },
  toShared: () => [],
};
const decide = (participantId: string) => (command: Count) =>
  command.data.refuse ? refuse<Counted>('rejected', 'COUNT.REFUSED', 'refused for this test') : accept<Counted>({ type: 'Counted', data: { participantId } });
const count = (refused = false): Count => ({
  type: 'Count',
  data: { refuse: refused },
  metadata: { actor: { sub: 'es-1', agency: 'welfare-office', role: 'employment-specialist' }, correlationId: randomUUID(), now: '2026-03-02T09:00:00.000Z' },
});

/** What an observer (the service's metrics) is told. */
class Recording implements CommandObserver {
  readonly ended: string[] = [];
  readonly conflicts: string[] = [];
  commandEnded(type: string, outcome: string, kind?: string): void {
    this.ended.push([type, outcome, kind].filter(Boolean).join(' '));
  }
  commandConflicted(type: string): void {
    this.conflicts.push(type);
  }
}

describe('the command pipeline as its observer sees it', () => {
  let db: PgliteDriver;
  let store: PostgresEventStore;
  let personalData: PersonalData;

  beforeAll(async () => {
    db = await PgliteDriver.open();
    store = await PostgresEventStore.open(db);
    personalData = new PersonalData(await PostgresKeyStore.open(db));
  });
  afterAll(() => db.close());

  it('is told each command that was decided and stored, and each refused, with the domain error’s kind', async () => {
    const observer = new Recording();
    const pipeline = new CommandPipeline(store, personalData).observedBy(observer);
    const participantId = randomUUID();
    await pipeline.run(slice, participantId, count(), decide(participantId));
    await pipeline.run(slice, participantId, count(true), decide(participantId));
    expect(observer.ended).toEqual(['Count ok', 'Count refused rejected']);
    expect(observer.conflicts).toEqual([]);
  });

  it('is told each lost race, and an error when every attempt lost', async () => {
    const alwaysBehind: EventStore = {
      readStream: (id) => store.readStream(id),
      readAll: (after, limit) => store.readAll(after, limit),
      readOutbox: (after, limit) => store.readOutbox(after, limit),
      append: async (request: AppendRequest) => {
        throw new StreamVersionConflictError(request.streamId, request.expectedVersion, 99);
      },
    };
    const observer = new Recording();
    const pipeline = new CommandPipeline(alwaysBehind, personalData, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } }).observedBy(observer);
    const participantId = randomUUID();
    await expect(pipeline.run(slice, participantId, count(), decide(participantId))).rejects.toBeInstanceOf(ConcurrentWriteError);
    expect(observer.conflicts).toEqual(['Count', 'Count', 'Count']);
    expect(observer.ended).toEqual(['Count error']);
  });
});

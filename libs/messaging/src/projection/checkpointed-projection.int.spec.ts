import { randomUUID } from 'node:crypto';
import { RecordSource, RecordedEvent } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { InMemoryKurrentDb } from '@ips/event-store/testing';
import { PgliteDriver, SqlDriver, SqlExecutor } from '@ips/postgres';
import { CheckpointedProjection } from './checkpointed-projection';

const append = (store: Pick<PostgresEventStore, 'append'>, streamId: string, n: number) =>
  store.append({ streamId, expectedVersion: 'any', events: Array.from({ length: n }, () => ({ eventId: randomUUID(), type: 'Noted', data: {} })) });

/** A read model of the event ids applied, one row per application, so applying twice shows. */
const countingInto = (table: string) => async (events: readonly RecordedEvent[], tx: SqlExecutor) => {
  await tx.query(`insert into ${table} (event_id) select unnest($1::text[])`, [events.map((event) => event.eventId)]);
};

const applied = async (db: SqlDriver, table: string): Promise<string[]> =>
  (await db.query<{ event_id: string }>(`select event_id from ${table} order by id`)).map((row) => row.event_id);

describe('a checkpointed projection: read model and checkpoint in one transaction of the service’s database', () => {
  let db: PgliteDriver;
  let table: string;
  const started: CheckpointedProjection<RecordedEvent>[] = [];

  beforeEach(async () => {
    db = await PgliteDriver.open();
    table = `applied_${randomUUID().replace(/-/g, '')}`;
    await db.exec(`create table ${table} (id bigint generated always as identity primary key, event_id text not null)`);
  });
  afterEach(async () => {
    for (const projection of started.splice(0)) await projection.stop();
    await db.close();
  });

  const project = async (source: RecordSource<RecordedEvent>, apply = countingInto(table), categories?: readonly string[]) => {
    const projection = await CheckpointedProjection.open(db, source, 'test-view', { apply, pollIntervalMs: 20, ...(categories ? { categories } : {}) });
    started.push(projection);
    await projection.start();
    return projection;
  };

  it.each([
    ['the PostgreSQL store, in the same database', async () => PostgresEventStore.open(db)],
    ['KurrentDB (an in-memory stand-in), apart from the database', async () => new InMemoryKurrentDb().store()],
  ])('given events in %s, when followed, then each is applied once, in order, and a restart goes on after the checkpoint', async (_, open) => {
    const store = await open();
    await append(store, `test.a-${randomUUID()}`, 3);
    const first = await project(store.events);
    await append(store, `test.b-${randomUUID()}`, 2);
    expect(await first.caughtUp(5_000)).toBe(true);
    await first.stop();
    await append(store, `test.a-${randomUUID()}`, 2);

    const again = await project(store.events);
    expect(await again.caughtUp(5_000)).toBe(true);

    const all = (await store.readAll(0, 100)).map((event) => event.eventId);
    expect(all).toHaveLength(7);
    expect(await applied(db, table)).toEqual(all);
  });

  it.each([
    ['the PostgreSQL store, in the same database', async () => PostgresEventStore.open(db)],
    ['KurrentDB (an in-memory stand-in), apart from the database', async () => new InMemoryKurrentDb().store()],
  ])(
    'given events of its category among many of others in %s, when followed by category, then only its own are applied and its checkpoint moves past the others to the end, so it is caught up',
    async (_, open) => {
      const store = await open();
      await append(store, `mine.a-${randomUUID()}`, 2);
      for (let i = 0; i < 5; i++) await append(store, `others.b-${randomUUID()}`, 20);
      const projection = await project(store.events, countingInto(table), ['mine']);
      expect(await projection.caughtUp(5_000)).toBe(true);

      await append(store, `others.b-${randomUUID()}`, 3);
      expect(await projection.caughtUp(5_000)).toBe(true);
      await append(store, `mine.a-${randomUUID()}`, 1);
      expect(await projection.caughtUp(5_000)).toBe(true);

      const mine = (await store.readAll(0, 1_000)).filter((event) => event.streamId.startsWith('mine.')).map((event) => event.eventId);
      expect(mine).toHaveLength(3);
      expect(await applied(db, table)).toEqual(mine);
      const ends = await store.events.ends();
      expect(await projection.checkpoints.position('$all')).toBe(ends.get('$all'));
    },
  );

  it('given a run delivered again (an at-least-once source), when applied, then only what lies beyond the checkpoint takes effect', async () => {
    const store = await PostgresEventStore.open(db);
    await append(store, `test.a-${randomUUID()}`, 3);
    const events = await store.readAll(0, 100);
    let deliver!: (run: readonly RecordedEvent[]) => Promise<void>;
    const replaying: RecordSource<RecordedEvent> = {
      ...store.events,
      follow: async (options) => {
        deliver = options.handle;
        return { stop: async () => undefined };
      },
    };
    await project(replaying);

    await deliver(events.slice(0, 2));
    await deliver(events);
    await deliver(events.slice(1));

    expect(await applied(db, table)).toEqual(events.map((event) => event.eventId));
  });

  it('given a handler that fails after writing, when it fails, then neither its writes nor the checkpoint commit, and the run comes again until it succeeds', async () => {
    const store = await PostgresEventStore.open(db);
    await append(store, `test.a-${randomUUID()}`, 3);
    let failures = 2;
    const projection = await project(store.events, async (events, tx) => {
      await countingInto(table)(events, tx);
      if (failures-- > 0) throw new Error('fails on purpose');
    });

    expect(await projection.caughtUp(10_000)).toBe(true);

    expect(await applied(db, table)).toEqual((await store.readAll(0, 100)).map((event) => event.eventId));
  });

  it('given nothing started, when asked whether it caught up, then it says no within the bound (the line answers 503, not 404)', async () => {
    const store = await PostgresEventStore.open(db);
    await append(store, `test.a-${randomUUID()}`, 1);
    const idle = await CheckpointedProjection.open(db, store.events, 'idle-view', { apply: countingInto(table) });
    expect(await idle.caughtUp(50)).toBe(false);
  });
});

import { randomUUID } from 'node:crypto';
import { PgliteDriver } from '@ips/postgres';
import { AppendObserver, PostgresEventStore } from './postgres/postgres-event-store.adapter';

const append = (store: PostgresEventStore, events = 1, outbox = 0) =>
  store.append({
    streamId: `test.metrics-${randomUUID()}`,
    expectedVersion: 0,
    events: Array.from({ length: events }, () => ({ eventId: randomUUID(), type: 'Happened', data: {} })),
    outbox: Array.from({ length: outbox }, () => ({ messageId: randomUUID(), key: randomUUID(), type: 'happened.v1', payload: {} })),
  });

describe('the PostgreSQL event store, as the metrics read it', () => {
  let db: PgliteDriver;
  let store: PostgresEventStore;
  const batches: { requests: number; events: number; seconds: number }[] = [];
  const observer: AppendObserver = { appendBatchCommitted: (requests, events, seconds) => void batches.push({ requests, events, seconds }) };

  beforeAll(async () => {
    db = await PgliteDriver.open();
    store = await PostgresEventStore.open(db, { observer });
  });
  afterAll(() => db.close());

  it('tells its observer each group commit: the appends sent together, the events written and the time it took', async () => {
    batches.length = 0;
    await append(store, 2);
    await Promise.all([append(store), append(store), append(store)]);
    expect(batches.reduce((sum, batch) => sum + batch.requests, 0)).toBe(4);
    expect(batches.reduce((sum, batch) => sum + batch.events, 0)).toBe(5);
    expect(batches.every((batch) => batch.seconds > 0 && batch.seconds < 10)).toBe(true);
  });

  it("counts the outbox beyond a relay's checkpoint, and the oldest's age", async () => {
    expect(await store.outboxBacklog('outbox-relay:nobody-yet')).toEqual({ waiting: 0, oldestSeconds: 0 });
    await append(store, 1, 2);
    await append(store, 1, 1);
    const backlog = await store.outboxBacklog('outbox-relay:nobody-yet');
    expect(backlog.waiting).toBe(3);
    expect(backlog.oldestSeconds).toBeGreaterThanOrEqual(0);
    const relay = store.subscribeToOutbox({ name: 'outbox-relay:test', transactional: false, handle: async () => undefined });
    await relay.caughtUp();
    await relay.stop();
    expect(await store.outboxBacklog('outbox-relay:test')).toEqual({ waiting: 0, oldestSeconds: 0 });
  });
});

import { randomUUID } from 'node:crypto';
import { KnownTeamEvent, contractKey } from '@ips/contracts';
import { Subscription } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { startOutboxRelay } from '@ips/messaging';
import { KafkaBus } from '@ips/messaging/kafka';
import { MockKafkaCluster, describeWithKafka } from '@ips/messaging/testing';
import { PgliteDriver } from '@ips/postgres';
import { TeamDirectory } from './team-directory';
import { createTeamDirectoryConsumer, teamDirectoryGroup } from './team-directory.consumer';
import { teamEvents } from './testing';

const { defined, added } = teamEvents;

const eventually = async (condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * The distributed profile's read-your-writes: the programme service writes a team event to its outbox, its relay
 * sends it to Kafka, and its own directory consumer (group `programme.team-directory`) gets it back from there.
 */
describeWithKafka("read-your-writes over Kafka: the programme service's own directory", () => {
  jest.setTimeout(90_000);
  let cluster: MockKafkaCluster;
  let db: PgliteDriver;
  let store: PostgresEventStore;
  let bus: KafkaBus;
  let relay: Subscription;
  let directory: TeamDirectory;

  const write = async (...events: KnownTeamEvent[]): Promise<void> => {
    const teamId = events[0]?.teamId as string;
    await store.append({
      streamId: `programme.team-${teamId}-${randomUUID()}`,
      expectedVersion: 0,
      events: events.map((event) => ({ eventId: randomUUID(), type: event.type, data: { teamId } })),
      outbox: events.map((event) => ({ messageId: event.id, key: teamId, type: contractKey(event.type, event.version), payload: event as never })),
    });
  };

  beforeAll(async () => {
    cluster = await MockKafkaCluster.start();
    db = await PgliteDriver.open();
    store = await PostgresEventStore.open(db);
    bus = new KafkaBus({ brokers: cluster.brokers, clientId: 'programme', topic: `test-team-events-${randomUUID()}`, logLevel: 'nothing' });
    const consumer = await createTeamDirectoryConsumer(db);
    await bus.subscribeBatches(teamDirectoryGroup('programme'), consumer.handleBatch);
    relay = startOutboxRelay(store, bus, { source: 'programme', pollIntervalMs: 200 });
    directory = await TeamDirectory.open(db, { outbox: store, catchUpTimeoutMs: 20_000 });
  });
  afterAll(async () => {
    await relay.stop();
    await bus.close();
    await db.close();
    await cluster.stop();
  });

  it('given a team event written, then waitForHead resolves once it came back from Kafka into the directory', async () => {
    const teamId = randomUUID();
    await write(defined(teamId), added(teamId, 'es-kafka'));

    expect(await directory.waitForHead()).toBe(true);
    expect(await directory.isMember('es-kafka', teamId, '2026-01-10')).toBe(true);
  });

  it('given Kafka unreachable, then waitForHead gives up after its bound (the write stands), and the event arrives once Kafka is back', async () => {
    const teamId = randomUUID();
    cluster.freeze();
    try {
      await write(defined(teamId), added(teamId, 'es-outage'));
      expect(await directory.waitForHead(500)).toBe(false);
    } finally {
      cluster.thaw();
    }
    await eventually(() => directory.isMember('es-outage', teamId, '2026-01-10'));
  });
});

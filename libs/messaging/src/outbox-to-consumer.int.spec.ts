import { randomUUID } from 'node:crypto';
import { SharedEvent, contractKey } from '@ips/contracts';
import { Subscription } from '@ips/event-store';
import { PostgresEventStore } from '@ips/event-store/postgres';
import { PgliteDriver, SqlExecutor } from '@ips/postgres';
import { uuidv7 } from '@ips/utils';
import { CheckpointedConsumer } from './checkpointed-consumer';
import { InProcessBus } from './in-process-bus.adapter';
import { referralEvent } from './testing';
import { BatchHandler, Delivery, DeliveryHandler, MessageBus, PublishableMessage } from './message-bus.port';
import { startOutboxRelay } from './outbox-relay';

const participantId = randomUUID();

const referral = (n: number): SharedEvent => referralEvent(participantId, n);

/** A bus in front of the in-process one that can be taken down, or that fails after delivering. */
class FaultyBus implements MessageBus {
  down = false;
  failAfterDelivery = 0;
  constructor(private readonly inner: InProcessBus) {}
  async publish(messages: readonly PublishableMessage[]): Promise<void> {
    if (this.down) throw new Error('broker unreachable');
    await this.inner.publish(messages);
    if (this.failAfterDelivery > 0) {
      this.failAfterDelivery--;
      throw new Error('connection lost before the acknowledgement');
    }
  }
  subscribe(group: string, handler: DeliveryHandler): Promise<void> {
    return this.inner.subscribe(group, handler);
  }
  subscribeBatches(group: string, handler: BatchHandler): Promise<void> {
    return this.inner.subscribeBatches(group, handler);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

describe.each([
  ['one message at a time', false],
  ['in batches', true],
])('outbox → relay → bus → checkpointed consumer, %s', (_mode, batches) => {
  let driver: PgliteDriver;
  let store: PostgresEventStore;
  let bus: FaultyBus;
  let relay: Subscription;
  let consumer: CheckpointedConsumer;
  const deadLetters: string[] = [];

  const appendShared = async (event: SharedEvent): Promise<void> => {
    await store.append({
      streamId: `test-${randomUUID()}`,
      expectedVersion: 0,
      events: [{ eventId: uuidv7(), type: 'SomethingHappened', data: {} }],
      outbox: [{ messageId: event.id, key: event.participantId, type: contractKey(event.type, event.version), payload: event as never }],
    });
  };
  const applied = async (): Promise<string[]> =>
    (await driver.query<{ event_id: string }>('select event_id from applied order by seq')).map((row) => row.event_id);

  beforeEach(async () => {
    driver = await PgliteDriver.open();
    store = await PostgresEventStore.open(driver);
    await driver.exec('create table applied (seq int generated always as identity, event_id uuid not null)');
    bus = new FaultyBus(new InProcessBus());
    consumer = await CheckpointedConsumer.create(driver, {
      name: 'test-view',
      apply: async (event: SharedEvent, tx: SqlExecutor) => {
        await tx.query('insert into applied (event_id) values ($1)', [event.id]);
      },
      onDeadLetter: (_, reason) => deadLetters.push(reason),
    });
    if (batches) await bus.subscribeBatches('test-view', consumer.handleBatch);
    else await bus.subscribe('test-view', consumer.handle);
    deadLetters.length = 0;
    relay = startOutboxRelay(store, bus, { source: 'welfare-office', pollIntervalMs: 20 });
  });

  afterEach(async () => {
    await relay.stop();
    await driver.close();
  });

  it('delivers every shared event once, in outbox order', async () => {
    const events = Array.from({ length: 20 }, (_, n) => referral(n));
    for (const event of events) await appendShared(event);
    await relay.caughtUp();
    expect(await applied()).toEqual(events.map((event) => event.id));
  });

  it('loses nothing while the bus is down, and delivers everything once it is back', async () => {
    bus.down = true;
    const events = Array.from({ length: 10 }, (_, n) => referral(n));
    for (const event of events) await appendShared(event); // acknowledged writes, bus unreachable
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await applied()).toEqual([]);
    bus.down = false;
    await relay.caughtUp();
    expect(await applied()).toEqual(events.map((event) => event.id));
  });

  it('applies a message once when the relay sends it again after a lost acknowledgement', async () => {
    bus.failAfterDelivery = 2;
    const events = Array.from({ length: 5 }, (_, n) => referral(n));
    for (const event of events) await appendShared(event);
    await relay.caughtUp();
    expect(await applied()).toEqual(events.map((event) => event.id));
  });

  it('puts an invalid message and one of an unknown version on the dead letters, with the reason, and goes on', async () => {
    const good = referral(1);
    const invalid = { ...referral(2), data: { givenName: 'No birth date', familyName: 'X', referredBy: 'self' } };
    const unknownVersion = { ...referral(3), version: 9 };
    const after = referral(4);
    for (const event of [good, invalid, unknownVersion, after]) await appendShared(event as SharedEvent);
    await relay.caughtUp();
    expect(await applied()).toEqual([good.id, after.id]);
    const letters = await driver.query<{ reason: string; message_id: string }>('select reason, message_id from msg_dead_letters order by id');
    expect(letters).toEqual([
      { reason: 'invalid ParticipantReferred.v1', message_id: invalid.id },
      { reason: 'unknown event ParticipantReferred.v9', message_id: unknownVersion.id },
    ]);
    expect(deadLetters).toHaveLength(2);
  });

  it('resumes after a restart of the relay from its checkpoint, without sending again', async () => {
    const first = [referral(1), referral(2)];
    for (const event of first) await appendShared(event);
    await relay.caughtUp();
    await relay.stop();
    const second = [referral(3)];
    for (const event of second) await appendShared(event);
    relay = startOutboxRelay(store, bus, { source: 'welfare-office', pollIntervalMs: 20 });
    await relay.caughtUp();
    expect(await applied()).toEqual([...first, ...second].map((event) => event.id));
  });

  it('applies a message once when it arrives again at a later position, also within one batch', async () => {
    const [first, second] = [referral(1), referral(2)];
    const delivery = (event: SharedEvent, position: number): Delivery => ({
      message: { id: event.id, key: event.participantId, type: contractKey(event.type, event.version), payload: event, source: 'kafka' },
      cursor: { stream: 'topic:0', position },
    });
    const deliver = (deliveries: Delivery[]) =>
      batches ? consumer.handleBatch(deliveries) : deliveries.reduce((done, d) => done.then(() => consumer.handle(d)), Promise.resolve());
    await deliver([delivery(first, 1), delivery(second, 2), delivery(first, 3)]);
    await deliver([delivery(second, 4), delivery(first, 2)]);
    expect(await applied()).toEqual([first.id, second.id]);
    expect(await consumer.position('topic:0')).toBe(4);
  });
});

import { randomUUID } from 'node:crypto';
import { SharedEvent, contractKey } from '@ips/contracts';
import { PgliteDriver } from '@ips/postgres';
import { CheckpointedConsumer } from './checkpointed-consumer';
import { Delivery } from './message-bus.port';
import { referralEvent } from './testing';

const delivery = (event: SharedEvent, position: number): Delivery => ({
  message: { id: event.id, key: event.participantId, type: contractKey(event.type, event.version), payload: event, source: 'welfare-office' },
  cursor: { stream: 'welfare-office', position },
});

describe('checkpointed consumer: onApplied (what live views follow)', () => {
  let driver: PgliteDriver;
  let told: string[][];
  let consumer: CheckpointedConsumer;
  let failing: string | undefined;

  beforeEach(async () => {
    driver = await PgliteDriver.open();
    told = [];
    failing = undefined;
    consumer = await CheckpointedConsumer.create(driver, {
      name: 'live',
      maxAttempts: 1,
      apply: async (event) => {
        if (event.id === failing) throw new Error('poison');
      },
      onApplied: (events) => told.push(events.map((event) => event.id)),
    });
  });

  afterEach(() => driver.close());

  it('given a delivery, when it is applied, then its event is told after the commit; a repeat is not told again', async () => {
    const event = referralEvent(randomUUID(), 1);
    await consumer.handle(delivery(event, 1));
    await consumer.handle(delivery(event, 1));
    expect(told).toEqual([[event.id]]);
  });

  it('given a batch with a repeat, when it is applied, then only the new events are told, in order, at once', async () => {
    const participant = randomUUID();
    const [a, b, c] = [1, 2, 3].map((n) => referralEvent(participant, n)) as [SharedEvent, SharedEvent, SharedEvent];
    await consumer.handle(delivery(a, 1));
    await consumer.handleBatch([delivery(a, 1), delivery(b, 2), delivery(c, 3)]);
    expect(told).toEqual([[a.id], [b.id, c.id]]);
  });

  it('given a batch with a poison message, when it is applied one by one, then the good ones are told and the poison is not', async () => {
    const participant = randomUUID();
    const [a, b] = [1, 2].map((n) => referralEvent(participant, n)) as [SharedEvent, SharedEvent];
    failing = a.id;
    await consumer.handleBatch([delivery(a, 1), delivery(b, 2)]);
    expect(told).toEqual([[b.id]]);
  });
});

import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { SharedEvent } from '@ips/contracts';
import { PgliteDriver, SqlExecutor } from '@ips/postgres';
import { CheckpointedConsumer } from '../checkpointed-consumer';
import { MockKafkaCluster, asBusMessage, describeWithKafka, referralEvent } from '../testing';
import { KafkaBus } from './kafka-bus.adapter';
import { topics } from './topics';

const referral = referralEvent;
const asMessage = asBusMessage;

const until = async (condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describeWithKafka('the Kafka bus on the librdkafka mock cluster', () => {
  jest.setTimeout(60_000);
  let cluster: MockKafkaCluster;
  let bus: KafkaBus;
  let driver: PgliteDriver;
  let topic: string;
  const deadLetterReasons: string[] = [];

  const applied = async (): Promise<string[]> =>
    (await driver.query<{ event_id: string }>('select event_id from applied order by seq')).map((row) => row.event_id);

  /** A raw kafkajs consumer of a topic, to look at records as they are on the wire. */
  const readRaw = async (fromTopic: string, count: number) => {
    const kafka = new Kafka({ clientId: 'raw-reader', brokers: [...cluster.brokers], logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `raw-${randomUUID()}`, maxWaitTimeInMs: 200 });
    const records: { key: string; partition: number; value: string; headers: Record<string, string> }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: fromTopic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.push({
          key: message.key?.toString() ?? '',
          partition,
          value: message.value?.toString() ?? '',
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
        });
      },
    });
    await until(async () => records.length >= count);
    await consumer.disconnect();
    return records;
  };

  const startConsumer = async (group = `test-view-${randomUUID()}`): Promise<CheckpointedConsumer> => {
    const consumer = await CheckpointedConsumer.create(driver, {
      name: group,
      maxAttempts: 3,
      apply: async (event: SharedEvent, tx: SqlExecutor) => {
        if ((event.data as { givenName?: string }).givenName === 'Poison') throw new Error('cannot apply this one');
        await tx.query('insert into applied (event_id) values ($1)', [event.id]);
      },
      deadLetterSink: (delivery, reason) => bus.sendToDeadLetters(group, delivery, reason),
      onDeadLetter: (_, reason) => deadLetterReasons.push(reason),
    });
    await bus.subscribeBatches(group, consumer.handleBatch);
    return consumer;
  };

  beforeAll(async () => {
    cluster = await MockKafkaCluster.start();
  });
  afterAll(() => cluster.stop());

  beforeEach(async () => {
    topic = `test-participant-events-${randomUUID()}`;
    bus = new KafkaBus({ brokers: cluster.brokers, clientId: 'test', topic, logLevel: 'nothing', redelivery: { initialMs: 20, maxMs: 100 } });
    driver = await PgliteDriver.open();
    await driver.exec('create table applied (seq int generated always as identity, event_id uuid not null)');
    deadLetterReasons.length = 0;
  });
  afterEach(async () => {
    await bus.close();
    await driver.close();
  });

  it('sends every message with CloudEvents headers and the participant id as the key', async () => {
    const participantId = randomUUID();
    const events = [referral(participantId, 1), referral(participantId, 2)];
    await bus.publish(events.map(asMessage));
    const records = await readRaw(topic, 2);
    expect(records.map((record) => record.key)).toEqual([participantId, participantId]);
    expect(records[0]?.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: events[0]?.id,
      ce_source: '/ips/welfare-office',
      ce_type: 'ParticipantReferred.v1',
      ce_time: events[0]?.occurredAt,
      ce_subject: participantId,
      ce_partitionkey: participantId,
      'content-type': 'application/json',
    });
    expect(JSON.parse(records[0]?.value ?? '')).toEqual(events[0]);
  });

  it("keeps each participant's events in order, across partitions", async () => {
    const participants = Array.from({ length: 8 }, () => randomUUID());
    const events = Array.from({ length: 80 }, (_, n) => referral(participants[n % 8] as string, n));
    for (let i = 0; i < events.length; i += 20) await bus.publish(events.slice(i, i + 20).map(asMessage));
    await startConsumer();
    await until(async () => (await applied()).length === events.length);
    const order = await applied();
    for (const participantId of participants) {
      const own = events.filter((event) => event.participantId === participantId).map((event) => event.id);
      expect(order.filter((id) => own.includes(id))).toEqual(own);
    }
    expect(new Set(records(await bus.ends())).size).toBeGreaterThan(1);
  });

  it('applies a message delivered twice once', async () => {
    const event = referral(randomUUID(), 1);
    await bus.publish([asMessage(event)]);
    await bus.publish([asMessage(event)]);
    const after = referral(randomUUID(), 2);
    await bus.publish([asMessage(after)]);
    const consumer = await startConsumer();
    await until(async () => {
      const ends = [...(await bus.ends()).entries()];
      const positions = await Promise.all(ends.map(([stream]) => consumer.position(stream)));
      return ends.every(([, end], i) => (positions[i] ?? 0) >= end);
    });
    expect((await applied()).sort()).toEqual([event.id, after.id].sort());
  });

  it('puts a malformed message, one of an unknown version and one that keeps failing on the dead-letter topic with the reason, and goes on', async () => {
    const participantId = randomUUID();
    const malformed = { ...referral(participantId, 1), data: { givenName: 'No birth date', familyName: 'X', referredBy: 'self' } };
    const unknownVersion = { ...referral(participantId, 2), version: 9 };
    const poison = { ...referral(participantId, 3), data: { ...referral(participantId, 3).data, givenName: 'Poison' } };
    const good = referral(participantId, 4);
    await bus.publish([malformed as SharedEvent, unknownVersion, poison, good].map(asMessage));
    await startConsumer();
    await until(async () => (await applied()).includes(good.id));
    expect(await applied()).toEqual([good.id]);
    const letters = await readRaw(topics.deadLetters(topic), 3);
    expect(letters.map((letter) => [letter.headers['ce_id'], letter.headers['dead_letter_reason']])).toEqual([
      [malformed.id, 'invalid ParticipantReferred.v1'],
      [unknownVersion.id, 'unknown event ParticipantReferred.v9'],
      [poison.id, expect.stringContaining('apply failed 3 times: Error: cannot apply this one')],
    ]);
    expect(letters.every((letter) => letter.key === participantId && letter.headers['dead_letter_group']?.startsWith('test-view-'))).toBe(true);
  });

  it('finishes a send issued while Kafka is unreachable once it is back, and loses nothing', async () => {
    await startConsumer();
    const before = referral(randomUUID(), 1);
    await bus.publish([asMessage(before)]);
    await until(async () => (await applied()).includes(before.id));
    cluster.freeze();
    const during = referral(randomUUID(), 2);
    const sending = bus.publish([asMessage(during)]);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    cluster.thaw();
    await sending;
    await until(async () => (await applied()).includes(during.id));
    expect(await applied()).toEqual([before.id, during.id]);
  });
});

const records = (ends: Map<string, number>): string[] => [...ends.entries()].filter(([, end]) => end > 0).map(([stream]) => stream);

import { randomUUID } from 'node:crypto';
import { PgliteDriver } from '@ips/postgres';
import { CheckpointedConsumer } from '../checkpointed-consumer';
import { busRecordSource } from '../projection/bus-record-source.adapter';
import { MockKafkaCluster, asBusMessage, describeWithKafka, referralEvent } from '../testing';
import { KafkaBus } from './kafka-bus.adapter';

const until = async (condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describeWithKafka('the Kafka bus says which cluster and topic it is (decision 41)', () => {
  jest.setTimeout(90_000);
  const clusters: MockKafkaCluster[] = [];
  const buses: KafkaBus[] = [];
  let driver: PgliteDriver;

  const busOn = async (cluster: MockKafkaCluster, topic: string): Promise<KafkaBus> => {
    const bus = new KafkaBus({ brokers: cluster.brokers, clientId: 'origin-test', topic, logLevel: 'nothing', redelivery: { initialMs: 50, maxMs: 200 } });
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    driver = await PgliteDriver.open();
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    for (const cluster of clusters) await cluster.stop();
    await driver.close();
  });

  it('given a cluster, then its origin names the cluster id and the topic and its partitions end where the messages do; a new cluster is another origin', async () => {
    const [a, b] = [await MockKafkaCluster.start(), await MockKafkaCluster.start()];
    clusters.push(a, b);
    const topic = `origin-${randomUUID()}`;
    const onA = await busOn(a, topic);
    const empty = await onA.origin();
    expect(empty.id).toMatch(new RegExp(`^kafka:.+/${topic}$`));
    expect(empty.streamPrefix).toBe(`kafka:${topic}/`);

    const participant = randomUUID();
    await onA.publish([1, 2, 3].map((n) => asBusMessage(referralEvent(participant, n))));
    const written = await onA.origin();
    expect([...written.ends.values()].reduce((sum, end) => sum + end, 0)).toBe(3);
    expect([...written.ends.keys()].every((stream) => stream.startsWith(`kafka:${topic}/`))).toBe(true);

    expect((await (await busOn(b, topic)).origin()).id).not.toBe(written.id);
  });

  it('given a consumer that followed cluster A, when it is started against a new cluster B, then it stops and applies nothing there', async () => {
    const [a, b] = [await MockKafkaCluster.start(), await MockKafkaCluster.start()];
    clusters.push(a, b);
    const topic = `origin-${randomUUID()}`;
    const group = `view-${randomUUID()}`;
    const applied: string[] = [];
    const make = () => CheckpointedConsumer.create(driver, { name: group, apply: async (event) => void applied.push(event.id) });
    const participant = randomUUID();

    const onA = await busOn(a, topic);
    await onA.publish([1, 2].map((n) => asBusMessage(referralEvent(participant, n))));
    const first = await make();
    await first.follow(busRecordSource(onA), group);
    await until(async () => applied.length === 2);
    await onA.close();

    const onB = await busOn(b, topic);
    await onB.publish([3].map((n) => asBusMessage(referralEvent(participant, n))));
    const second = await make();
    await second.follow(busRecordSource(onB), group);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(applied).toHaveLength(2);
    expect(await second.status()).toMatchObject({ state: 'stopped', reason: expect.stringMatching(/another Kafka cluster/) });
  });
});

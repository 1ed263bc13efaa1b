import { randomUUID } from 'node:crypto';
import { SharedEvent, contractKey } from '@ips/contracts';
import { PgliteDriver } from '@ips/postgres';
import { CheckpointedConsumer } from './checkpointed-consumer';
import { BusOrigin, Delivery } from './message-bus.port';
import { BusRecordSource } from './projection/bus-record-source.adapter';
import { ConsumerCheckpoints, SourceChangedError } from './projection/consumer-checkpoints';
import { referralEvent } from './testing';

const TOPIC = 'kafka:ips.participant-events.v1/';
const stream = `${TOPIC}0`;
const delivery = (event: SharedEvent, position: number): Delivery => ({
  message: { id: event.id, key: event.participantId, type: contractKey(event.type, event.version), payload: event, source: 'welfare-office' },
  cursor: { stream, position },
});

/** A bus as a source that says which log it is, as the Kafka bus does; deliveries are handed in by the test. */
const sourceOf = (origin: BusOrigin): BusRecordSource & { followed: boolean } => {
  const source = {
    followed: false,
    cursorOf: (d: Delivery) => d.cursor,
    follow: async () => {
      source.followed = true;
      return { stop: async () => undefined };
    },
    ends: async () => origin.ends,
    origin: async () => origin,
  };
  return source;
};
const clusterA = (end: number): BusOrigin => ({ id: `kafka:clusterA/ips.participant-events.v1`, streamPrefix: TOPIC, ends: new Map([[stream, end]]) });
const clusterB = (end: number): BusOrigin => ({ id: `kafka:clusterB/ips.participant-events.v1`, streamPrefix: TOPIC, ends: new Map([[stream, end]]) });

describe('checkpointed consumer: checkpoints that know their source (decision 41)', () => {
  let driver: PgliteDriver;
  let applied: string[];
  let stopped: string[];
  let deadLetters: string[];
  const consumer = () =>
    CheckpointedConsumer.create(driver, {
      name: 'team-view',
      maxAttempts: 1,
      apply: async (event) => void applied.push(event.id),
      onStopped: (reason) => stopped.push(reason),
      onDeadLetter: (d) => deadLetters.push(d.message.id),
    });
  const participant = randomUUID();
  const events = [1, 2, 3, 4].map((n) => referralEvent(participant, n)) as [SharedEvent, SharedEvent, SharedEvent, SharedEvent];

  beforeEach(async () => {
    driver = await PgliteDriver.open();
    [applied, stopped, deadLetters] = [[], [], []];
    const first = await consumer();
    await first.follow(sourceOf(clusterA(0)));
    await first.handleBatch([delivery(events[0], 1), delivery(events[1], 2)]);
  });
  afterEach(() => driver.close());

  it('given checkpoints counted in cluster A, when it follows cluster B, then it stops, says why and how on, and applies nothing', async () => {
    const next = await consumer();
    const source = sourceOf(clusterB(1));
    await next.follow(source);

    expect(source.followed).toBe(false);
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatch(/clusterA.*clusterB.*npm run kafka:new-cluster/);
    const status = await next.status();
    expect(status).toMatchObject({ consumer: 'team-view', state: 'stopped' });
    expect(status.reason).toMatch(/another Kafka cluster/);
    await expect(next.handleBatch([delivery(events[2], 1)])).rejects.toBeInstanceOf(SourceChangedError);
    expect(applied).toEqual([events[0].id, events[1].id]);
  });

  it('given a consumer made to stop, when `stopped` is read, then it is false before and true after, as its status says', async () => {
    const refused = await consumer();
    expect(refused.stopped).toBe(false);
    await refused.follow(sourceOf(clusterB(1)));
    expect(refused.stopped).toBe(true);
    expect((await refused.status()).state).toBe('stopped');

    // Stopped while following: a message at its checkpoint that is another message (decision 41).
    const following = await consumer();
    await following.follow(sourceOf(clusterA(4)));
    expect(following.stopped).toBe(false);
    await expect(following.handleBatch([delivery(events[2], 2)])).rejects.toBeInstanceOf(SourceChangedError);
    expect(following.stopped).toBe(true);
    expect(stopped).toHaveLength(2);
  });

  it('given the same cluster, when a partition ends behind the checkpoint (the topic made again), then it stops', async () => {
    const next = await consumer();
    await next.follow(sourceOf(clusterA(1)));
    expect((await next.status()).state).toBe('stopped');
    expect(stopped[0]).toMatch(/ends at 1, behind its checkpoint 2/);
  });

  it('given the same cluster and the topic as it was, when it follows, then it goes on from its checkpoint', async () => {
    const next = await consumer();
    await next.follow(sourceOf(clusterA(3)));
    await next.handleBatch([delivery(events[1], 2), delivery(events[2], 3)]);
    expect(applied).toEqual([events[0].id, events[1].id, events[2].id]);
    expect(await next.status()).toMatchObject({ state: 'following', lag: { events: 0, seconds: 0 } });
  });

  it('given the message at its checkpoint read again, when it is another message (a topic made again and filled), then it stops and never dead-letters it', async () => {
    const next = await consumer();
    await next.follow(sourceOf(clusterA(4)));
    await expect(next.handleBatch([delivery(events[2], 2), delivery(events[3], 3)])).rejects.toBeInstanceOf(SourceChangedError);
    expect((await next.status()).state).toBe('stopped');
    expect(stopped[0]).toMatch(new RegExp(`holds message ${events[2].id} at position 2, where this consumer applied ${events[1].id}`));
    expect(applied).toEqual([events[0].id, events[1].id]);
    expect(deadLetters).toEqual([]);
  });

  it('given the way on (forgetSource), when it follows cluster B from offset 0, then it applies only what it has not seen, once', async () => {
    expect(await ConsumerCheckpoints.forgetSource(driver, 'kafka:')).toEqual(['team-view']);
    const next = await consumer();
    await next.follow(sourceOf(clusterB(3)));
    // Cluster B: the outbox sent again (events 0 and 1, applied before) and then a new one, from offset 0.
    await next.handleBatch([delivery(events[0], 1), delivery(events[1], 2), delivery(events[2], 3)]);
    expect(applied).toEqual([events[0].id, events[1].id, events[2].id]);
    expect(stopped).toEqual([]);
    // Its origin is now B: a restart on B goes on.
    const again = await consumer();
    await again.follow(sourceOf(clusterB(3)));
    expect((await again.status()).state).toBe('following');
  });

  it('given lag, when its status is read, then it counts the messages not applied and the seconds since it fell behind', async () => {
    const next = await consumer();
    await next.follow(sourceOf(clusterA(5)));
    const first = await next.status();
    expect(first.lag).toEqual({ events: 3, seconds: 0 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await next.status()).lag?.seconds).toBeGreaterThan(0);
  });
});

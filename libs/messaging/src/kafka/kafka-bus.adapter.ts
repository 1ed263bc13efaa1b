import { Consumer, IHeaders, Kafka, Partitioners, Producer, logLevel } from 'kafkajs';
import { BatchHandler, BusOrigin, Delivery, DeliveryHandler, MessageBus, PublishableMessage } from '../message-bus.port';
import { KafkaRecord, fromKafkaRecord, toKafkaRecord } from './cloud-events';
import { topics } from './topics';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topic?: string;
  /** Backoff between attempts of a delivery whose handler fails: doubling from `initialMs` up to `maxMs`. */
  readonly redelivery?: { readonly initialMs: number; readonly maxMs: number };
  readonly logLevel?: 'nothing' | 'error' | 'warn' | 'info';
  readonly onError?: (error: unknown) => void;
}

const LOG_LEVELS = { nothing: logLevel.NOTHING, error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO } as const;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const headersOf = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );

/**
 * The bus port on Kafka, the only file that knows kafkajs (kafkajs is in maintenance mode upstream:
 * another client replaces this file and nothing else). The producer sends with acks from all in-sync
 * replicas, one request in flight (order survives retries) and the broker's retries with backoff;
 * a consumer group retries a failing delivery with backoff, never skipping it: the handler (a
 * CheckpointedConsumer) decides when a message goes to the dead letters.
 */
export class KafkaBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly topic: string;
  private producer: Producer | null = null;
  private readonly consumers: Consumer[] = [];
  private closed = false;

  constructor(private readonly options: KafkaBusOptions) {
    this.topic = options.topic ?? topics.participantEvents;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: 3000,
      requestTimeout: 10_000,
      retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 5 },
      logLevel: LOG_LEVELS[options.logLevel ?? 'warn'],
    });
  }

  async publish(messages: readonly PublishableMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.send(this.topic, messages.map(toKafkaRecord));
  }

  async subscribe(group: string, handler: DeliveryHandler): Promise<void> {
    await this.subscribeBatches(group, async (deliveries) => {
      for (const delivery of deliveries) await handler(delivery);
    });
  }

  /** One partition's fetched batch at a time; its offsets are committed only after the handler resolved. */
  async subscribeBatches(group: string, handler: BatchHandler): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: group,
      allowAutoTopicCreation: true,
      // Real brokers answer a fetch as soon as data arrives; this bounds the wait where they do not.
      maxWaitTimeInMs: 100,
      // A member that died without leaving (SIGKILL) holds its partitions until its session times out.
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
    });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch, heartbeat }) => {
        const deliveries = batch.messages.map((message) =>
          fromKafkaRecord(batch.topic, batch.partition, message.offset, {
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? null,
            headers: headersOf(message.headers),
          }),
        );
        await this.deliver(() => handler(deliveries), heartbeat);
      },
    });
  }

  /** Parks a message the consumer gave up on, with the reason, on the dead-letter topic. */
  async sendToDeadLetters(group: string, delivery: Delivery, reason: string): Promise<void> {
    const { message, cursor } = delivery;
    await this.send(topics.deadLetters(this.topic), [
      {
        key: message.key,
        value: typeof message.payload === 'string' ? message.payload : JSON.stringify(message.payload),
        headers: {
          ce_id: message.id,
          ce_type: message.type,
          dead_letter_group: group,
          dead_letter_from: `${cursor.stream}@${cursor.position - 1}`,
          dead_letter_reason: reason,
        },
      },
    ]);
  }

  /** The end of each partition of the topic as delivery cursors: a group that reached them has seen everything. */
  async ends(): Promise<Map<string, number>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(this.topic);
      return new Map(offsets.map((offset) => [`kafka:${this.topic}/${offset.partition}`, Number(offset.high)]));
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * The cluster's id and the topic, and where its partitions end. kafkajs speaks Metadata up to v6, which has the
   * cluster's id but not the topic's (v10): a topic made again under its name is told by its ends and its messages'
   * ids (ConsumerCheckpoints.claim), not by an id.
   */
  async origin(): Promise<BusOrigin> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { clusterId } = await admin.describeCluster();
      const prefix = `kafka:${this.topic}/`;
      const exists = (await admin.listTopics()).includes(this.topic);
      const offsets = exists ? await admin.fetchTopicOffsets(this.topic) : [];
      return {
        id: `kafka:${clusterId}/${this.topic}`,
        streamPrefix: prefix,
        ends: new Map(offsets.map((offset) => [`${prefix}${offset.partition}`, Number(offset.high)])),
      };
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.consumers.splice(0).map((consumer) => consumer.disconnect()));
    await this.producer?.disconnect();
    this.producer = null;
  }

  private async send(topic: string, records: readonly KafkaRecord[]): Promise<void> {
    const producer = await this.connectedProducer();
    try {
      await producer.send({
        topic,
        acks: -1,
        messages: records.map((record) => ({ key: record.key, value: record.value, headers: { ...record.headers } })),
      });
    } catch (error) {
      // Start from a fresh connection next time: the caller (the outbox relay) sends the batch again.
      this.producer = null;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.closed) throw new Error('the Kafka bus is closed');
    if (!this.producer) {
      const producer = this.kafka.producer({
        allowAutoTopicCreation: true,
        idempotent: false,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async deliver(handle: () => Promise<void>, heartbeat: () => Promise<void>): Promise<void> {
    const { initialMs, maxMs } = this.options.redelivery ?? { initialMs: 200, maxMs: 10_000 };
    for (let attempt = 0; ; attempt++) {
      try {
        await handle();
        return;
      } catch (error) {
        this.options.onError?.(error);
        if (this.closed) throw error;
        await sleep(Math.min(maxMs, initialMs * 2 ** attempt));
        await heartbeat().catch(() => undefined);
      }
    }
  }
}

import { Delivery, PublishableMessage } from '../message-bus.port';

/** A Kafka record as the adapter sends and receives it (client-neutral). */
export interface KafkaRecord {
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

const SOURCE_PREFIX = '/ips/';
const TRACEPARENT = 'traceparent';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: the attributes travel as `ce_*`
 * headers and the value is the data, here the shared event itself (so a consumer can validate it
 * on its own). `partitionkey` is the CloudEvents partitioning extension: the participant id.
 */
export function toKafkaRecord(message: PublishableMessage): KafkaRecord {
  const payload = message.payload as { occurredAt?: unknown; participantId?: unknown };
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: message.id,
    ce_source: `${SOURCE_PREFIX}${message.source}`,
    ce_type: message.type,
    ce_partitionkey: message.key,
    'content-type': 'application/json',
  };
  if (typeof payload?.occurredAt === 'string') headers['ce_time'] = payload.occurredAt;
  if (typeof payload?.participantId === 'string') headers['ce_subject'] = payload.participantId;
  // W3C Trace Context as the header OpenTelemetry's Kafka propagation reads (the CloudEvents tracing extension defers to it).
  if (message.traceparent) headers[TRACEPARENT] = message.traceparent;
  return { key: message.key, value: JSON.stringify(message.payload), headers };
}

const parse = (value: string | null): unknown => {
  if (value === null) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/**
 * A delivery from a Kafka record. The cursor is the partition and offset + 1, so the stored checkpoint
 * of a consumer is "applied everything below this". A value that is not JSON stays a string: the
 * consumer's schema check rejects it to the dead letters instead of the adapter throwing.
 */
export function fromKafkaRecord(topic: string, partition: number, offset: string, record: KafkaRecord): Delivery {
  const source = record.headers['ce_source'] ?? '';
  const traceparent = record.headers[TRACEPARENT];
  return {
    message: {
      id: record.headers['ce_id'] ?? `${topic}/${partition}@${offset}`,
      key: record.key ?? '',
      type: record.headers['ce_type'] ?? '',
      payload: parse(record.value),
      source: source.startsWith(SOURCE_PREFIX) ? source.slice(SOURCE_PREFIX.length) : source,
      ...(traceparent ? { traceparent } : {}),
    },
    cursor: { stream: `kafka:${topic}/${partition}`, position: Number(offset) + 1 },
  };
}

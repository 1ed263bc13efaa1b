// Everything but the Kafka client: the kafkajs adapter is `@ips/messaging/kafka`, the mock Kafka cluster (a test and
// try-out helper) is `@ips/messaging/testing`. Guarded by entry-points.unit.spec.ts.
export * from './message-bus.port';
export * from './in-process-bus.adapter';
export * from './outbox-relay';
export * from './messaging.migrations';
export * from './checkpointed-consumer';
export * from './kafka/topics';
export * from './kafka/cloud-events';
export * from './projection/consumer-checkpoints';
export * from './projection/checkpointed-projection';
export * from './projection/bus-record-source.adapter';
export * from './consumer-status';
export * from './dead-letters';

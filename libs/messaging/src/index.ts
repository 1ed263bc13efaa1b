export * from './message-bus.port';
export * from './in-process-bus.adapter';
export * from './outbox-relay';
export * from './messaging.migrations';
export * from './checkpointed-consumer';
export * from './kafka/topics';
export * from './kafka/cloud-events';
export * from './kafka/kafka-bus.adapter';

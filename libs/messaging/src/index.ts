export * from './message-bus.port';
export * from './in-process-bus.adapter';
export * from './outbox-relay';
export * from './messaging.migrations';
export * from './checkpointed-consumer';

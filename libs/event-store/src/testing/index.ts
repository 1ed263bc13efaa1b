export * from './postgres-event-store.contract';
export * from './event-store-port.contract';
export * from './in-memory-kurrentdb';
